"""Publishing test helpers: a signed-off report, a renderer that stands in for issue 13's, storage in a folder."""

import datetime as dt

from django_scopes import scope

from reports import services
from reports.models import Requirement
from reports.publishing import services as publishing
from reports.publishing.rendering import RenderedReport

from .helpers import approve, make_report, ref_span, rich

# A minimal, valid one-page PDF: the tests check bytes and hashes, not typography.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class FakeRenderer:
    """Renders the report's title and version counter, so each publication's bytes differ."""

    def __init__(self):
        self.calls = 0

    def __call__(self, report, *, progress):
        self.calls += 1
        progress("Layout", None, None)
        html = (
            f'<!doctype html><html lang="en-GB"><head><title>{report.title}</title>'
            '<meta name="description" content="The annual report."></head>'
            f'<body><header class="report-masthead"><h1>{report.title}</h1></header>'
            f"<main><p>Render {self.calls}: referrals 1,432.</p></main></body></html>"
        )
        return RenderedReport(html=html.encode(), pdf=PDF + f"% render {self.calls}\n".encode(), page_count=12)


def signed_off_report(world, year="2024-25", title="Annual report 2024-25"):
    referrals = world.metrics["referrals"]
    approve(world, "referrals", 1432, year)
    approve(world, "referrals", 3, year, area_index=1)
    body = [rich(f"<p>Referrals in Hartlepool: {ref_span(referrals, world.areas[0])}.</p>")]
    report = make_report(world, year=year, sections=[("Our area", body)])
    with scope(partnership=world.partnership):
        report.title = title
        report.save(update_fields=["title"])
        sign_off(world, report)
    return report


def sign_off(world, report):
    report.refresh_from_db()
    with scope(partnership=world.partnership):
        missing = services.submit_for_review(report, by=world.editor)
        assert all(isinstance(r, Requirement) for r in missing)
        services.sign_off(
            report,
            by=world.approver,
            name="A Chair",
            post="Independent scrutineer",
            signed_on=dt.date(2025, 9, 1),
            acknowledgements={r.code: "Covered elsewhere" for r in missing},
        )


def publish(world, report, capture, note=""):
    """Request publication and run the task (immediate backend) once the request commits."""
    with capture(execute=True), scope(partnership=world.partnership):
        publication = publishing.request_publication(report, by=world.approver, change_note=note)
    publication.refresh_from_db()
    return publication
