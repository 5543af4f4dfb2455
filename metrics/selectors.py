"""Reads for figures: plain data for pages, exports and (later) report rendering.

Each function runs a fixed number of queries, whatever the number of metrics,
areas or years; tests pin the counts.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Q

from partners import audit
from partners.models import Area
from partners.prepared import NO_ID, PreparedQuery
from partners.selectors import areas_of
from partners.years import ReportingYear, year_range

from .cells import CellInput, cell_key, return_metrics, stored_cells
from .cells import stored_values as stored_cell_values
from .formatting import (
    DIRECTION_WORDS,
    SMALL_NUMBER_LIMIT,
    Change,
    change,
    describe_change,
    format_comparator,
    format_rank,
    format_share,
    format_value,
    is_suppressed,
    quantize,
    shown_decimals,
    suppressed_text,
)
from .models import (
    CollectionRound,
    Comparator,
    ComparatorKind,
    Metric,
    MetricValue,
    Return,
    ReturnStatus,
    geography_sort_key,
)
from .periods import Period, comparable


def catalogue(partnership):
    return list(Metric.objects.filter(partnership=partnership).select_related("agency", "part_of", "framework_item"))


_metric_picker = PreparedQuery(
    lambda partnership_id: Metric.objects.filter(partnership_id=partnership_id).select_related("framework_item"),
    partnership_id=NO_ID,
)


def metric_picker(partnership):
    """The catalogue as a metric picker needs it: each metric with its framework indicator (its label),
    without its supplier or the metric it is part of, which cost a join and a model each. One query
    (its SQL built once)."""
    return _metric_picker(partnership_id=partnership.pk)


@dataclass
class RoundProgress:
    round: CollectionRound
    counts: dict

    @property
    def total(self):
        return sum(self.counts.values())


def rounds_with_progress(partnership):
    rounds = list(CollectionRound.objects.filter(partnership=partnership).select_related("partnership"))
    statuses = Return.objects.filter(partnership=partnership).values_list("round_id", "status")
    counts = defaultdict(Counter)
    for round_id, status in statuses:
        counts[round_id][status] += 1
    return [RoundProgress(r, {s: counts[r.pk].get(s.value, 0) for s in ReturnStatus}) for r in rounds]


def returns_for_agency(partnership, agency):
    if agency is None:
        return []
    return list(
        Return.objects.filter(partnership=partnership, agency=agency)
        .select_related("round", "partnership")
        .order_by("-round__year")
    )


@dataclass
class SheetCell:
    key: tuple
    area: Area | None
    input: CellInput
    last_year: MetricValue | None = None
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    value: MetricValue | None = None

    metric_label: str = ""

    @property
    def field_suffix(self):
        return f"{self.key[0]}-{self.key[1]}"

    @property
    def locked(self):
        """An approved figure: shown, not editable (only re-opening or an administrator changes it)."""
        return self.value is not None and self.value.is_approved

    @property
    def note_text(self):
        """The note, the part of the year and the rank's total in one line ("as at 31 March · out of 152")."""
        given = self.input
        parts = [given.note, given.qualifier, f"out of {given.rank_out_of}" if given.rank_out_of else ""]
        return " · ".join(part for part in parts if part)

    @property
    def area_name(self):
        return self.area.name if self.area else "Whole partnership"

    @property
    def last_year_text(self):
        """Last year's figure as typed in the form ("1510", "N/K"), or "" when there was none."""
        if self.last_year is None:
            return ""
        return self.last_year.as_typed


@dataclass
class SheetRow:
    metric: Metric
    cells: list


@dataclass
class SheetSection:
    title: str
    rows: list


@dataclass
class ReturnSheet:
    """The return form's page model, built once per request by `return_sheet`.

    Besides what the page shows it keeps what the selector read (metrics, areas, this year's
    stored figures with the wholes that parts are checked against, last year's), so the view
    validates the shown figures with `services.check_cells(..., stored=, last_year=)` and
    `attach`es the result without reading anything again.
    """

    ret: Return
    areas: list
    sections: list
    has_per_area: bool
    metrics: list = field(default_factory=list)
    stored: dict = field(default_factory=dict)
    last_year: dict = field(default_factory=dict)

    @property
    def area_ids(self):
        return sorted(a.pk for a in self.areas)

    @property
    def cells(self):
        return [cell for section in self.sections for row in section.rows for cell in row.cells]

    @property
    def inputs(self):
        return {cell.key: cell.input for cell in self.cells}

    @property
    def error_count(self):
        return sum(1 for cell in self.cells if cell.errors)

    @property
    def warning_count(self):
        return sum(1 for cell in self.cells if cell.warnings)

    def attach(self, checks):
        """Show each check's errors and warnings at its box."""
        for cell in self.cells:
            check = checks.get(cell.key)
            if check is not None:
                cell.errors, cell.warnings = check.errors, check.warnings


def return_sheet(ret: Return, *, cells=None, checks=None) -> ReturnSheet:
    """The return as the form shows it: sections of metrics, one cell per area, last year beside it.

    `cells`/`checks` carry what the user typed and its problems after a refused save, so
    nothing typed is lost; otherwise the stored figures are shown. Four queries.
    """
    metrics = return_metrics(ret, with_framework=True)
    areas = list(ret.areas.order_by("name"))
    area_ids = [a.pk for a in areas]
    metric_ids = {m.pk for m in metrics} | {m.part_of_id for m in metrics if m.part_of_id}
    stored = stored_cell_values(ret.partnership, metric_ids, ret.round.year, related=False)
    if cells is None:
        cells = stored_cells(ret, metrics, area_ids, stored)
    last_year = stored_cell_values(ret.partnership, [m.pk for m in metrics], ret.round.year.previous(), related=False)
    area_by_id = {a.pk: a for a in areas}
    sections, by_title = [], {}
    for metric in metrics:
        title = _section_title(metric)
        if title not in by_title:
            by_title[title] = SheetSection(title, [])
            sections.append(by_title[title])
        keys = (
            [cell_key(metric.pk, area_id) for area_id in area_ids]
            if metric.is_per_area
            else [cell_key(metric.pk, None)]
        )
        row_cells = []
        for key in keys:
            check = checks.get(key) if checks else None
            row_cells.append(
                SheetCell(
                    key=key,
                    area=area_by_id.get(key[1]),
                    input=cells.get(key, CellInput()),
                    last_year=last_year.get(key),
                    errors=check.errors if check else [],
                    warnings=check.warnings if check else [],
                    value=stored.get(key),
                    metric_label=metric.name,
                )
            )
        by_title[title].rows.append(SheetRow(metric, row_cells))
    return ReturnSheet(
        ret,
        areas,
        sections,
        any(m.is_per_area for m in metrics),
        metrics=metrics,
        stored=stored,
        last_year=last_year,
    )


def _section_title(metric):
    """Framework path above the metric ("1 Aim › 1.1 Objective"), else its catalogue group."""
    item = metric.framework_item
    if item is None:
        return metric.get_group_display()
    if item.kind == "indicator":
        item = item.parent
    path = []
    while item is not None:
        path.insert(0, f"{item.code} {item.title}")
        item = item.parent
    return " › ".join(path) or metric.get_group_display()


EVENTS_PER_PAGE = 100


def _events_page(events, number):
    """One page of events, oldest first: two queries (the count and the page) however long the history."""
    return Paginator(events.select_related("actor").order_by("at", "id"), EVENTS_PER_PAGE).get_page(number)


def return_events(ret, *, page=1):
    """A page of the return's own events and those of its figures (kept when a figure is cleared)."""
    return _events_page(audit.about_or_within(ret), page)


def value_history(value, *, page=1):
    return _events_page(audit.about(value), page)


def statement_of(value: MetricValue, *, threshold=None) -> "Figure":
    """One stored figure as a report would state it (no previous year, no comparators). No query beyond
    the value's own metric and publisher, which callers select with it."""
    return Figure.of(value, metric=value.metric, area=value.area, year=value.year, threshold=threshold)


# --- Approved figures, as reports and the explorer use them ------------------------------


@dataclass(frozen=True)
class Figure:
    """One approved figure as a report states it. `year` is the reporting year it is reported in."""

    metric: Metric
    area: Area | None
    year: ReportingYear
    value: Decimal | None
    not_known: bool
    note: str
    qualifier: str
    rank_out_of: int | None
    previous: "Figure | None" = None
    comparators: dict = field(default_factory=dict)  # geography code -> Decimal
    decimals: int | None = None  # as published; None: the metric's
    period: Period | None = None  # what it covers; None: the reporting year
    commentary: str = ""
    rank: int | None = None  # a rate's rank, its companion
    rank_scope: str = ""
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    published_by: object = None  # a predecessor board, or None for the partnership itself
    derived: bool = False  # a percentage worked out from its two count metrics
    threshold: int = SMALL_NUMBER_LIMIT  # the partnership's small-number policy
    released: bool = False  # an approver released this one figure for publication

    @classmethod
    def of(
        cls, stored: MetricValue, *, metric, area, year, previous=None, comparators=None, counts=None, threshold=None
    ):
        """From a stored value; metric and area are passed in so no related row is fetched.

        `counts` are the (numerator, denominator) count values when the metric is worked out from two.
        """
        numerator, denominator = stored.numerator, stored.denominator
        if numerator is None and counts is not None:
            numerator, denominator = counts
        return cls(
            metric=metric,
            area=area,
            year=year,
            value=stored.value,
            not_known=stored.is_not_known,
            note=stored.note,
            qualifier=stored.qualifier,
            rank_out_of=stored.rank_out_of,
            previous=previous,
            comparators=comparators or {},
            decimals=stored.decimals,
            period=stored.period,
            commentary=stored.commentary,
            rank=stored.rank,
            rank_scope=stored.rank_scope,
            numerator=numerator,
            denominator=denominator,
            published_by=stored.published_by if stored.published_by_id else None,
            threshold=threshold or SMALL_NUMBER_LIMIT,
            released=stored.is_released,
        )

    @classmethod
    def from_counts(cls, *, metric, area, year, counts, previous=None, comparators=None, threshold=None):
        """A percentage nobody entered, worked out from its two approved counts; None when it cannot be."""
        numerator, denominator = counts
        if numerator is None or not denominator:
            return None
        value = quantize(numerator / denominator * 100, metric.decimals)
        return cls(
            metric=metric,
            area=area,
            year=year,
            value=value,
            not_known=False,
            note="",
            qualifier="",
            rank_out_of=None,
            previous=previous,
            comparators=comparators or {},
            numerator=numerator,
            denominator=denominator,
            derived=True,
            threshold=threshold or SMALL_NUMBER_LIMIT,
        )

    @property
    def shown_decimals(self):
        return shown_decimals(self.decimals, self.metric.decimals)

    @property
    def covers(self) -> Period:
        return self.period or Period.of("", year=self.year)

    @property
    def period_label(self):
        return self.covers.label

    @property
    def is_partial(self):
        return self.covers.is_partial

    def formatted(self, *, public=False):
        m = self.metric
        return format_value(
            self.value,
            unit=m.unit,
            decimals=self.shown_decimals,
            not_known=self.not_known,
            rank_out_of=self.rank_out_of,
            rank_scope=self.rank_scope,
            suppress_small=m.suppress_small,
            public=public,
            threshold=self.threshold,
            released=self.released,
        )

    def suppressed(self, *, public):
        return is_suppressed(
            self.value,
            suppress_small=self.metric.suppress_small,
            public=public,
            threshold=self.threshold,
            released=self.released,
        )

    @property
    def suppressed_text(self):
        return suppressed_text(self.threshold)

    @property
    def suppressed_in_public(self):
        return self.suppressed(public=True)

    @property
    def formatted_public(self):
        return self.formatted(public=True)

    def change_for(self, *, public):
        """The change on the year before as text, or "" when either year is suppressed (it would tell the number)."""
        if self.suppressed(public=public) or (self.previous is not None and self.previous.suppressed(public=public)):
            return ""
        return self.change_text

    @property
    def rank_text(self):
        """A rate's rank beside it: "3rd", "12 of 12 in the region"; "" without one."""
        return format_rank(self.rank, self.rank_out_of, self.rank_scope) if self.metric.unit != "rank" else ""

    @property
    def share_text(self):
        """A percentage's numerator and denominator: "56 of 332 children"."""
        return format_share(self.numerator, self.denominator, self.metric.denominator_noun)

    @property
    def comparable_previous(self):
        """The previous figure, when it covers a comparable period (never Q2–Q4 against a whole year)."""
        previous = self.previous
        if previous is None or not comparable(self.covers, previous.covers):
            return None
        return previous

    @property
    def change(self):
        previous = self.comparable_previous
        return change(self.value, previous.value if previous else None)

    @property
    def change_description(self) -> Change | None:
        previous = self.comparable_previous
        m = self.metric
        return describe_change(
            self.value,
            previous.value if previous else None,
            unit=m.unit,
            decimals=max(self.shown_decimals, previous.shown_decimals if previous else 0),
            polarity=m.polarity,
            relative=m.relative_change,
        )

    @property
    def change_text(self):
        described = self.change_description
        return described.text if described else ""

    @property
    def rank_change(self) -> Change | None:
        """A rate's rank on the previous period: "Up 2 places" (1st is best)."""
        previous = self.comparable_previous
        if self.rank is None or previous is None or previous.rank is None:
            return None
        return describe_change(Decimal(self.rank), Decimal(previous.rank), unit="rank", polarity="lower_is_better")

    @property
    def direction(self):
        described = self.change_description
        return described.direction if described else ""

    @property
    def england(self):
        return self.comparators.get(ComparatorKind.ENGLAND.value)


class FigureSet:
    """Every approved figure a report or page needs, looked up without further queries."""

    def __init__(self, metrics, areas, values, comparators, threshold=SMALL_NUMBER_LIMIT):
        self.threshold = threshold  # the partnership's small-number policy
        self.metrics = {m.code: m for m in metrics}
        self.metrics_by_id = {m.pk: m for m in metrics}
        self.areas = {a.ons_code: a for a in areas}
        self.areas_by_id = {a.pk: a for a in areas}
        self._values = values  # (metric_id, area_id|0, year_start) -> MetricValue
        self._comparators = comparators  # (metric_id, year_start) -> {geography: value}

    def _figure(self, metric, area, year, with_previous=True):
        place = area.pk if area else 0
        stored = self._values.get((metric.pk, place, year.start))
        counts = _counts(metric, lambda metric_id: self._values.get((metric_id, place, year.start)))
        if stored is None and counts is None:
            return None
        previous = self._figure(metric, area, year.previous(), with_previous=False) if with_previous else None
        context = dict(
            metric=metric,
            area=area,
            year=year,
            previous=previous,
            comparators=self._comparators.get((metric.pk, year.start), {}),
            threshold=self.threshold,
        )
        if stored is None:
            return Figure.from_counts(counts=counts, **context)
        return Figure.of(stored, counts=counts, **context)

    def get(self, metric_code, area_code, year):
        metric = self.metrics.get(metric_code)
        if metric is None:
            return None
        area = self.areas.get(area_code) if area_code else None
        if area_code and area is None:
            return None
        return self._figure(metric, area, ReportingYear.parse(year))

    def get_by_id(self, metric_id, area_id, year):
        """The approved figure by metric and area identity (reports store ids, never codes)."""
        metric = self.metrics_by_id.get(metric_id)
        if metric is None:
            return None
        area = self.areas_by_id.get(area_id) if area_id else None
        if area_id and area is None:
            return None
        return self._figure(metric, area, ReportingYear.parse(year))

    def series(self, metric_id, years, area_ids=None) -> "MetricSeries | None":
        """One metric over the given years from the figures already read (no query).

        `area_ids` None means every area for a per-area metric; comparators come along.
        """
        metric = self.metrics_by_id.get(metric_id)
        if metric is None:
            return None
        years = sorted(ReportingYear.parse(y) for y in years)
        if metric.is_per_area:
            areas = sorted(self.areas_by_id.values(), key=lambda a: a.name)
            if area_ids is not None:
                areas = [a for a in areas if a.pk in set(area_ids)]
        else:
            areas = [None]
        by_area = [(area, [SeriesPoint(y, self._figure(metric, area, y)) for y in years]) for area in areas]
        comparators = defaultdict(lambda: [None] * len(years))
        for index, year in enumerate(years):
            for geography, value in self._comparators.get((metric.pk, year.start), {}).items():
                comparators[geography][index] = value
        return MetricSeries(metric, years, by_area, dict(comparators))

    def comparator(self, metric_code, geography, year):
        metric = self.metrics.get(metric_code)
        if metric is None:
            return None
        return self._comparators.get((metric.pk, ReportingYear.parse(year).start), {}).get(geography)


def approved_figures(partnership, years, metric_codes=None, metric_ids=None) -> FigureSet:
    """Approved values for the given years and the year before each, with comparators.

    Four queries whatever the number of metrics, areas or years, labels included (a test pins it).
    Narrow by `metric_codes` or by `metric_ids` (reports refer to metrics by identity).
    """
    wanted = {ReportingYear.parse(y) for y in years}
    wanted |= {y.previous() for y in wanted}
    year_strings = sorted(str(y) for y in wanted)
    metrics = Metric.objects.filter(partnership=partnership).select_related("part_of", "agency", "framework_item")
    if metric_codes is not None:
        codes = list(metric_codes)
        # A percentage worked out from two counts brings its counts along (same query).
        metrics = metrics.filter(
            Q(code__in=codes) | Q(as_numerator__code__in=codes) | Q(as_denominator__code__in=codes)
        ).distinct()
    if metric_ids is not None:
        ids = list(metric_ids)
        metrics = metrics.filter(Q(pk__in=ids) | Q(as_numerator__pk__in=ids) | Q(as_denominator__pk__in=ids)).distinct()
    metrics = list(metrics)
    areas = list(Area.objects.filter(partnership=partnership))
    metric_pks = [m.pk for m in metrics]
    values = {
        (v.metric_id, v.area_id or 0, v.year.start): v
        for v in MetricValue.objects.filter(
            partnership=partnership,
            year__in=year_strings,
            metric__in=metric_pks,
            approved_at__isnull=False,
        )
        .select_related("published_by")
        .order_by()  # read into a dict: the default order would join metrics and areas for nothing
    }
    comparators = defaultdict(dict)
    for metric_id, year, geography, value in Comparator.objects.filter(
        partnership=partnership, year__in=year_strings, metric__in=metric_pks
    ).values_list("metric_id", "year", "geography", "value"):
        comparators[(metric_id, year.start)][geography] = value
    return FigureSet(metrics, areas, values, dict(comparators), partnership.small_number_threshold)


@dataclass
class SeriesPoint:
    year: ReportingYear
    figure: Figure | None


@dataclass
class MetricSeries:
    metric: Metric
    years: list
    by_area: list  # [(area or None, [SeriesPoint])]
    comparators: dict  # geography -> [value or None per year]
    comparator_qualifiers: dict = field(default_factory=dict)  # geography -> [qualifier or "" per year]
    partnership: object = None  # whose series it is (names the change of publisher)

    @property
    def first_own_year(self):
        """The first reporting year of the partnership itself, when the series also holds a predecessor's figures."""
        partnership = self.partnership
        if not self.publishers or partnership is None or partnership.started_on is None:
            return None
        year = ReportingYear.containing(partnership.started_on)
        return year if self.years and self.years[0] < year <= self.years[-1] else None

    @property
    def publishers(self):
        """The predecessor boards whose figures the series holds, in order of appearance."""
        seen = {}
        for _, points in self.by_area:
            for point in points:
                if point.figure is not None and point.figure.published_by is not None:
                    seen.setdefault(point.figure.published_by.pk, point.figure.published_by)
        return list(seen.values())


# A metric's approved figures and those of the two counts a percentage may be worked out from
# (the metric itself again when it has none). Building this query's SQL cost twice running it.
_approved_values = PreparedQuery(
    lambda partnership_id, metric_id, numerator_id, denominator_id: (
        MetricValue.objects.filter(
            partnership_id=partnership_id,
            metric_id__in=[metric_id, numerator_id, denominator_id],
            approved_at__isnull=False,
        )
        .select_related("published_by")
        .order_by("year")
    ),
    partnership_id=NO_ID,
    metric_id=NO_ID - 1,
    numerator_id=NO_ID - 2,
    denominator_id=NO_ID - 3,
)


def metric_series(partnership, metric, *, first_year=None, last_year=None, areas=None) -> MetricSeries:
    """One metric across years and areas (approved values only), gaps kept as None.

    Points a predecessor board published carry it (`figure.published_by`); a percentage worked out
    from two counts is filled in from them. Two queries, and a third for a metric with areas unless
    the caller passes the partnership's `areas` (in name order) it has already read.
    """
    values = _approved_values(  # each point gets its area from `areas`, not from a join
        partnership_id=partnership.pk,
        metric_id=metric.pk,
        numerator_id=metric.numerator_metric_id or metric.pk,
        denominator_id=metric.denominator_metric_id or metric.pk,
    )
    # not the model's ordering, which joins the metric for its position
    comparator_rows = list(
        Comparator.objects.filter(partnership=partnership, metric=metric).order_by("geography", "year")
    )
    known_years = [v.year for v in values] + [c.year for c in comparator_rows]
    if not known_years and (first_year is None or last_year is None):
        return MetricSeries(metric, [], [], {})
    first = first_year or min(known_years)
    last = last_year or max(known_years)
    years = year_range(first, last)
    if not metric.is_per_area:
        areas = [None]
    elif areas is None:
        areas = list(Area.objects.filter(partnership=partnership).order_by("name"))
    value_map = {(v.metric_id, v.area_id or 0, v.year.start): v for v in values}
    by_area = []
    for area in areas:
        place = area.pk if area else 0
        points = []
        previous = None
        for year in years:
            stored = value_map.get((metric.pk, place, year.start))
            counts = _counts(metric, lambda metric_id, p=place, y=year: value_map.get((metric_id, p, y.start)))
            context = dict(
                metric=metric, area=area, year=year, previous=previous, threshold=partnership.small_number_threshold
            )
            if stored is not None:
                figure = Figure.of(stored, counts=counts, **context)
            else:
                figure = Figure.from_counts(counts=counts, **context) if counts else None
            points.append(SeriesPoint(year, figure))
            previous = figure
        by_area.append((area, points))
    comparators = defaultdict(lambda: [None] * len(years))
    qualifiers = defaultdict(lambda: [""] * len(years))
    index = {y.start: i for i, y in enumerate(years)}
    for c in comparator_rows:
        if c.year.start in index:
            comparators[c.geography][index[c.year.start]] = c.value
            qualifiers[c.geography][index[c.year.start]] = c.qualifier
    return MetricSeries(metric, years, by_area, dict(comparators), dict(qualifiers), partnership)


def _counts(metric, lookup):
    """(numerator, denominator) from a percentage's two count metrics, or None when either is missing."""
    if not (metric.numerator_metric_id and metric.denominator_metric_id):
        return None
    top, bottom = lookup(metric.numerator_metric_id), lookup(metric.denominator_metric_id)
    if top is None or bottom is None or top.value is None or bottom.value is None:
        return None
    return top.value, bottom.value


def values_for_export(partnership, *, years=None, area_codes=None, metric_codes=None, approved_only=False):
    values = MetricValue.objects.filter(partnership=partnership).select_related(
        "metric", "area", "partnership", "published_by"
    )
    if years:
        values = values.filter(year__in=[str(y) for y in years])
    if metric_codes:
        values = values.filter(metric__code__in=metric_codes)
    if area_codes:
        values = values.filter(area__ons_code__in=area_codes)
    if approved_only:
        values = values.filter(approved_at__isnull=False)
    comparators = Comparator.objects.filter(partnership=partnership).select_related("metric")
    if years:
        comparators = comparators.filter(year__in=[str(y) for y in years])
    if metric_codes:
        comparators = comparators.filter(metric__code__in=metric_codes)
    if area_codes:
        comparators = comparators.filter(geography__in=area_codes)
    return list(values.order_by("metric__position", "metric__code", "area__name", "year")), list(
        comparators.order_by("metric__position", "metric__code", "geography", "year")
    )


# --- Round completeness, the explorer's tables and the comparator list ------------------


def round_completeness(collection) -> tuple[RoundProgress, list]:
    """A round's returns (agency, who submitted and approved, when) and its count per status.

    One query: the returns with their agency, people and partnership (metrics progress.return_progress counts).
    """
    returns = list(
        Return.objects.filter(partnership=collection.partnership, round=collection)
        .select_related("partnership", "agency", "submitted_by", "approved_by")
        .order_by("agency__name")
    )
    for ret in returns:
        ret.round = collection  # the badge asks whether the round is upcoming: no query per return
    counted = Counter(ret.status for ret in returns)
    return RoundProgress(collection, {s: counted.get(s.value, 0) for s in ReturnStatus}), returns


@dataclass(frozen=True)
class SeriesRow:
    """One year of one area in the explorer's table, every cell already spelt out."""

    year: ReportingYear
    figure: Figure | None
    value: str  # "1,234", "12 of 152", "N/K", or "–" for a year with no approved figure
    change: str  # "Up 2.1 points", "Down 100 (−10.0%)", "Up 5 places"; "–" with no comparable figure before
    direction: str  # better / worse / same / up / down, or ""
    movement: str  # which way the number moved (up / down / same), for the arrow; or ""
    comparators: list  # formatted comparator values, in SeriesTable.geographies order
    notes: list
    period: str = ""  # what the figure covers: "2024-25, Q2–Q4 only"
    partial: bool = False
    rank: str = ""  # a rate's rank: "3rd of 12 in the region"
    rank_change: str = ""  # "Up 2 places"
    share: str = ""  # a percentage's numerator and denominator: "56 of 332 children"
    commentary: str = ""
    publisher: str = ""  # the predecessor board that published it, or "" for the partnership
    not_comparable: bool = False  # a figure before it, but for a period that cannot be compared
    succession: bool = False  # the first figure by a different publisher than the figure before it

    @property
    def change_word(self):
        """The one direction word ("Up", "Down", "No change") from formatting.DIRECTION_WORDS."""
        return DIRECTION_WORDS.get(self.movement, "")


@dataclass(frozen=True)
class SeriesTable:
    area: Area | None
    geographies: list  # [(ONS code, name)], England first
    rows: list

    @cached_property  # the template asks in every row
    def has(self):
        """Which optional columns any row fills (so a table prints only the columns it needs)."""
        return {name: any(getattr(row, name) for row in self.rows) for name in ("rank", "share", "commentary")}

    @property
    def column_count(self):
        return 5 + len(self.geographies) + sum(self.has.values())


def series_tables(series: MetricSeries, *, public=False) -> list[SeriesTable]:
    """The explorer's table per area: value, change on the previous year, comparators. No queries.

    `public`: as people outside the business unit see it (small numbers suppressed)."""
    metric = series.metric
    codes = sorted(
        (code for code, values in series.comparators.items() if any(v is not None for v in values)),
        key=geography_sort_key,
    )
    labels = dict(ComparatorKind.choices)
    geographies = [(code, labels.get(code, code)) for code in codes]

    def comparator_text(code, i):
        qualifier = series.comparator_qualifiers.get(code, [""] * (i + 1))[i]
        value = series.comparators[code][i]
        return format_comparator(value, unit=metric.unit, decimals=metric.decimals, qualifier=qualifier)

    tables = []
    for area, points in series.by_area:
        rows = []
        first_own = series.first_own_year
        last_publisher = None  # None: no figure yet; "" the partnership itself
        for i, point in enumerate(points):
            figure = point.figure
            publisher = figure.published_by.name if figure and figure.published_by else ""
            if first_own is not None:  # the change of publisher sits where the partnership began
                succession = point.year == first_own
            else:
                succession = figure is not None and last_publisher is not None and publisher != last_publisher
            last_publisher = publisher if figure is not None else last_publisher
            shows_change = figure is not None and bool(figure.change_for(public=public))
            described = figure.change_description if shows_change else None
            rank_change = figure.rank_change if shows_change else None
            notes = [text for text in (figure.note, figure.qualifier) if text] if figure else []
            if figure is not None and figure.derived:
                notes.append(f"Worked out from {figure.share_text or 'its two counts'}.")
            rows.append(
                SeriesRow(
                    year=point.year,
                    figure=figure,
                    value=figure.formatted(public=public) if figure else "–",
                    change=described.text if described else "–",
                    direction=described.direction if described else "",
                    movement=described.movement if described else "",
                    comparators=[comparator_text(code, i) for code, _ in geographies],
                    notes=notes,
                    period=figure.period_label if figure else "",
                    partial=figure.is_partial if figure else False,
                    rank=figure.rank_text if figure else "",
                    rank_change=rank_change.text if rank_change else "",
                    share=figure.share_text if figure else "",
                    commentary=figure.commentary if figure else "",
                    publisher=publisher,
                    succession=succession,
                    not_comparable=bool(figure and figure.previous and figure.comparable_previous is None),
                )
            )
        tables.append(SeriesTable(area, geographies, rows))
    return tables


def comparator_list(partnership, *, metric=None) -> list[tuple[Metric, list]]:
    """Comparators grouped by metric, newest year first: [(metric, [(comparator, "21.5%")])]. One query."""
    rows = Comparator.objects.filter(partnership=partnership).select_related("metric", "metric__framework_item")
    if metric is not None:
        rows = rows.filter(metric=metric)
    grouped = {}
    for comparator in rows.order_by("metric__position", "metric__code", "-year", "geography"):
        m = comparator.metric
        text = format_value(comparator.value, unit=m.unit, decimals=m.decimals)
        grouped.setdefault(m.pk, (m, []))[1].append((comparator, text))
    for _, group in grouped.values():
        group.sort(key=lambda pair: (-pair[0].year.start, geography_sort_key(pair[0].geography)))
    return list(grouped.values())


# --- Import and export (metrics/tabular.py, metrics/exchange_views.py) -------------------


def stored_values(partnership, *, metric_ids, years) -> dict:
    """Stored figures (approved or not) keyed (metric_id, area_id or 0, year start). One query."""
    return {
        (v.metric_id, v.area_id or 0, v.year.start): v
        for v in MetricValue.objects.filter(
            partnership=partnership, metric_id__in=list(metric_ids), year__in=sorted(str(y) for y in years)
        ).order_by()
    }


@dataclass
class ExportOptions:
    years: list  # ReportingYear, newest first
    areas: list  # Area, by name
    geographies: list  # ComparatorKind that have comparators
    metrics: list  # Metric, catalogue order


def export_options(partnership) -> ExportOptions:
    """What an export can be sliced by: years with figures, areas, comparator geographies, metrics.

    Four queries. The first two without the models' default order: it joins the metric for its
    position, and a DISTINCT over it returned a row per figure, not per year.
    """
    years = set(
        MetricValue.objects.filter(partnership=partnership).order_by().values_list("year", flat=True).distinct()
    )
    geographies = set()
    for year, geography in (
        Comparator.objects.filter(partnership=partnership).order_by().values_list("year", "geography").distinct()
    ):
        years.add(year)
        geographies.add(geography)
    return ExportOptions(
        years=sorted(years, reverse=True),
        areas=areas_of(partnership),
        geographies=[kind for kind in ComparatorKind if kind.value in geographies],
        metrics=metric_picker(partnership),
    )


@dataclass
class PlannedReturn:
    agency: object
    metrics: list
    areas: list  # the areas its per-area metrics are asked for
    for_own_area: bool = False  # a council asked for its own area: its return covers exactly these

    @property
    def figure_count(self):
        return sum(len(self.areas) if m.is_per_area else 1 for m in self.metrics)


@dataclass
class CollectionPlan:
    """Who a round asks for what, before anything is created (the open-round preview).

    The rule: a metric goes to the agency the catalogue names as its supplier, for every area;
    a per-area metric that names none goes to each area's own council, for that area. Area
    profile figures (population and the like) come from published statistics and whole-partnership
    figures with no supplier are the business unit's own: neither is asked of an agency.
    """

    returns: list  # PlannedReturn, by agency name
    published: list  # profile metrics: the business unit imports them
    business_unit: list  # whole-partnership metrics naming no supplier: the business unit enters them
    without_council: dict  # area -> [metric]: no supplier until the area's council is chosen

    @property
    def refused(self):
        return bool(self.without_council)

    def assignments(self):
        """For services.open_round: a council's exact (metrics, areas); a named supplier's metrics,
        added to its return for every area (so extending a round never moves a figure silently)."""
        return {
            planned.agency: (planned.metrics, planned.areas) if planned.for_own_area else planned.metrics
            for planned in self.returns
        }


def collection_plan(partnership, year, areas, councils=None) -> CollectionPlan:
    """The plan for `year` over `areas`; `councils` ({area pk: agency}) overrides areas' own. Two queries."""
    councils = councils or {}
    # A percentage worked out from two counts is never asked for: its counts are.
    metrics = [m for m in catalogue(partnership) if m.is_collected_in(year) and not m.is_worked_out]
    areas = sorted(areas, key=lambda area: area.name)
    council_of = {area.pk: councils.get(area.pk) or area.council for area in areas}
    wanted = {}  # agency -> (metrics, area pks)
    councils_asked = set()
    published, business_unit, without_council = [], [], {}

    def ask(agency, metric, area_ids):
        asked_metrics, asked_areas = wanted.setdefault(agency, ([], set()))
        if metric not in asked_metrics:
            asked_metrics.append(metric)
        asked_areas.update(area_ids)

    for metric in sorted(metrics, key=lambda m: (m.position, m.code)):
        if metric.agency is not None:
            ask(metric.agency, metric, [area.pk for area in areas] if metric.is_per_area else [])
        elif metric.group == "profile":
            published.append(metric)
        elif not metric.is_per_area:
            business_unit.append(metric)
        else:
            for area in areas:
                council = council_of[area.pk]
                if council is None:
                    without_council.setdefault(area, []).append(metric)
                else:
                    ask(council, metric, [area.pk])
                    councils_asked.add(council)
    by_pk = {area.pk: area for area in areas}
    returns = [
        PlannedReturn(
            agency,
            asked_metrics,
            [by_pk[pk] for pk in sorted(asked_areas, key=lambda pk: by_pk[pk].name)] or areas,
            for_own_area=agency in councils_asked,
        )
        for agency, (asked_metrics, asked_areas) in sorted(wanted.items(), key=lambda item: item[0].name)
    ]
    return CollectionPlan(returns, published, business_unit, without_council)
