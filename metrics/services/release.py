"""An approver's release of one small figure for publication, with a recorded reason (audited).

Suppression (`formatting.is_suppressed`) hides small figures of metrics marked `suppress_small`
from anyone outside the business unit. Sometimes a partnership decides one such figure may be
published (no child could be identified from it); the release names who decided, when and why,
and lapses when the figure changes and is approved again (`MetricValue.is_released`).
"""

from django.db import transaction
from django.utils import timezone

from partners import audit

from ..errors import FigureError
from ..formatting import is_suppressed
from ..models import MetricValue
from ..validation import check_text


def _locked(value):
    return (
        MetricValue.objects.select_for_update(of=("self",))
        .select_related("metric", "area", "partnership")
        .get(pk=value.pk)
    )


def _reason(reason):
    reason = (reason or "").strip()
    if not reason:
        raise FigureError("Say why this figure may be published: the audit trail keeps the reason.")
    problems = check_text("reason", reason, 2000)
    if problems:
        raise FigureError(" ".join(problems))
    return reason


@transaction.atomic
def release_figure(value: MetricValue, *, reason: str, by) -> MetricValue:
    """Release one approved, suppressed figure for publication. Refused in words otherwise."""
    reason = _reason(reason)
    value = _locked(value)
    threshold = value.partnership.small_number_threshold
    if not value.is_approved:
        raise FigureError("Only an approved figure can be released for publication.")
    if value.is_released:
        raise FigureError("This figure is already released for publication.")
    if not is_suppressed(value.value, suppress_small=value.metric.suppress_small, public=True, threshold=threshold):
        raise FigureError(
            f"This figure is not suppressed (the partnership suppresses 1 to {threshold - 1} where a metric asks), "
            "so there is nothing to release."
        )
    value.released_at, value.released_by, value.release_reason = timezone.now(), by, reason
    value.save(update_fields=["released_at", "released_by", "release_reason"])
    _record("metrics.value.released", value, by=by, reason=reason, released=value.as_typed)
    return value


@transaction.atomic
def withdraw_release(value: MetricValue, *, reason: str, by) -> MetricValue:
    """Suppress a released figure again."""
    reason = _reason(reason)
    value = _locked(value)
    if value.released_at is None:
        raise FigureError("This figure has not been released.")
    value.released_at, value.released_by, value.release_reason = None, None, ""
    value.save(update_fields=["released_at", "released_by", "release_reason"])
    _record("metrics.value.release_withdrawn", value, by=by, reason=reason)
    return value


def _record(action, figure, *, by, **data):
    audit.record(action, partnership=figure.partnership, by=by, subject=figure, within=figure.collected_in, **data)
