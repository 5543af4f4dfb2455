"""Reads for the portal's publication page and the dashboard warning (fixed query counts)."""

import datetime as dt

from django.utils import timezone

from .models import Publication, Sending

WARN_DAYS = 3  # the dashboard warns from three days before a sending is due


def publications_of(report):
    """Every publication of the report's year, newest first, with its files and sendings (3 queries)."""
    return list(
        Publication.objects.filter(partnership=report.partnership, year=report.year)
        .select_related("requested_by", "published_by", "withdrawn_by")
        .prefetch_related("artefacts", "sendings__marked_by")
        .order_by("-version")
    )


def sendings_due(partnership, today=None):
    """Statutory sendings not yet marked sent, due within WARN_DAYS or overdue, soonest first."""
    return sendings_due_in([partnership], today)[partnership.pk]


def sendings_due_in(partnerships, today=None):
    """sendings_due for each partnership, by id, in one query (none for no partnership)."""
    today = today or timezone.localdate()
    due = {partnership.pk: [] for partnership in partnerships}
    if not due:
        return due
    for sending in (
        Sending.objects.filter(
            partnership__in=list(due),
            sent_on__isnull=True,
            due_on__lte=today + dt.timedelta(days=WARN_DAYS),
            publication__withdrawn_at__isnull=True,
        )
        .select_related("publication")
        .order_by("due_on", "recipient")
    ):
        due[sending.partnership_id].append(sending)
    return due
