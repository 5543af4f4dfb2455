"""The partners app's audit actions (people and roles) and their sentences; registered in PartnersConfig.ready."""

from . import audit

ACTIONS = {
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
