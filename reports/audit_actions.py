"""Report authoring's audit actions and their sentences (registered from ReportsConfig.ready).

Sentences read only the event (subject label and data), so they read the same after the
section or report is gone.
"""

from partners import audit


def _d(event, key, default=""):
    return (event.data or {}).get(key, default)


def _codes(items):
    return ", ".join(items) if items else "none"


ACTIONS = {
    "reports.report.created": ("Report created", lambda e: f"Report {e.subject_label} created"),
    "reports.report.started_from": (
        "Report started from last year",
        lambda e: (
            f"Started from the {_d(e, 'previous')} report: {_d(e, 'sections', 0)} sections copied, "
            f"{_d(e, 'missing', 0)} figure references without a figure for the new year"
        ),
    ),
    "reports.section.added": ("Section added", lambda e: f"Section {e.subject_label} added"),
    "reports.section.saved": (
        "Section saved",
        lambda e: (
            f"Section {e.subject_label} saved as revision {_d(e, 'revision')} "
            f"({_d(e, 'blocks_changed', 0)} blocks changed)"
        ),
    ),
    "reports.section.merged": (
        "Section saved after a conflict",
        lambda e: f"Section {e.subject_label} saved as revision {_d(e, 'revision')} after merging with another edit",
    ),
    "reports.section.conflict": (
        "Save refused by a conflict",
        lambda e: (
            f"Section {e.subject_label}: a save that came second was kept as revision {_d(e, 'revision')} for merging"
        ),
    ),
    "reports.section.updated": (
        "Section details changed",
        lambda e: f"Section {e.subject_label}: {_codes(_d(e, 'changed', []))} changed",
    ),
    "reports.section.moved": ("Section moved", lambda e: f"Section {e.subject_label} moved"),
    "reports.section.deleted": ("Section deleted", lambda e: f"Section {e.subject_label} deleted"),
    "reports.revision.restored": (
        "Revision restored",
        lambda e: f"Section {e.subject_label}: revision {_d(e, 'restored')} restored as revision {_d(e, 'revision')}",
    ),
    "reports.comment.added": (
        "Comment added",
        lambda e: f"{'Reply' if _d(e, 'reply') else 'Comment'} on section {e.subject_label}",
    ),
    "reports.comment.resolved": ("Comment resolved", lambda e: f"Comment on section {e.subject_label} resolved"),
    "reports.comment.reopened": ("Comment re-opened", lambda e: f"Comment on section {e.subject_label} re-opened"),
    "reports.requirements.tagged": (
        "Requirements tagged",
        lambda e: (
            f"Section {e.subject_label}: requirements added {_codes(_d(e, 'added', []))}, "
            f"removed {_codes(_d(e, 'removed', []))}"
        ),
    ),
    "reports.report.submitted": (
        "Report sent for review",
        lambda e: f"Report {e.subject_label} sent for review; missing requirements: {_codes(_d(e, 'missing', []))}",
    ),
    "reports.report.signed_off": (
        "Report signed off",
        lambda e: (
            f"Report {e.subject_label} signed off by {_d(e, 'name')}, {_d(e, 'post')} "
            f"(report revision {_d(e, 'revision')}); acknowledged as missing: {_codes(_d(e, 'acknowledged', []))}"
        ),
    ),
    "reports.report.sent_back": (
        "Report sent back",
        lambda e: f"Report {e.subject_label} sent back: {_d(e, 'reason')}",
    ),
    "reports.report.returned_to_draft": (
        "Report back in draft after an edit",
        lambda e: f"Report {e.subject_label} returned to draft: {_d(e, 'reason')}",
    ),
}


def register_all():
    for action, (label, sentence) in ACTIONS.items():
        audit.register(action, label=label, sentence=sentence)
