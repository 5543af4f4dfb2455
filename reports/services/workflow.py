"""The report's workflow: draft → in review → approved (signed off) → published (publishing work).

Sign-off pins a snapshot of the whole report. An edit after review started or after approval
returns the report to draft, withdraws the sign-off and leaves a note the pages show.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from partners import audit

from ..models import ReportState, SignOff
from .errors import ReportError
from .revisions import report_snapshot


def _name(user):
    return (user.get_full_name() or user.username) if user else "someone"


def reopen_after_edit(report, *, by, what):
    """Any change to content after review began puts the report back to draft, saying why."""
    report.refresh_from_db(fields=["state"])
    if report.state == ReportState.PUBLISHED:
        raise ReportError("A published report cannot be changed; publish a correction instead.")
    if report.state not in (ReportState.IN_REVIEW, ReportState.APPROVED):
        return
    was = report.get_state_display().lower()
    when = timezone.localtime().strftime("%d %B %Y %H:%M")
    report.state = ReportState.DRAFT
    report.state_note = f"Back in draft: {what} by {_name(by)} on {when}, after the report was {was}."
    report.save(update_fields=["state", "state_note", "updated_at"])
    SignOff.objects.filter(report=report, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now(), withdrawn_reason=report.state_note[:300]
    )
    audit.record(
        "reports.report.returned_to_draft",
        partnership=report.partnership,
        by=by,
        subject=report,
        was=was,
        reason=report.state_note,
    )


def missing_requirements(report):
    """Requirements of the report's edition that nothing in the report is tagged with."""
    from ..selectors import coverage

    return [row.requirement for row in coverage(report) if row.status == "missing"]


def unresolved_figures(report):
    from ..selectors import missing_figures

    return missing_figures(report)


@transaction.atomic
def submit_for_review(report, *, by):
    """Draft → in review. Missing requirements are reported (not refused); the approver decides."""
    if report.state != ReportState.DRAFT:
        raise ReportError(f"Only a draft can be sent for review; this report is {report.get_state_display().lower()}.")
    if not report.sections.exists():
        raise ReportError("The report has no sections yet.")
    missing = missing_requirements(report)
    report.state = ReportState.IN_REVIEW
    report.state_note = ""
    report.save(update_fields=["state", "state_note", "updated_at"])
    audit.record(
        "reports.report.submitted",
        partnership=report.partnership,
        by=by,
        subject=report,
        missing=[r.code for r in missing],
    )
    return missing


@transaction.atomic
def sign_off(report, *, by, name, post, signed_on, statement="", acknowledgements=None) -> SignOff:
    """In review → approved. Every missing requirement must be acknowledged; figures must resolve."""
    report.refresh_from_db()
    if report.state != ReportState.IN_REVIEW:
        raise ReportError("Only a report in review can be signed off.")
    if not name.strip() or not post.strip():
        raise ReportError("Give the name and post of the person signing off.")
    if not isinstance(signed_on, dt.date):
        raise ReportError("Give the date of the sign-off.")
    missing_figures = unresolved_figures(report)
    if missing_figures:
        raise ReportError(
            f"{len(missing_figures)} figure reference(s) have no approved value; "
            "approve the figures or change the references before signing off."
        )
    acknowledgements = acknowledgements or {}
    missing = missing_requirements(report)
    not_acknowledged = [r.title for r in missing if not (acknowledgements.get(r.code) or "").strip()]
    if not_acknowledged:
        raise ReportError(
            "Acknowledge each missing requirement, with a note, before signing off: " + "; ".join(not_acknowledged)
        )
    revision = report_snapshot(report, by=by, note=f"Signed off by {name.strip()}")
    signed = SignOff.objects.create(
        partnership=report.partnership,
        report=report,
        revision=revision,
        signed_by=by,
        name=name.strip(),
        post=post.strip(),
        signed_on=signed_on,
        statement=statement.strip(),
        acknowledgements=[{"requirement": r.code, "note": acknowledgements[r.code].strip()} for r in missing],
    )
    report.state = ReportState.APPROVED
    report.state_note = ""
    report.save(update_fields=["state", "state_note", "updated_at"])
    audit.record(
        "reports.report.signed_off",
        partnership=report.partnership,
        by=by,
        subject=report,
        revision=revision.number,
        name=signed.name,
        post=signed.post,
        acknowledged=[r.code for r in missing],
    )
    return signed


@transaction.atomic
def return_to_draft(report, *, by, reason):
    """An approver sends a report in review back to the business unit with a reason."""
    if report.state != ReportState.IN_REVIEW:
        raise ReportError("Only a report in review can be sent back.")
    if not reason.strip():
        raise ReportError("Say why the report goes back to draft.")
    report.state = ReportState.DRAFT
    report.state_note = f"Sent back by {_name(by)}: {reason.strip()}"
    report.save(update_fields=["state", "state_note", "updated_at"])
    audit.record("reports.report.sent_back", partnership=report.partnership, by=by, subject=report, reason=reason)
