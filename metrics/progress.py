"""Reads for "what is waiting": figures filled per return, days to the deadline, each role's work.

Plain data for the dashboards and the completeness page; a fixed number of queries each,
whatever the number of returns, metrics or areas.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from partners.prepared import PreparedQuery

from .cells import cell_key
from .models import CollectionRound, Level, MetricValue, Return, ReturnStatus

OUTSTANDING = (ReturnStatus.NOT_STARTED, ReturnStatus.DRAFT, ReturnStatus.RETURNED)


def today():
    return timezone.localdate()


def days_phrase(days: int) -> str:
    """ "12 days left", "due today", "3 days overdue"."""
    if days > 0:
        return f"{days} day{'s' if days != 1 else ''} left"
    if days == 0:
        return "due today"
    return f"{-days} day{'s' if days != -1 else ''} overdue"


@dataclass(frozen=True)
class ReturnProgress:
    ret: Return
    filled: int
    expected: int
    days_left: int  # to the round's closing date; negative once overdue
    metric_count: int  # metrics the return asks for

    @property
    def percent(self):
        return round(100 * self.filled / self.expected) if self.expected else 100

    @property
    def is_outstanding(self):
        return self.ret.status in OUTSTANDING

    @property
    def is_overdue(self):
        return self.is_outstanding and self.days_left < 0

    @property
    def deadline(self):
        return days_phrase(self.days_left)

    @property
    def next_step(self):
        """What the agency does next, in its own words."""
        status = self.ret.status
        if self.ret.round.is_upcoming and status == ReturnStatus.NOT_STARTED:
            return f"Nothing to do yet: the round opens on {self.ret.round.opens_on:%-d %B %Y}."
        if status == ReturnStatus.NOT_STARTED:
            return "Start entering your figures."
        if status == ReturnStatus.DRAFT:
            left = self.expected - self.filled
            if left:
                return f"Fill in the {left} remaining figure{'s' if left != 1 else ''}, then submit."
            return "Every figure is filled in: check them and submit."
        if status == ReturnStatus.RETURNED:
            return "The business unit sent it back: correct it and submit again."
        if status == ReturnStatus.SUBMITTED:
            return "Nothing to do: the business unit is checking it."
        return "Nothing to do: the figures are approved."


# What the dashboards and the completeness page read on every view, by SQL built once.
_metrics_asked = PreparedQuery(
    lambda return_ids: Return.metrics.through.objects.filter(return_id__in=return_ids).values_list(
        "return_id", "metric_id", "metric__level"
    ),
    id_lists=("return_ids",),
)
_areas_asked = PreparedQuery(
    lambda return_ids: Return.areas.through.objects.filter(return_id__in=return_ids).values_list(
        "return_id", "area_id"
    ),
    id_lists=("return_ids",),
)
_rounds_of = PreparedQuery(
    lambda partnership_ids: CollectionRound.objects.filter(partnership_id__in=partnership_ids).order_by(
        "partnership_id", "-year"
    ),
    id_lists=("partnership_ids",),
)
_waiting_or_in_rounds = PreparedQuery(
    lambda partnership_ids, round_ids: Return.objects.filter(
        Q(status=ReturnStatus.SUBMITTED) | Q(round_id__in=round_ids), partnership_id__in=partnership_ids
    ).select_related("round", "agency", "partnership"),
    id_lists=("partnership_ids", "round_ids"),
)


def return_progress(returns, *, on: dt.date | None = None) -> list[ReturnProgress]:
    """Figures filled (a figure or N/K) out of those asked, per return. Returns must come with
    `round`; their metrics and areas are read here: three queries in all."""
    returns = list(returns)
    if not returns:
        return []
    on = on or today()
    ids = [ret.pk for ret in returns]
    metrics = {}
    for ret_id, metric_id, per_area in _metrics_asked(return_ids=ids):
        metrics.setdefault(ret_id, []).append((metric_id, per_area))
    areas = {}
    for ret_id, area_id in _areas_asked(return_ids=ids):
        areas.setdefault(ret_id, []).append(area_id)
    years = {ret.round.year for ret in returns}
    # Every figure of those years, not only the returns' metrics: the few others cost less to
    # read than a parameter per metric costs to prepare (200 for a large catalogue).
    stored = set(
        (year, cell_key(metric_id, area_id))
        for year, metric_id, area_id in MetricValue.objects.filter(
            partnership__in={ret.partnership_id for ret in returns}, year__in=years
        )
        .order_by()  # a set: the default order would join metrics and areas for nothing
        .values_list("year", "metric_id", "area_id")
    )
    result = []
    for ret in returns:
        keys = []
        for metric_id, level in metrics.get(ret.pk, []):
            if _is_per_area(level):
                keys += [cell_key(metric_id, area_id) for area_id in areas.get(ret.pk, [])]
            else:
                keys.append(cell_key(metric_id, None))
        filled = sum(1 for key in keys if (ret.round.year, key) in stored)
        result.append(
            ReturnProgress(ret, filled, len(keys), (ret.round.closes_on - on).days, len(metrics.get(ret.pk, [])))
        )
    return result


def _is_per_area(level):
    return level == Level.AREA


@dataclass(frozen=True)
class BusinessUnitWork:
    """What waits for the business unit in one partnership."""

    waiting: list  # ReturnProgress of submitted returns, oldest first
    outstanding: list  # ReturnProgress of the current round's returns not yet submitted, most overdue first
    current_round: CollectionRound | None
    filled: int
    expected: int
    counts: dict  # ReturnStatus -> number, for the current round

    @property
    def percent(self):
        return round(100 * self.filled / self.expected) if self.expected else 0

    @property
    def status_summary(self):
        """ "2 approved, 1 submitted, 3 not started": the statuses that have returns."""
        return ", ".join(f"{n} {status.label.lower()}" for status, n in self.counts.items() if n)


def business_unit_work(partnership, *, on: dt.date | None = None) -> BusinessUnitWork:
    """Returns waiting for a decision (every round), and the current round's progress. Five queries."""
    return business_unit_work_in([partnership], on=on)[partnership.pk]


def business_unit_work_in(partnerships, *, on: dt.date | None = None) -> dict[int, BusinessUnitWork]:
    """business_unit_work for each partnership, by id: the same five queries for one partnership
    or every one (a portal administrator's dashboard), none for no partnership. Run in the scope of all of them."""
    if not partnerships:  # a partner's dashboard: building queries that match nothing costs as much as running them
        return {}
    on = on or today()
    ids = [partnership.pk for partnership in partnerships]
    current = {}
    for collection_round in _rounds_of(partnership_ids=ids):
        current.setdefault(collection_round.partnership_id, collection_round)
    round_ids = [collection_round.pk for collection_round in current.values()]
    returns = _waiting_or_in_rounds(partnership_ids=ids, round_ids=round_ids)
    by_partnership = {pk: [] for pk in ids}
    for item in return_progress(returns, on=on):
        by_partnership[item.ret.partnership_id].append(item)
    return {pk: _work(by_partnership[pk], current.get(pk)) for pk in ids}


def _work(progress, current):
    waiting = sorted(
        (p for p in progress if p.ret.status == ReturnStatus.SUBMITTED),
        key=lambda p: (p.ret.submitted_at or timezone.now(), p.ret.pk),
    )
    this_round = [p for p in progress if current is not None and p.ret.round_id == current.pk]
    outstanding = sorted((p for p in this_round if p.is_outstanding), key=lambda p: (p.percent, p.ret.agency.name))
    counts = {status: sum(1 for p in this_round if p.ret.status == status) for status in ReturnStatus}
    return BusinessUnitWork(
        waiting=waiting,
        outstanding=outstanding,
        current_round=current,
        filled=sum(p.filled for p in this_round),
        expected=sum(p.expected for p in this_round),
        counts=counts,
    )
