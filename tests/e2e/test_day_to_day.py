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


def test_the_export_form_has_sections_with_select_all_and_a_filter(page: Page, demo):
    log_in(page, "editor")
    page.goto("/p/hsscp/figures/export/")
    snapshot = page.get_by_role("group", name="Safeguarding snapshot", exact=True)
    select_all = snapshot.get_by_label("Select all in safeguarding snapshot")
    expect(select_all).to_be_checked()
    select_all.uncheck()
    expect(snapshot.locator(".export-boxes input:checked")).to_have_count(0)
    snapshot.get_by_label("Missing episodes", exact=True).check()
    assert select_all.evaluate("box => box.indeterminate")

    page.get_by_label("Filter the metrics by name").fill("missing")
    expect(page.get_by_text(re.compile(r"^\d+ of \d+ metrics shown"))).to_be_visible()
    expect(page.get_by_label("Referrals to children's social care", exact=True)).to_be_hidden()
    expect(snapshot.get_by_label("Young people with missing episodes", exact=True)).to_be_visible()
    expect(page.get_by_role("group", name="Area profile", exact=True)).to_be_hidden()


def test_the_editor_invites_a_submitter_who_sets_a_password_and_lands_on_the_dashboard(new_page, demo, mailoutbox):
    editor = new_page()
    log_in(editor, "editor")
    editor.goto("/p/hsscp/")
    editor.get_by_role("navigation", name="Partnership").get_by_role("link", name="People").click()
    expect(editor.get_by_role("heading", name="People and roles")).to_be_visible()
    editor.get_by_role("link", name="Invite someone").click()
    editor.get_by_label("Full name").fill("Robin Analyst")
    editor.get_by_label("E-mail address").fill("robin.analyst@cleveland.police.uk")
    editor.get_by_role("radio", name=re.compile("Agency submitter")).check()
    editor.get_by_label("Agency", exact=True).select_option(label=POLICE)
    editor.get_by_role("button", name="Send the invitation").click()
    expect(messages(editor)).to_contain_text("Invitation sent to robin.analyst@cleveland.police.uk")
    submitters = editor.get_by_role("table", name=re.compile("Agency submitters"))
    expect(submitters.get_by_role("row", name=re.compile("Robin Analyst"))).to_contain_text(POLICE)
    expect(submitters.get_by_role("row", name=re.compile("Robin Analyst"))).to_contain_text("no password set yet")
    expect(editor.get_by_role("list").filter(has_text="Invited robin.analyst")).to_be_visible()

    (message,) = mailoutbox
    assert message.to == ["robin.analyst@cleveland.police.uk"]
    link = re.search(r"https?://\S+/accounts/invitation/\S+/", message.body).group(0)

    robin = new_page()
    robin.goto(link)
    expect(robin.get_by_role("heading", name="Welcome: set your password")).to_be_visible()
    robin.get_by_label(re.compile(r"New password\W*$")).fill("Cleveland figures 2026")
    robin.get_by_label("New password confirmation").fill("Cleveland figures 2026")
    robin.get_by_role("button", name="Set password and log in").click()
    expect(robin).to_have_url(re.compile(r"/dashboard/$"))
    expect(robin.get_by_role("heading", name="Your dashboard")).to_be_visible()
    expect(robin.get_by_role("link", name=f"Enter and submit {POLICE}'s figures")).to_be_visible()

    robin.goto(link)  # the link works once
    expect(robin.get_by_role("heading", name="This invitation link no longer works")).to_be_visible()


def test_the_approvers_dashboard_shows_the_submitted_return_and_one_click_opens_it(page: Page, demo):
    from django_scopes import scopes_disabled

    from metrics import services
    from metrics.models import Return

    with scopes_disabled():
        ret = Return.objects.get(partnership__slug="hsscp", agency__name=POLICE, round__year="2025-26")
        partner = ret.agency.user_roles.get(partnership__slug="hsscp").user
        cells = {
            (m.pk, a): services.CellInput(raw="N/K")
            for m in ret.metrics.all()
            for a in (list(ret.areas.values_list("pk", flat=True)) if m.is_per_area else [0])
        }
        services.save_return(ret, cells, by=partner)
        services.submit_return(ret, by=partner)

    log_in(page, "approver")
    waiting = page.get_by_role("heading", name="Waiting for a decision").locator("xpath=following-sibling::ul[1]")
    expect(waiting).to_contain_text("approve it or send it back")
    waiting.get_by_role("link", name=f"{POLICE}, 2025-26").click()  # one click
    expect(page.get_by_role("heading", name=f"{POLICE}: figures for 2025-26")).to_be_visible()
    expect(page.get_by_role("button", name="Approve these figures")).to_be_visible()


def test_the_editor_adds_a_metric_with_its_supplier_and_a_comparator_without_the_admin(page: Page, demo):
    log_in(page, "editor")
    page.get_by_role("link", name=re.compile("Edit reference data: the metric catalogue")).click()
    expect(page.get_by_role("heading", name="Metric catalogue")).to_be_visible()
    page.get_by_role("link", name="Add a metric").click()
    page.get_by_label("Code").fill("police-stop-searches-children")
    page.get_by_label("Name").fill("Stop and searches of children")
    page.get_by_label("Definition").fill("Stop and searches of people under 18 in the area.")
    page.get_by_label("Group").select_option(label="Safeguarding snapshot")
    page.get_by_label("Unit").select_option(label="Count")
    page.get_by_label("Supplied by").select_option(label=POLICE)
    page.get_by_role("button", name="Add the metric").click()

    expect(messages(page)).to_contain_text(f"Added: Stop and searches of children, supplied by {POLICE}.")
    row = page.get_by_role("row", name=re.compile("Stop and searches of children"))
    expect(row).to_contain_text(POLICE)
    assert "/admin/" not in page.url

    page.get_by_role("navigation", name="Partnership").get_by_role("link", name="Comparators").click()
    form = page.locator("#comparator-form")
    form.get_by_label("Metric").select_option(label="Stop and searches of children")
    form.get_by_label("Reporting year").fill("2024-25")
    form.get_by_label("Geography").select_option(label="England")
    form.get_by_label("Value").fill("1520")
    form.get_by_label("Source").fill("Home Office stop and search statistics")
    form.get_by_role("button", name="Save comparator").click()
    expect(messages(page)).to_contain_text("Saved: Stop and searches of children, England, 2024-25: 1,520")
    assert "/admin/" not in page.url
