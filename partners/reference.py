"""Writes for the business unit's reference data (people, posts, groups, funding): one
transaction each, validated by the model's rules, every change in the audit trail."""

from django.db import transaction

from . import audit


def _shown(value):
    return "" if value is None else str(value)


@transaction.atomic
def save(obj, *, partnership, by, kind, before=None):
    """Save a new or changed object; `before` holds {field: old value} of the fields that changed."""
    created = obj.pk is None
    obj.save()
    if created:
        audit.record("reference.created", partnership=partnership, by=by, subject=obj, kind=kind)
    elif before:
        changed = {name: [_shown(old), _shown(getattr(obj, name))] for name, old in before.items()}
        audit.record("reference.changed", partnership=partnership, by=by, subject=obj, kind=kind, changed=changed)
    return obj


@transaction.atomic
def delete(obj, *, partnership, by, kind):
    label = audit.label_of(obj)
    record = audit.event("reference.deleted", partnership=partnership, by=by, subject=obj, kind=kind)
    record.subject_label = label
    obj.delete()
    record.save()
