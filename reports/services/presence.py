"""Who has a section open: each open editor page refreshes its mark every few seconds."""

import datetime as dt

from django.utils import timezone

from ..models import SectionPresence

FRESH_FOR = dt.timedelta(seconds=45)


def mark_open(section, *, user):
    """Not audited: presence is a courtesy signal, not an authoring action."""
    now = timezone.now()
    # One UPDATE on every page view and refresh; the row is made on the first visit only.
    if not SectionPresence.objects.filter(section=section, user=user).update(seen_at=now):
        SectionPresence.objects.update_or_create(
            partnership=section.partnership, section=section, user=user, defaults={"seen_at": now}
        )


def others_here(section, *, user):
    since = timezone.now() - FRESH_FOR
    rows = SectionPresence.objects.filter(section=section, seen_at__gte=since).exclude(user=user).select_related("user")
    return sorted((r.user.get_full_name() or r.user.username) for r in rows)
