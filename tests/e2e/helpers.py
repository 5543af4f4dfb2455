"""What a person does in the browser, in the words of the journeys."""

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

DEMO_PASSWORD = "portal-demo"  # partnership_portal.demo.loader.DEMO_PASSWORD


def demo_code() -> str:
    """The code the demo's authenticator key gives now (partnership_portal.demo.loader.DEMO_TOTP_KEY)."""
    from django_otp.oath import totp

    from partnership_portal.demo.loader import DEMO_TOTP_KEY

    return f"{totp(bytes.fromhex(DEMO_TOTP_KEY)):06d}"


def log_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the login form (and, for admin and approver, the authenticator code) and land on the dashboard."""
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    if username in ("admin", "approver"):
        expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
        page.get_by_label("Code").fill(demo_code())
        page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("heading", name="Your dashboard")).to_be_visible()


def figure(page: Page, metric: str, area: str, year: str = "2025-26") -> Locator:
    """The box for one figure, found by its label ("Hartlepool", visually hidden ": <metric>, <year>")."""
    return page.get_by_label(f"{area}: {metric}, {year}", exact=True)


def cell_of(page: Page, box: Locator) -> Locator:
    """The table cell around a figure's box: its error, last-year hint, live change and explanation."""
    return page.locator("td").filter(has=box)


def return_status(page: Page) -> Locator:
    """The "Status: …" line under the return's heading."""
    return page.get_by_role("main").locator("p").filter(has_text="Status:")


def messages(page: Page) -> Locator:
    """The flash messages at the top of the page."""
    return page.get_by_role("status")


def partnership_nav(page: Page) -> Locator:
    """The partnership's own navigation (Overview, Structure, …, Export) under the site header."""
    return page.get_by_role("navigation", name="Partnership")


def save_download(page: Page, control: Locator, folder: Path) -> Path:
    """Click a control that downloads a file; the file, saved in `folder` under the name the portal gave it."""
    with page.expect_download() as info:
        control.click()
    download = info.value
    assert download.failure() is None, f"the download failed: {download.failure()}"
    path = folder / download.suggested_filename
    download.save_as(path)
    return path
