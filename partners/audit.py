"""The portal's audit trail: one way to record an event, one place that turns events into sentences.

Every app records through `record` (saved at once), `event` (unsaved, saved later with the change
it describes) or `EventBatch` (the hundreds of events of one bulk write), in the same transaction
as the change::

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

import datetime as dt
import io
import json
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


class EventBatch:
    """Events that share who made them, how, when and within what (the figures of one save),
    written by one multi-row INSERT a batch in the caller's transaction. What they share is
    prepared for the database once, and no model object is made per event: making 800
    AuditEvents and saving them with bulk_create took a third of saving an 800-figure return
    (bench/figures_save.py). The events are not given ids."""

    def __init__(self, *, partnership, by, via="form", within=None):
        self.shared = {
            "partnership_id": partnership.pk,
            "actor_id": by.pk if by is not None else None,
            "at": timezone.now(),
            "via": via or "",
            "within_type": type_of(within) if within is not None else "",
            "within_id": str(within.pk) if within is not None else "",
        }
        self.events = []

    def add(self, action, *, subject, **data):
        self.events.append(
            {
                "action": action,
                "subject_type": type_of(subject),
                "subject_id": str(subject.pk) if subject.pk is not None else "",
                "subject_label": label_of(subject),
                "data": data,
            }
        )

    def record(self) -> None:
        if not self.events:
            return
        fields = [field for field in AuditEvent._meta.concrete_fields if not field.primary_key]
        with connection.cursor() as cursor:
            if hasattr(cursor, "copy_expert"):  # PostgreSQL (psycopg2)
                cursor.copy_expert(*self._as_copy(fields))
            else:
                self._insert(cursor, fields)

    def _as_copy(self, fields):
        """PostgreSQL's COPY of the events, in its text format: a third of the time of preparing,
        quoting and parsing an INSERT's 10,000 parameters (bench/figures_save.py)."""
        shared = {name: _copy_text(value) for name, value in self.shared.items()}
        lines = io.StringIO()
        for event in self.events:
            cells = [
                shared[field.attname]
                if field.attname in shared
                else _copy_text(json.dumps(event["data"]) if field.attname == "data" else event[field.attname])
                for field in fields
            ]
            lines.write("\t".join(cells) + "\n")
        lines.seek(0)
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        return f"COPY {connection.ops.quote_name(AuditEvent._meta.db_table)} ({columns}) FROM STDIN", lines

    def _insert(self, cursor, fields):
        shared = {
            field.attname: field.get_db_prep_save(self.shared[field.attname], connection)
            for field in fields
            if field.attname in self.shared
        }
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in fields)
        row = f"({', '.join(['%s'] * len(fields))})"
        size = connection.ops.bulk_batch_size(fields, self.events) or len(self.events)
        for start in range(0, len(self.events), size):
            batch = self.events[start : start + size]
            cursor.execute(
                f"INSERT INTO {quote(AuditEvent._meta.db_table)} ({columns}) VALUES {', '.join([row] * len(batch))}",
                [
                    shared[field.attname]
                    if field.attname in shared
                    else field.get_db_prep_save(event[field.attname], connection)
                    for event in batch
                    for field in fields
                ],
            )


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value) -> str:
    """A value as COPY's text format writes it: \\N for NULL, backslash escapes for the separators."""
    if value is None:
        return "\\N"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value).translate(_COPY_ESCAPES)


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
