"""The partners app's audit actions: changes to reference data (registered from PartnersConfig.ready)."""

from . import audit


def _changes(event):
    changed = event.data.get("changed", {})
    return "; ".join(f"{name}: {_shown(old)} → {_shown(new)}" for name, (old, new) in changed.items())


def _shown(value):
    return value if value not in (None, "") else "empty"


ACTIONS = {
    "partners.area.council_set": (
        "Area's council set",
        lambda e: f"{e.subject_label}: council {_shown(e.old)} → {_shown(e.new)}",
    ),
    "reference.created": ("Reference data added", lambda e: f"Added {e.data.get('kind', '')} {e.subject_label}"),
    "reference.changed": (
        "Reference data changed",
        lambda e: f"Changed {e.data.get('kind', '')} {e.subject_label}: {_changes(e)}",
    ),
    "reference.deleted": ("Reference data deleted", lambda e: f"Deleted {e.data.get('kind', '')} {e.subject_label}"),
    "partners.person.invited": (
        "Person invited",
        lambda e: f"Invited {e.data.get('email', e.subject_label)} as {e.data.get('role_label', '')}",
    ),
    "partners.person.reinvited": (
        "Invitation sent again",
        lambda e: f"Sent a new invitation link to {e.data.get('email', e.subject_label)}",
    ),
    "partners.person.joined": ("Invitation accepted", lambda e: f"{e.subject_label} set a password and joined"),
    "partners.person.role_changed": (
        "Role changed",
        lambda e: f"{e.subject_label}: role changed from {e.old or 'none'} to {e.new}",
    ),
    "partners.person.removed": (
        "Person removed",
        lambda e: (
            f"{e.subject_label} removed ({e.old or 'no role'})"
            + ("; account switched off" if e.data.get("account_closed") else "")
        ),
    ),
}


def register_all():
    for action, (label, sentence) in ACTIONS.items():
        audit.register(action, label=label, sentence=sentence)
