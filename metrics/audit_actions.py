"""The figures' audit actions and the sentence each becomes (registered from MetricsConfig.ready).

Sentences read only the event (its subject label and data), so a history page costs the same
whatever it lists, and an event reads the same after its figure or return is deleted.
"""

from partners import audit


def _figure(event):
    return f"{event.subject_label}: " if event.subject_label else ""


def _empty(text):
    return text if text not in (None, "") else "empty"


ACTIONS = {
    "metrics.value.changed": ("Figure changed", lambda e: f"{_figure(e)}{_empty(e.old)} → {_empty(e.new)}"),
    "metrics.value.annotated": ("Note changed", lambda e: f"{_figure(e)}note or explanation changed"),
    "metrics.value.cleared": ("Figure cleared", lambda e: f"{_figure(e)}{_empty(e.old)} → cleared"),
    "metrics.value.approved": ("Figure approved", lambda e: f"{_figure(e)}approved as it was ({_empty(e.new)})"),
    "metrics.value.restated": (
        "How a figure is stated changed",
        lambda e: (
            f"{_figure(e)}"
            + "; ".join(
                f"{name.replace('_', ' ')} {_empty(old)} → {_empty(new)}"
                for name, (old, new) in sorted(e.data.get("changes", {}).items())
            )
        ),
    ),
    "metrics.return.saved": ("Draft saved", lambda e: "Draft saved"),
    "metrics.return.submitted": ("Return submitted", lambda e: "Submitted for approval"),
    "metrics.return.returned": ("Return sent back", lambda e: f"Sent back: {e.reason}"),
    "metrics.return.approved": ("Return approved", lambda e: "Approved"),
    "metrics.return.reopened": ("Return re-opened", lambda e: f"Re-opened: {e.reason}"),
    "metrics.figures.imported": (
        "Figures imported",
        lambda e: f"Figures imported: {e.data.get('changed', 0)} new or changed",
    ),
    "metrics.return.reminded": (
        "Reminder sent",
        lambda e: (
            f"Reminder e-mailed to {e.data.get('recipients', 0)} submitter(s) "
            f"({e.data.get('filled', 0)} of {e.data.get('expected', 0)} figures filled, {e.data.get('deadline', '')})"
        ),
    ),
    "metrics.metric.created": (
        "Metric added",
        lambda e: (
            f"Metric added: {e.subject_label} ({e.data.get('code', '')})"
            + (f", supplied by {e.data['supplier']}" if e.data.get("supplier") else "")
        ),
    ),
    "metrics.metric.changed": (
        "Metric changed",
        lambda e: f"Metric changed: {e.subject_label} ({', '.join(e.data.get('fields', []))})",
    ),
    "metrics.round.opened": ("Round opened", lambda e: f"Round opened for {e.data.get('year', '')}"),
    "metrics.round.changed": ("Round changed", lambda e: f"Round for {e.data.get('year', '')} changed"),
    "metrics.comparator.set": (
        "Comparator set",
        lambda e: f"Comparator set: {e.data.get('metric', '')} {e.data.get('year', '')} = {e.new}",
    ),
}


def register_all():
    for action, (label, sentence) in ACTIONS.items():
        audit.register(action, label=label, sentence=sentence)
