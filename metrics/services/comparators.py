"""England and regional comparators set by the business unit."""

from django.db import transaction

from partners import audit

from ..errors import FigureError
from ..formatting import plain_number
from ..models import Comparator
from ..validation import check_comparator_value


@transaction.atomic
def set_comparator(*, metric, year, geography, value, source="", by):
    problems = check_comparator_value(metric, value)
    if problems:
        raise FigureError(" ".join(problems))
    comparator, _ = Comparator.objects.update_or_create(
        partnership=metric.partnership,
        metric=metric,
        year=year,
        geography=geography,
        defaults={"value": value, "source": source},
    )
    audit.record(
        "metrics.comparator.set",
        partnership=metric.partnership,
        by=by,
        via="form",
        subject=comparator,
        metric=metric.code,
        year=str(year),
        geography=geography,
        new=plain_number(value),
    )
    return comparator
