"""The 2025-26 return from first figure to approval, as the partner and the approver live it.

One test on purpose: each step starts from what the one before left behind, exactly as the
people using the portal meet it. Each step is a function named after what the user sees.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from .helpers import cell_of, figure, log_in, messages, return_status

pytestmark = pytest.mark.e2e

POLICE = "Cleveland Police"
PERCENT_WITH_CHILD = "Domestic abuse incidents with a child present"  # percentage, no past figures
CSE_RISK = "Children at risk of child sexual exploitation"  # count
MISSING = "Missing episodes"  # count; Hartlepool 821 and Stockton-on-Tees 1510 in 2024-25
EXPLANATION = "A new recording system counts every episode, not only the first of each day."
SEND_BACK_REASON = "Stockton-on-Tees missing episodes do not match the quarterly report (1490)."


def status_is(page: Page, label: str):
    expect(return_status(page)).to_contain_text(re.compile(rf"Status:\s*{re.escape(label)}\s*$"))


def partner_opens_the_return_from_the_dashboard(page: Page):
    page.get_by_role("link", name="Dashboard", exact=True).click()
    page.get_by_role("link", name=f"Enter and submit {POLICE}'s figures").click()
    expect(page.get_by_role("heading", name=f"{POLICE}'s returns")).to_be_visible()
    page.get_by_role("link", name="Open the 2025-26 return").click()
    expect(page.get_by_role("heading", name=f"{POLICE}: figures for 2025-26")).to_be_visible()


def approver_opens_the_return_from_the_round(page: Page):
    page.get_by_role("link", name="Dashboard", exact=True).click()
    page.get_by_role("link", name="Check agencies' returns and approve figures").click()
    page.get_by_role("link", name="Returns for 2025-26").click()
    page.get_by_role("link", name=f"Open the {POLICE} return").click()
    expect(page.get_by_role("heading", name=f"{POLICE}: figures for 2025-26")).to_be_visible()


def wrong_figures_are_shown_at_their_boxes_and_nothing_typed_is_lost(page: Page):
    percent = figure(page, PERCENT_WITH_CHILD, "Hartlepool")
    cse = figure(page, CSE_RISK, "Hartlepool")
    stockton_missing = figure(page, MISSING, "Stockton-on-Tees")
    percent.fill("120")
    cse.fill("-3")
    stockton_missing.fill("1500")

    page.get_by_role("button", name="Save draft").click()

    expect(messages(page)).to_contain_text("Not saved: 2 figures need correcting")
    expect(cell_of(page, percent).locator(".invalid-feedback")).to_have_text("A percentage must be between 0 and 100.")
    expect(cell_of(page, cse).locator(".invalid-feedback")).to_contain_text("cannot be below zero")
    expect(percent).to_have_attribute("aria-invalid", "true")
    expect(cse).to_have_attribute("aria-invalid", "true")
    expect(cell_of(page, stockton_missing).locator(".invalid-feedback")).to_have_count(0)
    expect(percent).to_have_value("120")
    expect(cse).to_have_value("-3")
    expect(stockton_missing).to_have_value("1500")
    status_is(page, "Not started")


def a_corrected_draft_is_saved_and_still_there_after_leaving(page: Page):
    figure(page, PERCENT_WITH_CHILD, "Hartlepool").fill("12.5")
    figure(page, CSE_RISK, "Hartlepool").fill("3")

    page.get_by_role("button", name="Save draft").click()

    expect(messages(page)).to_contain_text("Draft saved")
    expect(page.locator(".invalid-feedback")).to_have_count(0)
    status_is(page, "Draft")

    partner_opens_the_return_from_the_dashboard(page)

    status_is(page, "Draft")
    expect(figure(page, PERCENT_WITH_CHILD, "Hartlepool")).to_have_value("12.5")
    expect(figure(page, CSE_RISK, "Hartlepool")).to_have_value("3")
    expect(figure(page, MISSING, "Stockton-on-Tees")).to_have_value("1500")


def a_large_change_shows_live_and_asks_for_an_explanation(page: Page):
    missing = figure(page, MISSING, "Hartlepool")
    cell = cell_of(page, missing)
    explanation = cell.get_by_label("Explain the change")
    expect(cell).to_contain_text("Last year: 821")
    expect(explanation).to_be_hidden()

    missing.fill("2000")

    expect(cell.locator(".live-change")).to_contain_text("+1179 (+143.6%)")
    expect(explanation).to_be_visible()

    small = cell_of(page, figure(page, MISSING, "Stockton-on-Tees"))
    expect(small).to_contain_text("Last year: 1510")
    expect(small.locator(".live-change")).to_contain_text("−10 (−0.7%)")
    expect(small.get_by_label("Explain the change")).to_be_hidden()


def every_empty_figure_is_given_as_not_known(page: Page):
    boxes = page.get_by_role("textbox", name=re.compile(r", 2025-26$"))
    expect(boxes).to_have_count(18)  # 9 metrics for 2 areas
    for box in boxes.all():
        if not box.input_value():
            box.fill("N/K")


def submitting_without_the_explanation_is_refused(page: Page):
    page.get_by_role("button", name="Submit to the business unit").click()

    expect(messages(page)).to_contain_text("Not submitted: 1 large change needs an explanation")
    missing = figure(page, MISSING, "Hartlepool")
    expect(missing).to_have_value("2000")
    expect(cell_of(page, missing)).to_contain_text("explain the change before you submit")
    expect(cell_of(page, missing).get_by_label("Explain the change")).to_be_visible()
    status_is(page, "Draft")


def submitting_with_the_explanation_is_accepted(page: Page):
    cell_of(page, figure(page, MISSING, "Hartlepool")).get_by_label("Explain the change").fill(EXPLANATION)

    page.get_by_role("button", name="Submit to the business unit").click()

    expect(messages(page)).to_contain_text("Submitted. The business unit will check your figures.")
    status_is(page, "Submitted")
    expect(page.get_by_role("button", name="Save draft")).to_have_count(0)


def approver_sends_it_back_with_a_reason(page: Page):
    status_is(page, "Submitted")
    page.get_by_role("link", name="Send back to the agency").click()
    page.get_by_label("Reason").fill(SEND_BACK_REASON)
    page.get_by_role("button", name="Send back").click()

    expect(messages(page)).to_contain_text("Sent back to Cleveland Police with your reason.")
    status_is(page, "Returned for changes")


def partner_sees_the_reason_fixes_a_figure_and_resubmits(page: Page):
    page.get_by_role("link", name="Dashboard", exact=True).click()
    page.get_by_role("link", name=f"Enter and submit {POLICE}'s figures").click()
    returns = page.get_by_role("table").filter(has_text="2025-26")
    expect(returns).to_contain_text("Returned for changes")
    expect(returns).to_contain_text(f"Reason: {SEND_BACK_REASON}")
    page.get_by_role("link", name="Open the 2025-26 return").click()

    expect(page.get_by_role("note")).to_contain_text(f"Returned by the business unit: {SEND_BACK_REASON}")
    status_is(page, "Returned for changes")
    stockton_missing = figure(page, MISSING, "Stockton-on-Tees")
    expect(stockton_missing).to_have_value("1500")
    stockton_missing.fill("1490")
    page.get_by_role("button", name="Submit to the business unit").click()

    expect(messages(page)).to_contain_text("Submitted.")
    status_is(page, "Submitted")
    expect(page.get_by_role("note")).to_have_count(0)


def approver_approves_and_the_figures_lock(page: Page):
    page.reload()
    status_is(page, "Submitted")
    expect(figure(page, MISSING, "Stockton-on-Tees")).to_have_value("1490")

    page.get_by_role("button", name="Approve these figures").click()

    expect(messages(page)).to_contain_text("Approved: Cleveland Police's 2025-26 figures are locked")
    status_is(page, "Approved")
    for metric, area in [(MISSING, "Hartlepool"), (MISSING, "Stockton-on-Tees"), (PERCENT_WITH_CHILD, "Hartlepool")]:
        expect(figure(page, metric, area)).not_to_be_editable()
    expect(page.get_by_role("button", name="Save draft")).to_have_count(0)
    expect(page.get_by_role("button", name="Approve these figures")).to_have_count(0)


def history_tells_every_step_in_order(page: Page):
    page.get_by_role("link", name="History and audit").click()

    expect(page.get_by_role("heading", name=f"History: {POLICE}, 2025-26")).to_be_visible()
    events = page.locator(".event-list > li")
    steps = [
        "Draft saved",
        "Submitted for approval",
        f"Sent back: {SEND_BACK_REASON}",
        "Missing episodes, Stockton-on-Tees: 1500 → 1490",
        "Approved",
    ]
    for step in steps:
        expect(events.filter(has_text=step).first).to_be_visible()
    expect(events.filter(has_text="Missing episodes, Hartlepool: empty → 2000")).to_have_count(1)
    expect(events.filter(has_text=f"{PERCENT_WITH_CHILD}, Hartlepool: empty → 12.5")).to_have_count(1)

    texts = [" ".join(text.split()) for text in events.all_inner_texts()]
    positions = [next(i for i, text in enumerate(texts) if step in text) for step in steps]
    assert positions == sorted(positions), f"history is out of order: {texts}"


def test_a_partner_submits_a_return_that_the_approver_sends_back_once_then_approves(page: Page, new_page, demo):
    log_in(page, "partner")
    partner_opens_the_return_from_the_dashboard(page)
    status_is(page, "Not started")

    wrong_figures_are_shown_at_their_boxes_and_nothing_typed_is_lost(page)
    a_corrected_draft_is_saved_and_still_there_after_leaving(page)
    a_large_change_shows_live_and_asks_for_an_explanation(page)
    every_empty_figure_is_given_as_not_known(page)
    submitting_without_the_explanation_is_refused(page)
    submitting_with_the_explanation_is_accepted(page)

    approver = new_page()
    log_in(approver, "approver")
    approver_opens_the_return_from_the_round(approver)
    approver_sends_it_back_with_a_reason(approver)

    partner_sees_the_reason_fixes_a_figure_and_resubmits(page)

    approver_approves_and_the_figures_lock(approver)
    history_tells_every_step_in_order(approver)
