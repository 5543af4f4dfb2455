"""The business unit writes the annual report in the browser (issue 12's acceptance journeys).

The demo already holds a 2025-26 draft started from 2024-25; the first journey removes it and
starts it again through the page, as the editor would.
"""

import re

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from reports.models import Report, Section

from .helpers import log_in
from .test_accessibility import CHARTS_DRAWN, NARROW, Audit, wait_for_charts_to_fit

pytestmark = pytest.mark.e2e

REPORTS = "/p/hsscp/reports/"
REFERRALS = "Referrals to children's social care (per area)"


def messages(page: Page):
    """The flash messages (the editor has a second status region: who else has the section open)."""
    return page.locator("div.messages")


def _section_url(year, number):
    with scopes_disabled():
        section = Section.objects.get(report__partnership__slug="hsscp", report__year=year, number_label=number)
    return f"{REPORTS}{year}/sections/{section.pk}/"


def _type_in_rich_text(page: Page, text: str):
    editor = page.locator(".ProseMirror:visible").first
    editor.locator("p").last.click()
    page.keyboard.press("End")
    page.keyboard.type(text)


def _save(page: Page):
    page.get_by_role("button", name=re.compile(r"^Save the (merged )?section$")).click()


def test_start_next_year_edit_with_a_live_figure_add_a_chart_conflict_compare_and_restore(demo, new_page):
    with scopes_disabled():
        Report.objects.filter(partnership__slug="hsscp", year="2025-26").delete()
    editor = new_page()
    log_in(editor, "editor")
    editor.goto(REPORTS)
    editor.get_by_role("button", name="Start 2025-26 from this report").click()
    expect(
        editor.get_by_role("heading", name="Figures from last year's report with no figure for 2025-26 yet")
    ).to_be_visible()
    editor.locator(".section-tree").get_by_role("link", name="1 Introduction").click()
    url = editor.url

    approver = new_page()  # a second person with the same section open
    log_in(approver, "approver")
    approver.goto(url)
    editor.reload()
    expect(editor.locator("#presence")).to_contain_text("Also open by: Alex Approver")

    _type_in_rich_text(editor, " The editor's new sentence, with ")
    editor.select_option("#pick-metric", label=REFERRALS)
    editor.select_option("#pick-area", label="Hartlepool")
    editor.select_option("#pick-period", value="last")
    editor.get_by_role("button", name="Insert figure").click()
    expect(editor.locator("#pick-value")).to_contain_text(
        "Inserted Referrals to children's social care, Hartlepool, 2024-25: 2,020"
    )
    expect(editor.locator(".ProseMirror:visible .figure-ref")).to_have_text("2,020")
    _save(editor)
    expect(messages(editor)).to_contain_text("saved")

    editor.get_by_label("Add a block").select_option("chart")
    editor.get_by_role("button", name="Add the block").click()
    chart = editor.locator("fieldset").filter(has_text="Chart (new, not saved yet)")
    chart.get_by_label("Title").fill("Referrals over the years")
    chart.get_by_label("Kind of chart").select_option("trend")
    chart.get_by_label("Figures").select_option(label=REFERRALS)
    _save(editor)
    expect(messages(editor)).to_contain_text("saved")
    expect(editor.locator("legend").filter(has_text="Chart")).to_have_count(1)

    _type_in_rich_text(approver, " The approver's own sentence.")
    _save(approver)
    expect(approver.get_by_role("heading", name="Not saved: someone else saved first")).to_be_visible()
    expect(approver.locator(".conflict-theirs")).to_contain_text("The editor's new sentence")
    expect(approver.locator(".ProseMirror:visible").first).to_contain_text("The approver's own sentence.")
    expect(approver.locator("legend").filter(has_text="added by the other person")).to_contain_text("Chart")
    _type_in_rich_text(approver, " The editor's new sentence, merged in.")
    _save(approver)
    expect(messages(approver)).to_contain_text("saved")
    merged = approver.locator(".ProseMirror:visible").first
    expect(merged).to_contain_text("The approver's own sentence.")
    expect(merged).to_contain_text("The editor's new sentence, merged in.")
    expect(approver.locator("legend").filter(has_text="Chart")).to_have_count(1)

    editor.goto(url + "revisions/")
    editor.get_by_label("Compare revision").select_option("1")
    editor.get_by_label("with revision").select_option("2")
    editor.get_by_role("button", name="Compare").click()
    expect(editor.get_by_role("heading", name=re.compile(r"Revision 1 compared with revision \d+"))).to_be_visible()
    expect(editor.locator(".comparison-table")).to_contain_text(
        "Referrals to children's social care, Hartlepool, 2024-25: 2,020"
    )
    editor.get_by_role("button", name="Restore revision 1").click()
    expect(messages(editor)).to_contain_text("Revision 1 restored")
    expect(editor.locator(".ProseMirror:visible").first).not_to_contain_text("The editor's new sentence")


def test_a_figure_changed_by_import_figures_shows_in_the_preview_without_an_edit(demo, page, tmp_path):
    log_in(page, "editor")
    page.goto(f"{REPORTS}2024-25/preview/")
    table = page.get_by_role("table", name="Children's social care in both areas")
    expect(table).to_contain_text("2,020")
    exported = tmp_path / "referrals.csv"
    call_command("export_figures", "hsscp", "--output", str(exported), "--year", "2024-25", "--metric", "referrals")
    exported.write_text(
        exported.read_text(encoding="utf-8-sig").replace(",2024-25,2020,", ",2024-25,2150,"), encoding="utf-8"
    )
    call_command("import_figures", "hsscp", str(exported))
    page.reload()
    expect(table).to_contain_text("2,150")
    expect(table).not_to_contain_text("2,020")


def test_review_acknowledge_sign_off_and_an_edit_falls_back_to_draft(demo, new_page):
    editor = new_page()
    log_in(editor, "editor")
    editor.goto(f"{REPORTS}2024-25/")
    editor.get_by_role("button", name="Send for review").click()
    expect(messages(editor)).to_contain_text("Education settings in the arrangements")
    expect(editor.locator(".coverage-missing")).to_contain_text("Education settings in the arrangements")

    approver = new_page()
    log_in(approver, "approver")
    approver.goto(f"{REPORTS}2024-25/")
    approver.get_by_role("link", name="Review and sign off").click()
    approver.get_by_label("Name").fill("Denise McGuckin")
    approver.get_by_label("Post").fill("Chair of HSSCP")
    approver.get_by_label("Date").fill("2025-09-30")
    approver.get_by_label("Statement (optional, printed in the report)").fill("We are assured by this report.")
    approver.get_by_label(re.compile("^Acknowledge: Education settings")).fill("Covered in the 2025-26 report.")
    approver.get_by_role("button", name="Sign off the report").click()
    expect(messages(approver)).to_contain_text("approved and signed off")
    expect(approver.get_by_text("Signed off by Denise McGuckin, Chair of HSSCP")).to_be_visible()

    editor.goto(_section_url("2024-25", "1"))
    _type_in_rich_text(editor, " A late correction.")
    _save(editor)
    editor.goto(f"{REPORTS}2024-25/")
    expect(editor.get_by_role("status").filter(has_text="Back in draft")).to_contain_text(
        "after the report was approved"
    )


def _tab_to(page: Page, predicate_js: str, limit=120):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return
    raise AssertionError(f"never reached by Tab: {predicate_js}")


def test_the_editor_works_by_keyboard_alone(demo, page):
    log_in(page, "editor")
    page.goto(f"{REPORTS}2024-25/")
    _tab_to(
        page,
        "document.activeElement.tagName === 'BUTTON' && document.activeElement.textContent.trim().startsWith('Down')",
    )
    page.keyboard.press("Enter")
    expect(messages(page)).to_contain_text("moved")

    page.goto(_section_url("2024-25", "1"))
    _tab_to(page, "document.activeElement.classList.contains('ProseMirror')")
    page.keyboard.press("Control+End")
    page.keyboard.type(" Typed without a mouse, with ")
    _tab_to(page, "document.activeElement.id === 'pick-metric'")
    page.keyboard.press("End")  # the last metric in the list
    _tab_to(page, "document.activeElement.id === 'pick-insert'")
    page.keyboard.press("Enter")
    expect(page.locator("#pick-value")).to_contain_text("Inserted")
    page.keyboard.press("Shift+Tab")
    _tab_to(page, "document.activeElement.textContent.trim() === 'Save the section'")
    page.keyboard.press("Enter")
    expect(messages(page)).to_contain_text("saved")
    expect(page.locator(".ProseMirror:visible").first).to_contain_text("Typed without a mouse")


def test_axe_finds_nothing_on_the_editor_pages_and_the_csp_holds(demo, new_page):
    """axe-core (WCAG 2.2 A/AA) at 1280px and at 320px (reflow), and no Content-Security-Policy violation."""
    pages = {
        "reports": REPORTS,
        "report": f"{REPORTS}2024-25/",
        "section with rich text": _section_url("2024-25", "1"),
        "section with tiles and a chart": _section_url("2024-25", "2"),
        "section with an action plan": _section_url("2024-25", "14"),
        "revisions": _section_url("2024-25", "1") + "revisions/",
        "preview": f"{REPORTS}2024-25/preview/",
        "requirements": f"{REPORTS}requirements/",
    }
    audit = Audit()
    page = new_page()
    audit.watch(page)
    log_in(page, "editor")
    for name, url in pages.items():
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url)
        page.wait_for_load_state("load")
        page.wait_for_function(CHARTS_DRAWN)
        audit.check(page, name)
        page.set_viewport_size(NARROW)
        wait_for_charts_to_fit(page)
        audit.check(page, f"{name} at 320px", reflow=True)
    with scopes_disabled():
        Report.objects.filter(year="2024-25").update(state="in_review")
    approver = new_page()
    audit.watch(approver)
    log_in(approver, "approver")
    approver.goto(f"{REPORTS}2024-25/sign-off/")
    audit.check(approver, "sign-off")
    audit.assert_clean()
