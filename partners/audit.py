"""The portal's audit trail: one way to record an event, one place that turns events into sentences.

Every app records through `record` (saved at once) or `event` (unsaved, for `bulk_create` with
the change it describes), in the same transaction as the change::

    audit.record("metrics.return.approved", partnership=p, by=user, subject=ret)
    audit.record("reports.section.saved", partnership=p, by=user, subject=section, within=report, words=812)

Action names are dotted (``app.thing.verb``). The subject is stored as its type
("app_label.model"), id and label, never as a foreign key, so events outlive what they describe.
`within` (optional) names the record the subject belongs to, so a history page for a return or
a report finds the events of its parts. Any other keyword goes into the event's JSON ``data``.

Each app registers its actions (in its AppConfig.ready or a module imported there)::

    audit.register("metrics.return.approved", label="Return approved", sentence=lambda e: "Approved")

`sentence(event)` gives the registered sentence, or the action name for an unregistered one.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from .models import AuditEvent

SUBJECT_LABEL_LENGTH = AuditEvent._meta.get_field("subject_label").max_length


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    sentence: Callable


_actions: dict[str, Action] = {}


def register(action, *, label, sentence):
    """Register an action's label (for filters and the admin) and its sentence: callable(event) -> str."""
    if not callable(sentence):
        raise TypeError(f"The sentence for {action} must be callable(event) -> str.")
    _actions[action] = Action(action, label, sentence)


def registered():
    """Every registered action, by name."""
    return dict(_actions)


def sentence(event) -> str:
    """The event as one plain sentence (escaped by the template like any text)."""
    found = _actions.get(event.action)
    return found.sentence(event) if found else event.action


def label(action) -> str:
    found = _actions.get(action)
    return found.label if found else action


def type_of(obj) -> str:
    """The generic type name of a model instance or class: "app_label.model"."""
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def label_of(obj) -> str:
    """What an object is called in the audit trail: its `audit_label` when it has one, else str()."""
    text = str(getattr(obj, "audit_label", None) or obj)
    if len(text) > SUBJECT_LABEL_LENGTH:  # a label only names the subject; the full text is in data
        text = text[: SUBJECT_LABEL_LENGTH - 1] + "…"
    return text


def event(action, *, partnership, by, via="form", subject=None, within=None, **data) -> AuditEvent:
    """An unsaved event, for `record_all` together with the change it describes."""
    return AuditEvent(
        partnership=partnership,
        action=action,
        actor=by,
        at=timezone.now(),
        via=via or "",
        subject_type=type_of(subject) if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None and subject.pk is not None else "",
        subject_label=label_of(subject) if subject is not None else "",
        within_type=type_of(within) if within is not None else "",
        within_id=str(within.pk) if within is not None else "",
        data=data,
    )


def record_all(events: list[AuditEvent]) -> None:
    """Save unsaved events (from `event`) with one multi-row INSERT a batch, in the caller's
    transaction. Each value is prepared once by its field and nothing else runs per row: Django's
    bulk_create took a third of saving an 800-figure return (bench/figures_save.py). The events
    are not given their ids."""
    if not events:
        return
    fields = [field for field in AuditEvent._meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    row = f"({', '.join(['%s'] * len(fields))})"
    size = connection.ops.bulk_batch_size(fields, events) or len(events)
    with connection.cursor() as cursor:
        for start in range(0, len(events), size):
            batch = events[start : start + size]
            cursor.execute(
                f"INSERT INTO {quote(AuditEvent._meta.db_table)} ({columns}) VALUES {', '.join([row] * len(batch))}",
                [
                    field.get_db_prep_save(getattr(event, field.attname), connection)
                    for event in batch
                    for field in fields
                ],
            )


def record(action, *, partnership, by, via="form", subject=None, within=None, **data) -> AuditEvent:
    """Record an event now (in the caller's transaction) and return it."""
    saved = event(action, partnership=partnership, by=by, via=via, subject=subject, within=within, **data)
    saved.save()
    return saved


def about(obj):
    """Events whose subject is `obj` (a query: filter, order or select_related further)."""
    return AuditEvent.objects.filter(subject_type=type_of(obj), subject_id=str(obj.pk))


def about_or_within(obj):
    """Events about `obj` or about anything recorded within it (a return and its figures)."""
    kind, pk = type_of(obj), str(obj.pk)
    return AuditEvent.objects.filter(Q(subject_type=kind, subject_id=pk) | Q(within_type=kind, within_id=pk))
