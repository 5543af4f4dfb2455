"""Who has a section open: each open editor page refreshes its mark every few seconds."""

import datetime as dt

from django.utils import timezone

from ..models import SectionPresence

FRESH_FOR = dt.timedelta(seconds=45)
REFRESH_AFTER = dt.timedelta(seconds=15)  # a mark younger than this is not written again


def mark_open(section, *, user):
    """Mark `user` as having the section open; the names of the others who have it open.

    One read; a write only when the person's mark is older than REFRESH_AFTER (the page's
    heartbeat and its reloads would otherwise write on every request). Not audited: presence is a
    courtesy signal, not an authoring action."""
    now = timezone.now()
    rows = list(SectionPresence.objects.filter(section=section, seen_at__gte=now - FRESH_FOR).select_related("user"))
    mine = next((row for row in rows if row.user_id == user.pk), None)
    if mine is None or now - mine.seen_at >= REFRESH_AFTER:
        if not SectionPresence.objects.filter(section=section, user=user).update(seen_at=now):
            SectionPresence.objects.update_or_create(
                partnership=section.partnership, section=section, user=user, defaults={"seen_at": now}
            )
    return sorted((row.user.get_full_name() or row.user.username) for row in rows if row.user_id != user.pk)
