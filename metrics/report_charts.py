"""Report charts: the figure specifications a report's chart blocks need, built on `charts.py`.

Three kinds, as the report editor offers them: a trend (one metric over years, per area or for the
whole partnership), the same trend against England and the regions, and an area comparison (one
year, a bar per area, England as a reference line). Each comes with its data table and its text
alternative, all from the same numbers, and with small numbers suppressed the way every public
output suppresses them. `for_print` turns any specification into the one the PDF exports to SVG:
the report's typeface, no title inside the drawing (the figure caption carries it), a fixed size.
"""

import copy
from dataclasses import dataclass

import plotly.graph_objects as go

from .charts import (
    AREA_COLOURS,
    ENGLAND_COLOUR,
    NO_DATA,
    _layout,
    _spec,
    area_label,
    describe_series,
    geography_label,
    metric_trend_figure,
    ordered_geographies,
    unit_title,
)
from .formatting import format_value
from .models import ComparatorKind, Polarity, Unit

PRINT_FONT = "Atkinson Hyperlegible, sans-serif"

TREND = "trend"
AGAINST_ENGLAND = "against_england"
AREA_COMPARISON = "area_comparison"
KINDS = (TREND, AGAINST_ENGLAND, AREA_COMPARISON)


@dataclass(frozen=True)
class ChartTable:
    """The chart's numbers as a table: a header row and one row per year or area, as text."""

    caption: str
    headers: list
    rows: list  # [[row header, cell, cell, …]]


def shown(metric, value, *, not_known=False, rank_out_of=None):
    """(number to plot, text to show) for a public output: a suppressed value is never plotted."""
    text = format_value(
        value,
        unit=metric.unit,
        decimals=metric.decimals,
        not_known=not_known,
        rank_out_of=rank_out_of,
        suppress_small=metric.suppress_small,
        public=True,
    )
    if value is None or not_known or text.startswith("fewer than"):
        return None, text
    return float(value), text


def _point(metric, point):
    figure = point.figure
    if figure is None:
        return None, "–"
    return shown(metric, figure.value, not_known=figure.not_known, rank_out_of=figure.rank_out_of)


def public_series(series, *, with_comparators=True):
    """The series as a reader outside the business unit may see it: suppressed points removed."""
    from .selectors import MetricSeries, SeriesPoint

    metric = series.metric
    by_area = []
    for area, points in series.by_area:
        kept = []
        for point in points:
            number, _ = _point(metric, point)
            kept.append(point if number is not None else SeriesPoint(point.year, None))
        by_area.append((area, kept))
    comparators = series.comparators if with_comparators else {}
    return MetricSeries(metric, series.years, by_area, comparators)


def trend_figure(series, *, with_comparators) -> dict:
    return metric_trend_figure(public_series(series, with_comparators=with_comparators))


def area_comparison_figure(series, year) -> dict:
    """One bar per area for `year`, labelled with its value; England as a dashed reference line."""
    metric = series.metric
    index = [str(y) for y in series.years].index(str(year)) if str(year) in [str(y) for y in series.years] else None
    names, numbers, texts = [], [], []
    for area, points in series.by_area:
        names.append(area_label(area))
        number, text = _point(metric, points[index]) if index is not None else (None, "–")
        numbers.append(number)
        texts.append(text)
    figure = go.Figure(
        go.Bar(
            x=names,
            y=numbers,
            text=texts,
            textposition="outside",
            cliponaxis=False,
            marker={"color": AREA_COLOURS[0]},
            hovertemplate="%{x}: %{text}<extra></extra>",
            name=str(year),
        )
    )
    england = series.comparators.get(ComparatorKind.ENGLAND.value) if index is not None else None
    shapes, annotations = [], []
    if england and england[index] is not None:
        value = float(england[index])
        shapes.append(
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "y0": value,
                "y1": value,
                "line": {"color": ENGLAND_COLOUR, "dash": "dash", "width": 2},
            }
        )
        annotations.append(
            {
                "text": f"England: {format_value(england[index], unit=metric.unit, decimals=metric.decimals)}",
                "xref": "paper",
                "x": 1,
                "xanchor": "right",
                "y": value,
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"color": ENGLAND_COLOUR},
            }
        )
    if not any(n is not None for n in numbers):
        annotations.append(
            {"text": NO_DATA, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}
        )
    yaxis = {
        "title": {"text": unit_title(metric)},
        "automargin": True,
        "gridcolor": "#e5e5e5",
        "rangemode": "tozero",
        "separatethousands": True,
    }
    if metric.unit == Unit.PERCENTAGE:
        yaxis["ticksuffix"] = "%"
    elif metric.unit == Unit.POUNDS:
        yaxis["tickprefix"] = "£"
    elif metric.unit == Unit.RANK:
        yaxis["autorange"] = "reversed"
        yaxis.pop("rangemode")
    figure.update_layout(
        **_layout(
            f"{metric.label}, {year}, by area",
            height=400,
            showlegend=False,
            xaxis={"automargin": True, "type": "category"},
            yaxis=yaxis,
            shapes=shapes,
            annotations=annotations,
        )
    )
    return _spec(figure)


def describe_area_comparison(series, year) -> str:
    metric = series.metric
    years = [str(y) for y in series.years]
    if str(year) not in years:
        return f"{metric.name}, {year}: {NO_DATA.lower()[:-1]}."
    index = years.index(str(year))
    parts = [f"{area_label(area)} {_point(metric, points[index])[1]}" for area, points in series.by_area]
    text = f"{metric.name} in {year} by area: " + ", ".join(parts)
    england = series.comparators.get(ComparatorKind.ENGLAND.value)
    if england and england[index] is not None:
        text += f"; England {format_value(england[index], unit=metric.unit, decimals=metric.decimals)}"
    text += "."
    if metric.polarity != Polarity.NEUTRAL:
        text += f" {Polarity(metric.polarity).label}."
    return text


def describe(series, kind, year=None) -> str:
    """Alt text generated from the data: what the chart shows, in words, suppression applied."""
    if kind == AREA_COMPARISON:
        return describe_area_comparison(series, year)
    return describe_series(public_series(series, with_comparators=kind == AGAINST_ENGLAND))


def chart_table(series, kind, year=None) -> ChartTable:
    """Rows of years (or areas, for a comparison), a column per area and comparator."""
    metric = series.metric
    years = [str(y) for y in series.years]
    geographies = ordered_geographies(series.comparators) if kind != TREND else []

    def comparator_text(code, i):
        value = series.comparators[code][i]
        return "–" if value is None else format_value(value, unit=metric.unit, decimals=metric.decimals)

    if kind == AREA_COMPARISON:
        index = years.index(str(year)) if str(year) in years else None
        rows = [
            [area_label(area), _point(metric, points[index])[1] if index is not None else "–"]
            for area, points in series.by_area
        ]
        if index is not None:
            rows += [[geography_label(code), comparator_text(code, index)] for code in geographies]
        return ChartTable(f"{metric.label}, {year}", ["Area", str(year)], rows)
    headers = ["Year"] + [area_label(area) for area, _ in series.by_area] + [geography_label(c) for c in geographies]
    rows = []
    for i, year_text in enumerate(years):
        row = [year_text] + [_point(metric, points[i])[1] for _, points in series.by_area]
        row += [comparator_text(code, i) for code in geographies]
        rows.append(row)
    return ChartTable(metric.label, headers, rows)


def chart_figure(series, kind, year=None) -> dict:
    if kind == AREA_COMPARISON:
        return area_comparison_figure(series, year)
    return trend_figure(series, with_comparators=kind == AGAINST_ENGLAND)


def for_print(spec: dict, *, height: int = 400) -> dict:
    """The specification the PDF exports: report typeface, no title (the caption has it)."""
    printed = copy.deepcopy(spec)
    layout = printed.setdefault("layout", {})
    layout.pop("title", None)
    layout["font"] = {**layout.get("font", {}), "family": PRINT_FONT, "size": 13}
    layout["hoverlabel"] = {"font": {"family": PRINT_FONT}}
    margin = layout.get("margin", {})
    layout["margin"] = {**margin, "t": 50 if layout.get("showlegend", True) else 20}
    layout["height"] = height
    layout.pop("width", None)
    return printed
