"""The business unit opens next year's round: a preview of who is asked for what, then agencies see it upcoming."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from .helpers import log_in

pytestmark = pytest.mark.e2e


def test_the_editor_previews_the_2026_27_round_and_the_partner_sees_it_upcoming(demo, new_page):
    opens_on = dt.date.today() + dt.timedelta(days=60)
    editor = new_page()
    log_in(editor, "editor")
    editor.goto("/p/hsscp/figures/rounds/new/")
    editor.get_by_label("Reporting year the figures cover").fill("2026-27")
    editor.get_by_label("Opens on").fill(opens_on.isoformat())
    editor.get_by_label("Closes on (due date)").fill((opens_on + dt.timedelta(days=90)).isoformat())
    editor.get_by_role("button", name="Preview who will be asked").click()

    plan = editor.get_by_role("table").filter(has=editor.get_by_role("columnheader", name="Agency"))
    rows = plan.locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0).get_by_role("rowheader")).to_have_text("Cleveland Police")
    expect(rows.nth(1).get_by_role("rowheader")).to_have_text("Hartlepool Borough Council")
    expect(rows.nth(2).get_by_role("rowheader")).to_have_text("Stockton-on-Tees Borough Council")
    expect(rows.nth(0)).to_contain_text("Hartlepool, Stockton-on-Tees")
    expect(rows.nth(1).locator("td").nth(1)).to_have_text("14")  # the council's 14 area figures, for its own area
    expect(rows.nth(2).locator("td").nth(0)).to_have_text("Stockton-on-Tees")
    editor.get_by_role("button", name="Open the round").click()
    expect(editor.get_by_role("status").filter(has_text="The 2026-27 round is open")).to_be_visible()

    partner = new_page()
    log_in(partner, "partner")
    upcoming = partner.get_by_role("row").filter(has_text="2026-27 figures")
    expect(upcoming).to_contain_text(f"Upcoming: opens {opens_on.day} {opens_on:%B %Y}")
    upcoming.get_by_role("link").click()
    expect(partner.get_by_role("note")).to_contain_text(re.compile(r"round opens on .*: figures can be entered"))
    expect(partner.get_by_role("button", name="Save draft")).to_have_count(0)
    expect(partner.get_by_role("link", name="Upload a filled-in file")).to_have_count(0)
