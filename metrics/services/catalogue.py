"""The business unit's edits to its metric catalogue: one transaction each, audited."""

from django.db import transaction

from partners import audit

from ..models import Metric


@transaction.atomic
def save_metric(metric: Metric, *, by, changed: list[str]) -> Metric:
    """Save a new or changed metric (already validated by its form) and record what changed."""
    created = metric.pk is None
    metric.save()
    if created:
        audit.record(
            "metrics.metric.created",
            partnership=metric.partnership,
            by=by,
            subject=metric,
            code=metric.code,
            supplier=str(metric.agency or ""),
        )
    elif changed:
        audit.record(
            "metrics.metric.changed", partnership=metric.partnership, by=by, subject=metric, fields=sorted(changed)
        )
    return metric
