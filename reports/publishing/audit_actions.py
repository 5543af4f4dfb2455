"""Publishing's audit actions and their sentences (registered from ReportsConfig.ready)."""

from partners import audit


def _d(event, key, default=""):
    return (event.data or {}).get(key, default)


ACTIONS = {
    "reports.publication.requested": (
        "Publication requested",
        lambda e: (
            f"Publication of {e.subject_label} requested"
            + (f" as a correction: {_d(e, 'change_note')}" if _d(e, "change_note") else "")
        ),
    ),
    "reports.publication.published": (
        "Report published",
        lambda e: f"{e.subject_label} published ({_d(e, 'pages')} pages, PDF sha256 {_d(e, 'pdf_sha256')})",
    ),
    "reports.publication.correction_started": (
        "Correction started",
        lambda e: f"Report {e.subject_label} back in draft for a correction: {_d(e, 'reason')}",
    ),
    "reports.publication.withdrawn": (
        "Report withdrawn",
        lambda e: (
            f"Report {e.subject_label} withdrawn (versions {', '.join(map(str, _d(e, 'versions', [])))}): "
            f"{_d(e, 'reason')}"
        ),
    ),
    "reports.publication.sent": (
        "Report marked sent",
        lambda e: f"{e.subject_label} marked sent to the {_d(e, 'recipient')} on {_d(e, 'sent_on')}",
    ),
}


def register_all():
    for action, (label, sentence) in ACTIONS.items():
        audit.register(action, label=label, sentence=sentence)
