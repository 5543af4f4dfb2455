"""How a figure is stated (its period, precision, commentary, rank, numerator and denominator, publisher):
the business unit sets it on one figure, its number untouched, with an audit event naming what changed."""

from django.db import transaction

from partners import audit

from ..models import MetricValue
from ..presentation import DETAIL_COLUMNS, Publishers, details_text, read_details


@transaction.atomic
def restate_value(value: MetricValue, texts: dict, *, by, via="form") -> list[str]:
    """Apply `texts` (presentation.DETAIL_COLUMNS as typed); returns the errors, and saves nothing if any.

    The number stays as it is, approved or not: only how it is stated changes, so an approved
    figure stays approved, and the audit trail says what changed from what.
    """
    value = (
        MetricValue.objects.select_for_update(of=("self",))
        .select_related("metric", "area", "published_by")
        .get(pk=value.pk)
    )
    fields, errors = read_details(
        {name: texts.get(name, "") for name in DETAIL_COLUMNS},
        metric=value.metric,
        year=value.year,
        raw=value.as_typed,
        publishers=Publishers.of(value.partnership),
    )
    if errors:
        return errors
    before = details_text(value)
    changed = [name for name, wanted in fields.items() if getattr(value, name) != wanted]
    if not changed:
        return []
    for name in changed:
        setattr(value, name, fields[name])
    value.save(update_fields=[*changed, "updated_at"])
    after = details_text(MetricValue.objects.select_related("published_by").get(pk=value.pk))
    audit.record(
        "metrics.value.restated",
        partnership=value.partnership,
        by=by,
        via=via,
        subject=value,
        within=value.collected_in,
        changes={name: [before[name], after[name]] for name in DETAIL_COLUMNS if before[name] != after[name]},
    )
    return []
