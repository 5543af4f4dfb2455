"""The rendered report in the browser: the 2024-25 web report passes axe-core's WCAG A/AA rules
with each chart's table one key away, and "Generate PDF" shows its stages and ends with a link to
a PDF that opens."""

import re
from io import BytesIO

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from .helpers import log_in
from .test_accessibility import NARROW, Audit, wait_for_charts_to_fit

pytestmark = pytest.mark.e2e

REPORT = "/p/hsscp/reports/2024-25/report.html"
REPORT_PAGE = "/p/hsscp/reports/2024-25/"
FOCUSED_SUMMARY = "() => document.activeElement.tagName === 'SUMMARY' ? document.activeElement.textContent : null"


def test_the_web_report_passes_axe_and_every_charts_table_is_one_key_away(page: Page, demo):
    audit = Audit()
    audit.watch(page)  # no Content-Security-Policy violation while the charts are drawn
    log_in(page, "editor")
    page.goto(REPORT)
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual report 2024-25")
    charts = page.locator("div.chart")
    count = charts.count()
    assert count >= 8
    for index in range(count):
        expect(charts.nth(index)).to_have_class(re.compile(r"\bchart-ready\b"))
    audit.check(page, "Web report")

    # From the top of the page, Tab alone reaches each chart's "figures" summary; Enter opens it.
    page.locator("body").focus()
    opened = []
    for _ in range(1500):
        page.keyboard.press("Tab")
        summary = page.evaluate(FOCUSED_SUMMARY)
        if summary and summary not in opened:
            page.keyboard.press("Enter")
            table = page.locator("details[open]").filter(has_text=summary).last.get_by_role("table")
            expect(table).to_be_visible()
            opened.append(summary)
            if len(opened) == count:
                break
    assert len(opened) == count, f"Tab reached {len(opened)} of {count} chart tables"

    page.set_viewport_size(NARROW)
    wait_for_charts_to_fit(page)
    audit.check(page, "Web report at 320px", reflow=True)
    audit.assert_clean()


def test_generate_pdf_shows_its_stages_and_ends_with_a_pdf_that_opens(page: Page, demo):
    audit = Audit()
    audit.watch(page)
    log_in(page, "editor")
    page.goto(REPORT_PAGE)
    # Tests run the task inside the request (the immediate backend), so the click waits for it.
    with page.expect_navigation(timeout=180_000):
        page.get_by_role("button", name="Generate PDF").click(timeout=180_000)
    stages = page.locator(".render-stages li")
    expect(stages).to_have_text(["Gathering data", re.compile(r"Charts (\d+) of \1"), "Layout", "Done"])
    link = page.get_by_role("link", name=re.compile(r"Open the PDF \(\d+ pages\)"))
    expect(link).to_be_visible()
    expect(page).to_have_url(re.compile(r"/reports/2024-25/#rendering-\d+$"))
    response = page.request.get(link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.body()))
    assert len(reader.pages) >= 20
    assert "Contents" in reader.pages[1].extract_text()
    audit.check(page, "Report page after Generate PDF")
    audit.assert_clean()
