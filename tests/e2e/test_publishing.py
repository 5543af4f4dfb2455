"""Acceptance (issue 14): the public reads, downloads and checks a published report; the approver
corrects, withdraws and records the statutory sending. Every page passes axe-core (WCAG 2.2 A/AA)
at 1280 px and at 320 px.

The 2024-25 demo report is signed off and published through the services with the real renderer
(as `load_demo --publish` does); everything after that happens in the browser.
"""

import csv
import hashlib
import io
import re

import pytest
from django_scopes import scope, scopes_disabled
from playwright.sync_api import expect

from partners.models import Partnership
from partnership_portal.demo import publications
from reports.models import Report
from reports.public import microcache
from reports.publishing.models import Artefact, ArtefactKind, Publication

from .helpers import log_in, messages, save_download
from .test_accessibility import NARROW, Audit

pytestmark = pytest.mark.e2e

HSSCP = "Hartlepool and Stockton-on-Tees Safeguarding Children Partnership"
RENDER_TIMEOUT_MS = 180_000


@pytest.fixture
def published(demo, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "artefacts": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }
    settings.PUBLIC_CACHE_SECONDS = 0
    microcache.clear()
    with scopes_disabled():
        hsscp = Partnership.objects.get(slug="hsscp")
    publications.publish(hsscp, editor=demo["editor"], approver=demo["approver"], years=("2024-25",))
    return hsscp


def _pdf_sha256():
    with scopes_disabled():
        return Artefact.objects.get(publication__year="2024-25", publication__version=1, kind=ArtefactKind.PDF).sha256


def _check(audit, page, name):
    audit.check(page, name)
    size = page.viewport_size
    page.set_viewport_size(NARROW)
    audit.check(page, f"{name} at 320px", reflow=True)
    page.set_viewport_size(size)


def test_anyone_finds_reads_downloads_and_checks_the_2024_25_report(published, page, tmp_path):
    audit = Audit()
    page.goto("/")
    expect(page.get_by_role("heading", name="Safeguarding children partnership reports", level=1)).to_be_visible()
    _check(audit, page, "public home")
    page.get_by_role("link", name=HSSCP).click()
    expect(page).to_have_url(re.compile(r"/reports/hsscp/$"))
    _check(audit, page, "archive")

    page.get_by_role("link", name="Read 2024-25 online").click()
    expect(page).to_have_url(re.compile(r"/reports/hsscp/2024-25/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Annual report 2024-25")
    _check(audit, page, "report page")
    shown_sha = page.locator("code.sha256").inner_text()

    pdf = save_download(page, page.get_by_role("link", name=re.compile(r"^Download the PDF")), tmp_path)
    assert pdf.name == "hsscp-annual-report-2024-25.pdf"
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == _pdf_sha256() == shown_sha

    figures = save_download(page, page.get_by_role("link", name="Figures as CSV"), tmp_path)
    rows = list(csv.DictReader(io.StringIO(figures.read_text(encoding="utf-8-sig"))))
    referrals = next(
        r for r in rows if r["metric_code"] == "referrals" and r["area"] == "Hartlepool" and r["period"] == "2024-25"
    )
    assert referrals["ons_code"] == "E06000001"
    expect(page.get_by_role("main")).to_contain_text(referrals["shown_in_report_as"])  # cited in the report

    assert page.goto("/reports/hsscp/2025-26/").status == 404
    assert page.goto("/reports/hsscp/2025-26.pdf").status == 404
    audit.assert_clean()


def test_the_approver_corrects_records_the_sending_and_withdraws(published, demo, new_page):
    audit = Audit()
    approver = new_page()
    log_in(approver, "approver")
    approver.goto("/p/hsscp/reports/2024-25/publication/")
    expect(approver.get_by_role("heading", name="Sending after publication (version 1)")).to_be_visible()
    _check(audit, approver, "publication page")

    # The statutory sending: the Panel first.
    approver.get_by_role("button", name="Mark sent to the Child Safeguarding Practice Review Panel").click()
    expect(messages(approver)).to_contain_text("Marked sent to the Child Safeguarding Practice Review Panel.")
    expect(approver.get_by_role("row", name=re.compile("Child Safeguarding Practice Review Panel"))).to_contain_text(
        "marked by Alex Approver"
    )

    # A correction: back to draft, corrected, reviewed and signed off again (the authoring pages'
    # own tests walk those), then published here with a note.
    approver.get_by_label("Start a correction: what needs correcting?").fill("The funding table left out a partner.")
    approver.get_by_role("button", name="Start a correction").click()
    expect(messages(approver)).to_contain_text("back in draft")
    with scopes_disabled():
        report = Report.objects.get(partnership=published, year="2024-25")
    with scope(partnership=published):
        from tests.reports.publishing import sign_off

        sign_off(_Actors(demo), report)
    approver.reload()
    approver.get_by_label(re.compile("What this correction changes")).fill("Funding table now lists every partner.")
    # The test server runs tasks in the request (TASKS_BACKEND=immediate): the answer waits for the render.
    with approver.expect_navigation(timeout=RENDER_TIMEOUT_MS):
        approver.get_by_role("button", name="Publish the correction as version 2").click(no_wait_after=True)
    expect(messages(approver)).to_contain_text("Publishing version 2")
    expect(approver.get_by_role("row", name=re.compile(r"^2 Published"))).to_be_visible()

    reader = new_page()
    reader.goto("/reports/hsscp/2024-25/")
    expect(reader.locator(".change-note")).to_have_text("Correction: Funding table now lists every partner.")
    reader.goto("/reports/hsscp/2024-25/v1/")
    expect(reader.get_by_role("heading", name="This version has been superseded")).to_be_visible()
    _check(audit, reader, "superseded version")
    reader.get_by_role("link", name=re.compile(r"Read the current version")).click()
    expect(reader).to_have_url(re.compile(r"/reports/hsscp/2024-25/$"))

    # Withdrawal: every address of the year answers 410 with the reason.
    approver.get_by_label(re.compile("Withdraw the 2024-25 report: reason")).fill("It could identify a child.")
    approver.get_by_role("button", name="Withdraw").click()
    expect(messages(approver)).to_contain_text("410 Gone")
    reader = new_page()  # a browser that has not cached the pages (they may be kept for 5 minutes)
    for path in ("/reports/hsscp/2024-25/", "/reports/hsscp/2024-25/v1/", "/reports/hsscp/2024-25.pdf"):
        response = reader.goto(path)
        assert response.status == 410, path
        expect(reader.get_by_text("It could identify a child.")).to_be_visible()
    _check(audit, reader, "withdrawn (410) page")
    with scopes_disabled():
        assert Publication.objects.filter(year="2024-25", withdrawn_at__isnull=False).count() == 2
    audit.assert_clean()


class _Actors:
    """What tests.reports.publishing.sign_off needs from a world: the demo's editor and approver."""

    def __init__(self, demo):
        self.editor, self.approver = demo["editor"], demo["approver"]
        with scopes_disabled():
            self.partnership = Partnership.objects.get(slug="hsscp")
