"""Hostile use in the browser: password guessing is locked out with a message saying when to retry."""

import pytest
from playwright.sync_api import expect

from .helpers import DEMO_PASSWORD

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
