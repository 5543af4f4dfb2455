"""metrics/charts.py: Plotly specifications and text alternatives, built from plain data."""

import json
from decimal import Decimal

import plotly.graph_objects as go
from django_scopes import scope, scopes_disabled

from metrics import charts, selectors, services
from metrics.models import ComparatorKind, Level, Metric, Polarity, ReturnStatus, Unit
from metrics.selectors import Figure, MetricSeries, RoundProgress, SeriesPoint
from partners.models import Area
from partners.years import ReportingYear

ENGLAND = ComparatorKind.ENGLAND.value
NORTH_EAST = ComparatorKind.NORTH_EAST.value
HARTLEPOOL = Area(pk=1, name="Hartlepool", ons_code="E06000001")
STOCKTON = Area(pk=2, name="Stockton-on-Tees", ons_code="E06000004")


def metric(**kwargs):
    defaults = {"code": "referrals", "name": "Referrals", "unit": Unit.COUNT, "polarity": Polarity.NEUTRAL}
    return Metric(**{**defaults, **kwargs})


def series(m, first, values_by_area, comparators=None):
    """A MetricSeries from {area: [value, None (gap), "N/K", …]} starting in `first` (e.g. 2021)."""
    length = max(len(values) for values in values_by_area.values())
    years = [ReportingYear(first + i) for i in range(length)]
    by_area = []
    for area, values in values_by_area.items():
        points, previous = [], None
        for year, value in zip(years, values, strict=True):
            figure = None
            if value is not None:
                rank_out_of = None
                if isinstance(value, tuple):
                    value, rank_out_of = value
                figure = Figure(
                    metric=m,
                    area=area,
                    year=year,
                    value=None if value == "N/K" else Decimal(str(value)),
                    not_known=value == "N/K",
                    note="",
                    qualifier="",
                    rank_out_of=rank_out_of,
                    previous=previous,
                )
            points.append(SeriesPoint(year, figure))
            previous = figure
        by_area.append((area, points))
    comparators = {
        code: [None if v is None else Decimal(str(v)) for v in values] for code, values in (comparators or {}).items()
    }
    return MetricSeries(m, years, by_area, comparators)


def traces(spec):
    return {trace["name"]: trace for trace in spec["data"]}


# --- The trend chart -----------------------------------------------------------------------


def test_a_year_without_a_figure_is_none_so_the_line_breaks():
    spec = charts.metric_trend_figure(series(metric(), 2021, {HARTLEPOOL: [1234, None, 1400, 1500]}))
    line = traces(spec)["Hartlepool"]
    assert line["x"] == ["2021-22", "2022-23", "2023-24", "2024-25"]
    assert line["y"] == [1234.0, None, 1400.0, 1500.0]
    assert line["connectgaps"] is False


def test_a_not_known_figure_is_a_gap_in_the_line_that_says_nk_on_hover():
    spec = charts.metric_trend_figure(series(metric(), 2023, {HARTLEPOOL: [10, "N/K", 12]}))
    line = traces(spec)["Hartlepool"]
    assert line["y"] == [10.0, None, 12.0]
    assert line["text"] == ["10", "N/K", "12"]


def test_each_area_has_its_own_solid_line_and_marker_and_england_is_dashed():
    spec = charts.metric_trend_figure(
        series(
            metric(),
            2023,
            {HARTLEPOOL: [10, 12], STOCKTON: [20, 18]},
            {ENGLAND: [15, None], NORTH_EAST: [16, 17]},
        )
    )
    lines = traces(spec)
    assert list(lines) == ["Hartlepool", "Stockton-on-Tees", "England", "North East"]
    assert "dash" not in lines["Hartlepool"]["line"]
    assert lines["Hartlepool"]["marker"]["symbol"] != lines["Stockton-on-Tees"]["marker"]["symbol"]
    assert lines["Hartlepool"]["line"]["color"] != lines["Stockton-on-Tees"]["line"]["color"]
    assert lines["England"]["line"]["dash"] == "dash"
    assert lines["England"]["y"] == [15.0, None]
    assert lines["North East"]["line"]["dash"] not in {"solid", "dash"}


def test_the_y_axis_is_titled_with_the_unit():
    percentage = charts.metric_trend_figure(series(metric(unit=Unit.PERCENTAGE, decimals=1), 2024, {HARTLEPOOL: [21]}))
    rate = charts.metric_trend_figure(series(metric(unit=Unit.RATE_PER_10K), 2024, {HARTLEPOOL: [400]}))
    assert percentage["layout"]["yaxis"]["title"]["text"] == "Per cent (%)"
    assert percentage["layout"]["yaxis"]["ticksuffix"] == "%"
    assert rate["layout"]["yaxis"]["title"]["text"] == "Rate per 10,000 children"


def test_the_title_names_the_metric_the_years_and_england():
    spec = charts.metric_trend_figure(
        series(metric(), 2021, {HARTLEPOOL: [1, 2, 3, 4]}, {ENGLAND: [5, 6, 7, 8]}),
    )
    assert spec["layout"]["title"]["text"] == "Referrals, 2021-22 to 2024-25, compared with England"


def test_a_rank_axis_puts_first_place_at_the_top_and_hover_says_x_of_n():
    m = metric(unit=Unit.RANK, polarity=Polarity.LOWER_IS_BETTER)
    spec = charts.metric_trend_figure(series(m, 2023, {HARTLEPOOL: [(12, 152), (9, 152)]}))
    assert spec["layout"]["yaxis"]["autorange"] == "reversed"
    assert traces(spec)["Hartlepool"]["text"] == ["12 of 152", "9 of 152"]


def test_a_partnership_wide_metric_is_one_line_for_the_whole_partnership():
    spec = charts.metric_trend_figure(series(metric(level=Level.PARTNERSHIP), 2024, {None: [3, 4]}))
    assert list(traces(spec)) == ["Whole partnership"]


def test_the_figure_is_plain_json_and_the_same_every_time():
    def build():
        return charts.metric_trend_figure(series(metric(), 2021, {HARTLEPOOL: [1, None, 3]}, {ENGLAND: [2, 2, None]}))

    text = json.dumps(build(), sort_keys=True)  # no custom encoder: only JSON types inside
    assert text == json.dumps(build(), sort_keys=True)
    assert "Decimal" not in text


def test_the_specification_rebuilds_as_a_plotly_figure_for_static_output():
    spec = charts.metric_trend_figure(series(metric(), 2021, {HARTLEPOOL: [1, None, 3]}))
    rebuilt = go.Figure(spec)
    assert rebuilt.data[0].y == (1.0, None, 3.0)


def test_a_series_without_figures_says_so_on_the_chart():
    empty = MetricSeries(metric(), [], [], {})
    spec = charts.metric_trend_figure(empty)
    assert spec["layout"]["annotations"][0]["text"] == "No approved figures yet."
    assert charts.describe_series(empty) == "Referrals: no approved figures yet."


def test_a_series_read_from_the_database_has_none_for_its_gap_years(world):
    referrals = world.metrics["referrals"]
    rows = [
        services.ImportRow(
            line=i,
            metric=referrals,
            area_id=world.areas[0].pk,
            geography=None,
            year=ReportingYear(start),
            cell=services.CellInput(raw=raw),
        )
        for i, (start, raw) in enumerate([(2021, "100"), (2023, "120")])
    ]
    with scopes_disabled():
        services.import_figures(world.partnership, rows, by=world.editor)
    with scope(partnership=world.partnership):
        from_db = selectors.metric_series(world.partnership, referrals)
    spec = charts.metric_trend_figure(from_db)
    assert traces(spec)["Hartlepool"]["y"] == [100.0, None, 120.0]
    assert traces(spec)["Stockton-on-Tees"]["y"] == [None, None, None]


# --- The text alternative ----------------------------------------------------------------


def test_the_description_says_which_way_each_line_moved():
    text = charts.describe_series(
        series(metric(), 2021, {HARTLEPOOL: [1234, 1300, 1400, 1500], STOCKTON: [900, 850, 800, 700]}),
    )
    assert text == (
        "Referrals in Hartlepool rose from 1,234 in 2021-22 to 1,500 in 2024-25; "
        "Referrals in Stockton-on-Tees fell from 900 in 2021-22 to 700 in 2024-25."
    )


def test_the_description_gives_england_and_the_years_without_a_figure():
    text = charts.describe_series(
        series(metric(), 2021, {HARTLEPOOL: [1234, None, None, 1500]}, {ENGLAND: [500000, None, 510000, 520000]}),
    )
    assert text == (
        "Referrals in Hartlepool rose from 1,234 in 2021-22 to 1,500 in 2024-25 "
        "(no figure for 2022-23 and 2023-24); "
        "the England figure rose from 500,000 in 2021-22 to 520,000 in 2024-25 (no figure for 2022-23)."
    )


def test_the_description_spells_values_in_the_metrics_unit_and_says_which_way_is_better():
    m = metric(name="Re-referral rate", unit=Unit.PERCENTAGE, decimals=1, polarity=Polarity.LOWER_IS_BETTER)
    text = charts.describe_series(series(m, 2023, {HARTLEPOOL: [25, 20]}))
    assert text == "Re-referral rate in Hartlepool fell from 25.0% in 2023-24 to 20.0% in 2024-25. Lower is better."


def test_the_description_of_a_single_figure_or_none_is_plain():
    text = charts.describe_series(series(metric(), 2024, {HARTLEPOOL: [42], STOCKTON: [None]}))
    assert text == "Referrals in Hartlepool was 42 in 2024-25; Referrals in Stockton-on-Tees has no figures."


# --- Completeness ------------------------------------------------------------------------


def progress(label_year, **counts):
    round_ = type("Round", (), {"year": ReportingYear(label_year)})()
    return RoundProgress(round_, {status: counts.get(status.value, 0) for status in ReturnStatus})


def test_completeness_has_a_segment_per_status_labelled_in_words():
    spec = charts.completeness_figure([progress(2025, approved=3, returned=1, not_started=2)])
    bars = traces(spec)
    assert list(bars) == ["Not started", "Draft", "Submitted", "Returned for changes", "Approved"]
    assert bars["Approved"]["x"] == [3]
    assert bars["Approved"]["text"] == ["3 approved"]
    assert bars["Returned for changes"]["text"] == ["1 returned for changes"]
    assert bars["Draft"]["text"] == [""]  # no label on an empty segment
    assert {bar["orientation"] for bar in bars.values()} == {"h"}
    assert spec["layout"]["barmode"] == "stack"
    assert bars["Approved"]["y"] == ["2025-26 collection"]


def test_completeness_statuses_differ_by_fill_pattern_as_well_as_colour():
    bars = traces(charts.completeness_figure([progress(2025, draft=1)]))
    patterns = [bar["marker"]["pattern"]["shape"] for bar in bars.values()]
    colours = [bar["marker"]["color"] for bar in bars.values()]
    assert len(set(patterns)) == len(patterns) == 5
    assert len(set(colours)) == 5


def test_completeness_draws_one_bar_per_round_and_describes_them():
    rows = [progress(2025, approved=1, draft=1), progress(2024, approved=4)]
    spec = charts.completeness_figure(rows)
    assert traces(spec)["Approved"]["y"] == ["2025-26 collection", "2024-25 collection"]
    assert traces(spec)["Approved"]["x"] == [1, 4]
    json.dumps(spec)
    assert charts.describe_completeness(rows) == (
        "2025-26 collection: 2 returns; 1 draft, 1 approved. 2024-25 collection: 4 returns; 4 approved."
    )


def test_every_chart_uses_only_trace_types_of_the_vendored_partial_bundle():
    from django.conf import settings

    bundle = (settings.BASE_DIR / "static/vendor/plotly/plotly-basic.min.js").read_text(encoding="utf-8")
    assert "plotly.js (basic - minified)" in bundle[:200]  # the vendored partial bundle is there
    specs = [
        charts.metric_trend_figure(series(metric(), 2021, {HARTLEPOOL: [1, 2]}, {ENGLAND: [2, 2]})),
        charts.completeness_figure([progress(2025, approved=3, returned=1, not_started=2)]),
    ]
    used = {trace.get("type", "scatter") for spec in specs for trace in spec["data"]}
    assert used and used <= {"scatter", "bar", "pie"}  # plotly.js-basic-dist-min's trace types


def every_kind_of_chart():
    yield charts.completeness_figure([progress(2025, approved=3, returned=1, not_started=2), progress(2024)])
    yield charts.completeness_figure([])
    yield charts.metric_trend_figure(MetricSeries(metric(), [], [], {}))
    for unit in Unit:
        m = metric(unit=unit, decimals=1, polarity=Polarity.LOWER_IS_BETTER)
        yield charts.metric_trend_figure(
            series(
                m, 2021, {HARTLEPOOL: [1, None, 3], None: [4, 5, 6]}, {ENGLAND: [2, 2, None], "E12000001": [1, 1, 1]}
            )
        )


def test_every_chart_specification_is_one_plotly_accepts_property_for_property():
    """The specifications are plain dicts, built without plotly's validation on each request;
    here plotly checks every property once (an unknown or misspelt one raises)."""
    for spec in every_kind_of_chart():
        go.Figure(spec, skip_invalid=False)
