"""Hostile use in the browser: password guessing is locked out with a message saying when to retry."""

import pytest
from playwright.sync_api import expect

from .helpers import DEMO_PASSWORD, log_in

pytestmark = pytest.mark.e2e


def test_six_wrong_passwords_lock_the_account_with_a_message(demo, page):
    page.goto("/accounts/login/")
    for attempt in range(6):
        if attempt:
            page.goto("/accounts/login/")
        page.get_by_label("Username").fill("partner")
        page.get_by_label("Password").fill(f"guess-{attempt}")
        page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Signing in is paused")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Try again after")
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("partner")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Signing in is paused")).to_be_visible()


def fifty_thousand_row_workbook(path):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Figures")
    sheet.append(["metric_code", "area_code", "year", "value"])
    for _ in range(50_000):
        sheet.append(["missing_episodes", "E06000001", "2025-26", 1])
    workbook.save(path)
    return path


def test_a_50000_row_upload_is_refused_within_a_second_while_another_user_works(demo, new_page, tmp_path):
    import time

    from django_scopes import scopes_disabled

    from metrics.models import Return

    with scopes_disabled():
        ret = Return.objects.get(agency__name="Cleveland Police", round__year="2025-26", partnership__slug="hsscp")
    workbook = fifty_thousand_row_workbook(tmp_path / "huge.xlsx")
    assert workbook.stat().st_size < 2 * 1024 * 1024

    partner, editor = new_page(), new_page()
    log_in(partner, "partner")
    log_in(editor, "editor")
    partner.goto(f"/p/hsscp/figures/returns/{ret.pk}/import/")
    partner.get_by_label("Your completed file").set_input_files(workbook)
    started = time.monotonic()
    partner.get_by_role("button", name="Upload and preview").click()
    editor.goto("/p/hsscp/")  # another person's page loads meanwhile
    expect(editor.get_by_role("heading", level=1)).to_be_visible()
    expect(partner.get_by_text("and the file has more rows than that")).to_be_visible()
    elapsed = time.monotonic() - started
    assert elapsed < 1.0, f"the refusal took {elapsed:.2f} s"
