"""The portal's publication page of a report year: publish, correct, withdraw, and the statutory sending.

Editors and approvers see it and mark sendings done; only approvers publish, correct and withdraw.
"""

import datetime as dt

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from partners.access import Capability, partnership_view
from reports.views import report_for

from . import selectors, services
from .models import Publication, PublicationStatus, Sending

SEE = Capability.EDIT_REPORTS
DECIDE = Capability.APPROVE_REPORTS


@partnership_view(SEE)
def publication(request, year):
    report = report_for(request, year)
    publications = selectors.publications_of(report)
    published = [p for p in publications if p.status == PublicationStatus.PUBLISHED]
    context = {
        "partnership": request.partnership,
        "report": report,
        "publications": publications,
        "in_progress": next((p for p in publications if p.is_in_progress), None),
        "current": published[0] if published else None,
        "today": timezone.localdate(),
    }
    return render(request, "reports/publication.html", context)


def _done(request, report, action):
    try:
        result = action()
    except services.PublishError as error:
        messages.error(request, str(error))
    else:
        if result:
            messages.success(request, result)
    return redirect("publishing:publication", partnership_slug=request.partnership.slug, year=report.year)


@partnership_view(DECIDE)
@require_POST
def publish(request, year):
    report = report_for(request, year)

    def act():
        publication = services.request_publication(
            report, by=request.user, change_note=request.POST.get("change_note", "")
        )
        return f"Publishing version {publication.version}: this page shows its progress."

    return _done(request, report, act)


@partnership_view(DECIDE)
@require_POST
def correct(request, year):
    report = report_for(request, year)

    def act():
        services.start_correction(report, by=request.user, reason=request.POST.get("reason", ""))
        return "The report is back in draft for the correction; the published version stays public meanwhile."

    return _done(request, report, act)


@partnership_view(DECIDE)
@require_POST
def withdraw(request, year):
    report = report_for(request, year)

    def act():
        versions = services.withdraw(report, by=request.user, reason=request.POST.get("reason", ""))
        return f"Withdrawn: the addresses of version{'s' if len(versions) > 1 else ''} {', '.join(map(str, versions))} now answer “410 Gone” with your reason."

    return _done(request, report, act)


@partnership_view(SEE)
@require_POST
def mark_sent(request, year, pk):
    report = report_for(request, year)
    sending = get_object_or_404(
        Sending.objects.select_related("publication"),
        pk=pk,
        publication__in=Publication.objects.filter(partnership=request.partnership, year=report.year),
    )

    def act():
        try:
            sent_on = dt.date.fromisoformat(request.POST.get("sent_on", ""))
        except ValueError:
            raise services.PublishError("Give the day it was sent, e.g. 2025-09-30.") from None
        services.mark_sent(sending, by=request.user, sent_on=sent_on)
        return f"Marked sent to the {sending.get_recipient_display()}."

    return _done(request, report, act)
