"""Audit events of the figures services."""

from django.utils import timezone

from ..models import AuditEvent


def event(*, partnership, action, by, via="", ret=None, value=None, **data):
    """An unsaved audit event; callers bulk-create them with the change they describe."""
    return AuditEvent(
        partnership=partnership,
        action=action,
        actor=by,
        at=timezone.now(),
        via=via,
        return_record=ret,
        value=value,
        data=data,
    )


def record(**kwargs):
    event(**kwargs).save()
