"""Reads for figures: plain data for pages, exports and (later) report rendering.

Each function runs a fixed number of queries, whatever the number of metrics,
areas or years; tests pin the counts.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Paginator

from partners import audit
from partners.models import Area
from partners.years import ReportingYear, year_range

from .cells import CellInput, cell_key, stored_cells
from .cells import stored_values as stored_cell_values
from .formatting import change, direction, format_change, format_value
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


def catalogue(partnership):
    return list(Metric.objects.filter(partnership=partnership).select_related("agency", "part_of", "framework_item"))


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
    metrics = list(ret.metrics.select_related("framework_item__parent__parent", "part_of").order_by("position", "code"))
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


# --- Approved figures, as reports and the explorer use them ------------------------------


@dataclass(frozen=True)
class Figure:
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

    @classmethod
    def of(cls, stored: MetricValue, *, metric, area, year, previous=None, comparators=None):
        """From a stored value; metric and area are passed in so no related row is fetched."""
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
        )

    def formatted(self, *, public=False):
        m = self.metric
        return format_value(
            self.value,
            unit=m.unit,
            decimals=m.decimals,
            not_known=self.not_known,
            rank_out_of=self.rank_out_of,
            suppress_small=m.suppress_small,
            public=public,
        )

    @property
    def change(self):
        return change(self.value, self.previous.value if self.previous else None)

    @property
    def change_text(self):
        return format_change(self.value, self.previous.value if self.previous else None, self.metric.decimals)

    @property
    def direction(self):
        return direction(self.value, self.previous.value if self.previous else None, self.metric.polarity)

    @property
    def england(self):
        return self.comparators.get(ComparatorKind.ENGLAND.value)


class FigureSet:
    """Every approved figure a report or page needs, looked up without further queries."""

    def __init__(self, metrics, areas, values, comparators):
        self.metrics = {m.code: m for m in metrics}
        self.metrics_by_id = {m.pk: m for m in metrics}
        self.areas = {a.ons_code: a for a in areas}
        self.areas_by_id = {a.pk: a for a in areas}
        self._values = values  # (metric_id, area_id|0, year_start) -> MetricValue
        self._comparators = comparators  # (metric_id, year_start) -> {geography: value}

    def _figure(self, metric, area, year, with_previous=True):
        stored = self._values.get((metric.pk, area.pk if area else 0, year.start))
        if stored is None:
            return None
        previous = self._figure(metric, area, year.previous(), with_previous=False) if with_previous else None
        return Figure.of(
            stored,
            metric=metric,
            area=area,
            year=year,
            previous=previous,
            comparators=self._comparators.get((metric.pk, year.start), {}),
        )

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

    Four queries whatever the number of metrics, areas or years. Narrow by `metric_codes`
    or by `metric_ids` (reports refer to metrics by identity).
    """
    wanted = {ReportingYear.parse(y) for y in years}
    wanted |= {y.previous() for y in wanted}
    year_strings = sorted(str(y) for y in wanted)
    metrics = Metric.objects.filter(partnership=partnership).select_related("part_of", "agency")
    if metric_codes is not None:
        metrics = metrics.filter(code__in=list(metric_codes))
    if metric_ids is not None:
        metrics = metrics.filter(pk__in=list(metric_ids))
    metrics = list(metrics)
    areas = list(Area.objects.filter(partnership=partnership))
    values = {
        (v.metric_id, v.area_id or 0, v.year.start): v
        for v in MetricValue.objects.filter(
            partnership=partnership,
            year__in=year_strings,
            metric__in=[m.pk for m in metrics],
            approved_at__isnull=False,
        )
    }
    comparators = defaultdict(dict)
    for c in Comparator.objects.filter(
        partnership=partnership, year__in=year_strings, metric__in=[m.pk for m in metrics]
    ):
        comparators[(c.metric_id, c.year.start)][c.geography] = c.value
    return FigureSet(metrics, areas, values, dict(comparators))


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


def metric_series(partnership, metric, *, first_year=None, last_year=None) -> MetricSeries:
    """One metric across years and areas (approved values only), gaps kept as None."""
    values = list(
        MetricValue.objects.filter(partnership=partnership, metric=metric, approved_at__isnull=False)
        .select_related("area")
        .order_by("year")
    )
    comparator_rows = list(Comparator.objects.filter(partnership=partnership, metric=metric))
    known_years = [v.year for v in values] + [c.year for c in comparator_rows]
    if not known_years and (first_year is None or last_year is None):
        return MetricSeries(metric, [], [], {})
    first = first_year or min(known_years)
    last = last_year or max(known_years)
    years = year_range(first, last)
    areas = list(Area.objects.filter(partnership=partnership).order_by("name")) if metric.is_per_area else [None]
    value_map = {(v.area_id or 0, v.year.start): v for v in values}
    by_area = []
    for area in areas:
        points = []
        previous = None
        for year in years:
            stored = value_map.get((area.pk if area else 0, year.start))
            figure = None
            if stored is not None:
                figure = Figure.of(stored, metric=metric, area=area, year=year, previous=previous)
            points.append(SeriesPoint(year, figure))
            previous = figure
        by_area.append((area, points))
    comparators = defaultdict(lambda: [None] * len(years))
    index = {y.start: i for i, y in enumerate(years)}
    for c in comparator_rows:
        if c.year.start in index:
            comparators[c.geography][index[c.year.start]] = c.value
    return MetricSeries(metric, years, by_area, dict(comparators))


def values_for_export(partnership, *, years=None, area_codes=None, metric_codes=None, approved_only=False):
    values = MetricValue.objects.filter(partnership=partnership).select_related("metric", "area")
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

    Two queries: the returns with their agency, people and partnership, and their metrics.
    """
    returns = list(
        Return.objects.filter(partnership=collection.partnership, round=collection)
        .select_related("partnership", "agency", "submitted_by", "approved_by")
        .prefetch_related("metrics")
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
    change: str  # "+12 (+5.0%)", or "–" when this year or the year before has no figure
    direction: str  # better / worse / same / up / down, or ""
    movement: str  # which way the number moved (up / down / same), for the arrow; or ""
    comparators: list  # formatted comparator values, in SeriesTable.geographies order
    notes: list


@dataclass(frozen=True)
class SeriesTable:
    area: Area | None
    geographies: list  # [(ONS code, name)], England first
    rows: list


def series_tables(series: MetricSeries) -> list[SeriesTable]:
    """The explorer's table per area: value, change on the previous year, comparators. No queries."""
    metric = series.metric
    codes = sorted(
        (code for code, values in series.comparators.items() if any(v is not None for v in values)),
        key=geography_sort_key,
    )
    labels = dict(ComparatorKind.choices)
    geographies = [(code, labels.get(code, code)) for code in codes]

    def comparator_text(value):
        return format_value(value, unit=metric.unit, decimals=metric.decimals)

    tables = []
    for area, points in series.by_area:
        rows = []
        for i, point in enumerate(points):
            figure = point.figure
            delta = figure.change if figure else None
            movement = ""
            if delta is not None:
                movement = "up" if delta[0] > 0 else ("down" if delta[0] < 0 else "same")
            rows.append(
                SeriesRow(
                    year=point.year,
                    figure=figure,
                    value=figure.formatted() if figure else "–",
                    change=(figure.change_text if figure else "") or "–",
                    direction=figure.direction if figure else "",
                    movement=movement,
                    comparators=[comparator_text(series.comparators[code][i]) for code, _ in geographies],
                    notes=[text for text in (figure.note, figure.qualifier) if text] if figure else [],
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
        )
    }


@dataclass
class ExportOptions:
    years: list  # ReportingYear, newest first
    areas: list  # Area, by name
    geographies: list  # ComparatorKind that have comparators
    metrics: list  # Metric, catalogue order


def export_options(partnership) -> ExportOptions:
    """What an export can be sliced by: years with figures, areas, comparator geographies, metrics.

    Four queries.
    """
    years = set(MetricValue.objects.filter(partnership=partnership).values_list("year", flat=True).distinct())
    geographies = set()
    for year, geography in Comparator.objects.filter(partnership=partnership).values_list("year", "geography"):
        years.add(year)
        geographies.add(geography)
    return ExportOptions(
        years=sorted(years, reverse=True),
        areas=list(Area.objects.filter(partnership=partnership).order_by("name")),
        geographies=[kind for kind in ComparatorKind if kind.value in geographies],
        metrics=list(Metric.objects.filter(partnership=partnership).select_related("framework_item")),
    )


@dataclass
class CollectionPlan:
    by_agency: dict  # agency -> [metric], from each metric's responsible agency; filter by year
    unassigned: list  # metrics without a responsible agency: not collected through returns


def collection_plan(partnership) -> CollectionPlan:
    by_agency, unassigned = {}, []
    for metric in catalogue(partnership):  # retired metrics too: a round may be for a past year
        if metric.agency is None:
            unassigned.append(metric)
        else:
            by_agency.setdefault(metric.agency, []).append(metric)
    return CollectionPlan(by_agency, unassigned)
