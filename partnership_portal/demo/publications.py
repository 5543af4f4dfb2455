"""The demo's published reports: HSSCP's 2021-22 and 2024-25 reports, signed off and published
through the same services an approver uses (rendered with the real renderer, so it takes a while).

Run in-process, not through the task queue, so `make run` shows them before the server starts.
Idempotent: a year already published is left as it is.
"""

import datetime as dt

from django_scopes import scope

from reports import services
from reports.models import Report, ReportState
from reports.publishing import services as publishing
from reports.publishing.models import Publication, PublicationStatus

SIGNED_OFF = {
    "2021-22": dt.date(2022, 9, 28),
    "2024-25": dt.date(2025, 9, 24),
}


def publish(partnership, *, editor, approver, years=tuple(SIGNED_OFF), stdout=None):
    published = []
    with scope(partnership=partnership):
        for year in years:
            if Publication.objects.filter(
                partnership=partnership, year=year, status=PublicationStatus.PUBLISHED
            ).exists():
                continue
            report = Report.objects.get(partnership=partnership, year=year)
            if report.state == ReportState.DRAFT:
                missing = services.submit_for_review(report, by=editor)
                report.refresh_from_db()
                services.sign_off(
                    report,
                    by=approver,
                    name="Dr Morgan Ellis",
                    post="Independent Scrutineer",
                    signed_on=SIGNED_OFF[year],
                    acknowledgements={
                        r.code: "Reported in the partnership's separate scrutiny report." for r in missing
                    },
                )
            report.refresh_from_db()
            if stdout:
                stdout.write(f"Publishing the {year} report (rendering the PDF takes a while)…")
            publication = publishing.request_publication(report, by=approver, background=False)
            status = publishing.run_publication(publication.pk)
            if status != PublicationStatus.PUBLISHED:
                publication.refresh_from_db()
                raise RuntimeError(f"The demo {year} report could not be published: {publication.failure}")
            published.append(year)
    return published
