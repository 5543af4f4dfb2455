"""England and regional comparators set by the business unit."""

from django.db import transaction

from ..errors import FigureError
from ..formatting import plain_number
from ..models import Comparator
from ..validation import check_comparator_value
from .audit import record


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
    record(
        partnership=metric.partnership,
        action="metrics.comparator.set",
        by=by,
        via="form",
        metric=metric.code,
        year=str(year),
        geography=geography,
        new=plain_number(value),
    )
    return comparator
