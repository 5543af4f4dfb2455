"""A note typed beside a figure, and an explanation for a large change, in the compact return form.

Empty boxes carry no note or explanation fields in the page (an 800-figure return stays small);
return-form.js makes them when the person opens "Note" or types a large change.
"""

import pytest
from playwright.sync_api import Page, expect

from .helpers import cell_of, figure, log_in, messages

pytestmark = pytest.mark.e2e

POLICE = "Cleveland Police"
MISSING = "Missing episodes"  # Hartlepool 821 in 2024-25


def test_a_note_typed_in_an_empty_box_is_saved_and_kept_by_the_next_save(page: Page, demo):
    log_in(page, "partner")
    page.get_by_role("link", name=f"Enter and submit {POLICE}'s figures").click()
    page.get_by_role("link", name="Open the 2025-26 return").click()
    box = figure(page, MISSING, "Hartlepool")
    cell = cell_of(page, box)
    box.fill("830")
    cell.get_by_text("Note", exact=True).click()
    cell.get_by_label("Note (e.g. “as at 31 March”)").fill("as at 31 March")
    page.get_by_role("button", name="Save draft").click()
    expect(messages(page)).to_contain_text("Draft saved")
    cell = cell_of(page, figure(page, MISSING, "Hartlepool"))
    expect(cell.locator("summary")).to_have_text("Note: as at 31 March")

    figure(page, MISSING, "Hartlepool").fill("2000")  # a large change: its explanation box appears
    explanation = cell.get_by_label("Explain the change")
    expect(explanation).to_be_visible()
    explanation.fill("A new recording system.")
    page.get_by_role("button", name="Save draft").click()  # the note's fields were never opened
    expect(messages(page)).to_contain_text("Draft saved")
    cell = cell_of(page, figure(page, MISSING, "Hartlepool"))
    expect(cell.locator("summary")).to_have_text("Note: as at 31 March")
    cell.locator("summary").click()
    expect(cell.get_by_label("Note (e.g. “as at 31 March”)")).to_have_value("as at 31 March")
    expect(cell.get_by_label("Explain the change")).to_have_value("A new recording system.")
