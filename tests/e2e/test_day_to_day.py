"""The business unit's day-to-day, as its people and the partners meet it in the browser."""

import re

import pytest
from playwright.sync_api import Page, expect

from .helpers import figure, log_in, messages

pytestmark = pytest.mark.e2e

POLICE = "Cleveland Police"
MISSING = "Missing episodes"


def open_police_return(page: Page):
    page.get_by_role("link", name=f"Enter and submit {POLICE}'s figures").click()
    page.get_by_role("link", name="Open the 2025-26 return").click()
    expect(page.get_by_role("heading", name=f"{POLICE}: figures for 2025-26")).to_be_visible()


def test_leaving_an_edited_return_form_asks_for_confirmation(page: Page, demo):
    log_in(page, "partner")
    open_police_return(page)
    return_url = page.url
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # "Stay on page"

    page.on("dialog", answer)
    page.get_by_role("link", name="History and audit").click()  # nothing typed yet: leaves without asking
    expect(page.get_by_role("heading", name=re.compile(r"^History: "))).to_be_visible()
    assert dialogs == []

    page.goto(return_url)
    figure(page, MISSING, "Hartlepool").fill("800")
    page.get_by_role("link", name="History and audit").click()
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]
    assert page.url == return_url  # stayed, with the typed figure
    expect(figure(page, MISSING, "Hartlepool")).to_have_value("800")

    page.get_by_role("button", name="Save draft").click()  # saving is not leaving
    expect(messages(page)).to_contain_text("Draft saved")
    page.get_by_role("link", name="History and audit").click()
    expect(page.get_by_role("heading", name=re.compile(r"^History: "))).to_be_visible()
    assert dialogs == ["beforeunload"]
