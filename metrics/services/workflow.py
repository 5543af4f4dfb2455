"""The return workflow: save a draft, submit, send back, approve, re-open. One transaction each."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from partners import audit, versions

from ..cells import expected_cells, return_scope, stored_cells, stored_values
from ..errors import FigureError, StaleReturn
from ..models import MetricValue, Return, ReturnStatus
from .checks import check_cells
from .writer import write_values


@transaction.atomic
def save_return(ret: Return, cells: dict, *, by, via="form", expected_version=None) -> dict:
    """Save a draft. Refused whole (nothing written) when any cell has an error; warnings never block.

    `expected_version` is the `Return.version` the user's page was built from: a page that is out
    of date (another tab, an upload since) is refused rather than overwriting newer figures.
    Returns the checks so the caller can show errors and warnings at each field.
    """
    ret = _locked(ret)
    if expected_version is not None and expected_version != ret.version:
        raise StaleReturn(
            "Not saved: this return changed after you opened it (in another tab or by an upload). "
            "Your entries are below; check them against the figures now saved and save again."
        )
    if not ret.accepts_figures:
        raise FigureError(ret.refusal())
    metrics, area_ids = return_scope(ret)
    allowed = set(expected_cells(ret, metrics, area_ids))
    unknown = set(cells) - allowed
    if unknown:
        raise FigureError("Some figures are not part of this return; reload the page and try again.")
    # The stored figures are read once (with the wholes that parts are checked against) and
    # serve both the checks and the writer.
    year, metric_ids = ret.round.year, {m.pk for m in metrics}
    stored = stored_values(
        ret.partnership, metric_ids | {m.part_of_id for m in metrics if m.part_of_id}, year, related=False
    )
    last_year = stored_values(ret.partnership, metric_ids, year.previous(), related=False)
    checks = check_cells(ret, cells, metrics=metrics, area_ids=area_ids, stored=stored, last_year=last_year)
    if any(check.errors for check in checks.values()):
        transaction.set_rollback(True)
        return checks
    editable = {key: cell for key, cell in cells.items() if not checks[key].locked}
    write_values(ret.partnership, year, editable, checks, by=by, via=via, ret=ret, existing=stored, metrics=metrics)
    if ret.status == ReturnStatus.NOT_STARTED:
        ret.status = ReturnStatus.DRAFT
    ret.save(update_fields=["status", "updated_at"])  # a new version, even when only a note changed
    audit.record("metrics.return.saved", partnership=ret.partnership, by=by, via=via, subject=ret)
    return checks


def _set_status(ret, status, *, by, action, reason="", **fields):
    ret.status = status
    ret.status_reason = reason
    for name, value in fields.items():
        setattr(ret, name, value)
    ret.save()
    audit.record(action, partnership=ret.partnership, by=by, via="form", subject=ret, reason=reason, status=status)


def _locked(ret):
    # Only the return's own row (of=self): locking its round too would deadlock with an import.
    return Return.objects.select_for_update(of=("self",)).select_related("round", "partnership").get(pk=ret.pk)


@transaction.atomic
def submit_return(ret: Return, *, by):
    """Submit for approval: every figure given (or N/K), no errors, every large change explained."""
    ret = _locked(ret)
    if not ret.accepts_figures:
        raise FigureError(ret.refusal())
    metrics, area_ids = return_scope(ret)
    cells = stored_cells(ret, metrics, area_ids)
    checks = check_cells(ret, cells, metrics=metrics, area_ids=area_ids)
    missing = sum(1 for check in checks.values() if check.blank)
    unexplained = sum(1 for key, check in checks.items() if check.warnings and not cells[key].explanation.strip())
    errors = sum(1 for check in checks.values() if check.errors)
    problems = []
    if missing:
        problems.append(
            f"{missing} figure{'s are' if missing > 1 else ' is'} still empty (enter N/K if your agency cannot supply one)"
        )
    if errors:
        problems.append(f"{errors} figure{'s have' if errors > 1 else ' has'} an error")
    if unexplained:
        problems.append(f"{unexplained} large change{'s need' if unexplained > 1 else ' needs'} an explanation")
    if problems:
        raise FigureError("Not submitted: " + "; ".join(problems) + ".")
    _set_status(
        ret,
        ReturnStatus.SUBMITTED,
        by=by,
        action="metrics.return.submitted",
        submitted_at=timezone.now(),
        submitted_by=by,
    )
    return ret


def _return_values(ret):
    """The stored figures of the return's cells: its metrics, for its areas (or the whole partnership)."""
    metrics, area_ids = return_scope(ret)
    per_area = [m.pk for m in metrics if m.is_per_area]
    whole = [m.pk for m in metrics if not m.is_per_area]
    return MetricValue.objects.filter(partnership=ret.partnership, year=ret.round.year).filter(
        Q(metric_id__in=per_area, area_id__in=area_ids) | Q(metric_id__in=whole, area__isnull=True)
    )


def _require_reason(reason):
    reason = (reason or "").strip()
    if not reason:
        raise FigureError("Give a reason: the agency sees it beside its return.")
    return reason


@transaction.atomic
def send_back_return(ret: Return, *, by, reason):
    """The business unit returns a submitted return to the agency, saying why."""
    reason = _require_reason(reason)
    ret = _locked(ret)
    if not ret.is_submitted:
        raise FigureError("Only a submitted return can be sent back.")
    _set_status(ret, ReturnStatus.RETURNED, by=by, action="metrics.return.returned", reason=reason)
    return ret


@transaction.atomic
def approve_return(ret: Return, *, by):
    """Approve a submitted return: its figures become the approved values reports use, and lock."""
    ret = _locked(ret)
    if not ret.is_submitted:
        raise FigureError("Only a submitted return can be approved.")
    now = timezone.now()
    # Every cell of the return, including figures it left as they were (imported drafts).
    _return_values(ret).update(approved_at=now, collected_in=ret)
    versions.changed(ret.partnership_id)  # an update() sends no signals
    _set_status(ret, ReturnStatus.APPROVED, by=by, action="metrics.return.approved", approved_at=now, approved_by=by)
    return ret


@transaction.atomic
def reopen_return(ret: Return, *, by, reason):
    """Unlock an approved return so the agency can correct it; its figures stop being approved."""
    reason = _require_reason(reason)
    ret = _locked(ret)
    if not ret.is_approved:
        raise FigureError("Only an approved return can be re-opened.")
    _return_values(ret).filter(collected_in=ret).update(approved_at=None)
    versions.changed(ret.partnership_id)
    _set_status(
        ret,
        ReturnStatus.RETURNED,
        by=by,
        action="metrics.return.reopened",
        reason=reason,
        approved_at=None,
        approved_by=None,
    )
    return ret
