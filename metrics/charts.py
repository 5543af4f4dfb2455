"""Plotly figure specifications for the figures: plain, JSON-serialisable dicts.

Framework-free on purpose (no requests, no templates): the explorer and round pages
hand the dicts to `static/js/charts.js` through `json_script`; report rendering can
later rebuild them with `plotly.graph_objects.Figure(spec)` for interactive HTML or
a static SVG. Output is deterministic: the same data always gives the same dict.

Charts never rely on colour alone: every line has its own marker symbol or dash, every
bar segment its own pattern and a text label, and `describe_series` gives the text
alternative that sits beside (or replaces) the chart.
"""

import copy
from decimal import Decimal

from .formatting import SMALL_NUMBER_LIMIT, format_value, plain_text, suppressed_text
from .models import ComparatorKind, Polarity, ReturnStatus, Unit, geography_sort_key

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

# Okabe-Ito colours: told apart by people with the common colour-vision deficiencies.
AREA_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
AREA_SYMBOLS = ["circle", "square", "diamond", "triangle-up", "triangle-down", "cross"]
ENGLAND_COLOUR = "#222222"
REGION_COLOURS = ["#6C6C6C", "#8A5A00", "#4B4B8F"]
REGION_DASHES = ["dot", "dashdot", "longdash"]

# Colour, fill pattern and text colour per return status. The bar segments also carry
# their status in words, so no one has to tell the colours apart.
STATUS_STYLES = {
    ReturnStatus.NOT_STARTED: {"colour": "#BBBBBB", "pattern": ".", "text": "#000000"},
    ReturnStatus.DRAFT: {"colour": "#56B4E9", "pattern": "/", "text": "#000000"},
    ReturnStatus.SUBMITTED: {"colour": "#E69F00", "pattern": "\\", "text": "#000000"},
    ReturnStatus.RETURNED: {"colour": "#D55E00", "pattern": "x", "text": "#000000"},
    ReturnStatus.APPROVED: {"colour": "#009E73", "pattern": "", "text": "#000000"},
}

NO_DATA = "No approved figures yet."


def _layout(title, **extra):
    """Title top left, legend in a row beneath it, margins grown to fit long labels."""
    return {
        "template": {"data": {"scatter": [{"type": "scatter"}]}},  # plotly's "none" (no theme), written out
        "title": {
            "text": plain_text(title),
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 0.98,
            "yanchor": "top",
            "yref": "container",
            "pad": {"l": 10},
            "font": {"size": 16},
        },
        "font": {"family": FONT, "size": 13, "color": "#212529"},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "margin": {"l": 20, "r": 20, "t": 90, "b": 20},
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"},
        "hoverlabel": {"font": {"family": FONT}},
        **extra,
    }


class _Figure:
    """A figure as plain dicts, built like plotly's `go.Figure` (add_trace, update_layout).

    Plotly's graph objects validate every property on every call: 15-25 ms a chart, on every
    request. The specifications here are plain data that plotly.js reads as they are; the
    tests pass each one through `plotly.graph_objects.Figure(spec)` once, so a property plotly
    does not know still fails a test, not a page.
    """

    def __init__(self):
        self.data, self.layout = [], {}

    def add_trace(self, trace):
        self.data.append(trace)

    def update_layout(self, **layout):
        self.layout.update(layout)

    def spec(self) -> dict:
        return {"data": self.data, "layout": self.layout}


def _bar(**properties):
    return {"type": "bar", **properties}


def _scatter(**properties):
    return {"type": "scatter", **properties}


def _number(value):
    return None if value is None else float(value)


def _formatted(metric, value, *, not_known=False, rank_out_of=None, public=False):
    return format_value(
        value,
        unit=metric.unit,
        decimals=metric.decimals,
        not_known=not_known,
        rank_out_of=rank_out_of,
        suppress_small=metric.suppress_small,
        public=public,
    )


# --- Completeness of a collection round -----------------------------------------------


def _row_label(row):
    label = getattr(row, "label", None)
    if label:
        return str(label)
    return f"{row.round.year} collection"


def _count(counts, status):
    return int(counts.get(status, counts.get(status.value, 0)) or 0)


def completeness_figure(progress_rows, *, title="Returns by status") -> dict:
    """A horizontal bar per round, stacked by return status.

    `progress_rows` are `selectors.RoundProgress` (or anything with `counts`, a mapping of
    status to number, and a `label` or a `round`). Each segment is labelled "2 approved".
    """
    rows = list(progress_rows)
    labels = [plain_text(_row_label(row)) for row in rows]
    figure = _Figure()
    for status in ReturnStatus:
        style = STATUS_STYLES[status]
        counts = [_count(row.counts, status) for row in rows]
        figure.add_trace(
            _bar(
                name=plain_text(status.label),
                orientation="h",
                x=counts,
                y=labels,
                text=[f"{n} {status.label.lower()}" if n else "" for n in counts],
                textposition="inside",
                insidetextanchor="middle",
                textfont={"color": style["text"]},
                hovertemplate=f"%{{y}}: %{{x}} {status.label.lower()}<extra></extra>",
                marker={
                    "color": style["colour"],
                    "line": {"color": "#ffffff", "width": 1},
                    "pattern": {
                        "shape": style["pattern"],
                        "fillmode": "overlay",
                        "fgcolor": "#000000",
                        "fgopacity": 0.25,
                        "size": 10,
                        "solidity": 0.15,
                    },
                },
            )
        )
    total = max((sum(_count(row.counts, s) for s in ReturnStatus) for row in rows), default=0)
    figure.update_layout(
        **_layout(
            title,
            barmode="stack",
            height=170 + 48 * max(len(rows), 1),
            legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom", "traceorder": "normal"},
            xaxis={
                "automargin": True,
                "title": {"text": "Number of returns"},
                "dtick": 1 if total <= 20 else None,
                "range": [0, max(total, 1)],
                "gridcolor": "#e5e5e5",
                "fixedrange": True,
            },
            yaxis={"type": "category", "autorange": "reversed", "fixedrange": True, "automargin": True},
        )
    )
    return figure.spec()


def describe_completeness(progress_rows) -> str:
    """Alt text: "2025-26 collection: 5 returns; 1 not started, 1 draft, …"."""
    sentences = []
    for row in progress_rows:
        counts = {status: _count(row.counts, status) for status in ReturnStatus}
        total = sum(counts.values())
        if not total:
            sentences.append(f"{_row_label(row)}: no returns.")
            continue
        parts = ", ".join(f"{n} {status.label.lower()}" for status, n in counts.items() if n)
        sentences.append(f"{_row_label(row)}: {total} return{'s' if total != 1 else ''}; {parts}.")
    return " ".join(sentences)


# --- One metric across years and areas ------------------------------------------------


def area_label(area) -> str:
    return area.name if area is not None else "Whole partnership"


def geography_label(code) -> str:
    try:
        return ComparatorKind(code).label
    except ValueError:
        return str(code)


def ordered_geographies(comparators) -> list:
    """England first, then regions in ONS code order; only those with at least one value."""
    present = [code for code, values in comparators.items() if any(v is not None for v in values)]
    return sorted(present, key=geography_sort_key)


def unit_title(metric) -> str:
    unit = Unit(metric.unit)
    return {
        Unit.COUNT: "Number",
        Unit.PERCENTAGE: "Per cent (%)",
        Unit.RANK: "Rank (1 is first)",
    }.get(unit, unit.label)


def trend_title(series) -> str:
    metric = series.metric
    title = metric.label
    if series.years:
        first, last = series.years[0], series.years[-1]
        title += f", {first}" if first == last else f", {first} to {last}"
    if ComparatorKind.ENGLAND.value in ordered_geographies(series.comparators):
        title += ", compared with England"
    return title


def _point_value(point, public=False):
    """The number a chart may plot or a description may compare: none when missing, N/K or suppressed."""
    figure = point.figure
    if figure is None or figure.not_known or figure.suppressed(public=public):
        return None
    return figure.value


def metric_trend_figure(series, *, public=False) -> dict:
    """A line per area (or the whole partnership) and a dashed line per comparator.

    Years without a figure (none approved, or N/K) are None, so the line breaks there
    instead of joining across the gap; so are suppressed figures (`public`), whose hover
    text says "fewer than 5". Every text is plain text (see formatting.plain_text).
    """
    metric = series.metric
    years = [str(year) for year in series.years]
    figure = _Figure()
    for i, (area, points) in enumerate(series.by_area):
        colour = AREA_COLOURS[i % len(AREA_COLOURS)]
        symbol = AREA_SYMBOLS[i % len(AREA_SYMBOLS)]
        figure.add_trace(
            _scatter(
                name=plain_text(area_label(area)),
                x=years,
                y=[_number(_point_value(p, public)) for p in points],
                text=[_point_text(p, public) for p in points],
                mode="lines+markers",
                connectgaps=False,
                line={"color": colour, "width": 3},
                marker={
                    "color": colour,
                    "size": 9,
                    # A part-year figure or one a predecessor board published gets an open marker.
                    "symbol": [f"{symbol}-open" if _is_marked(p) else symbol for p in points],
                    "line": {"color": colour, "width": 2},
                },
                hovertemplate="%{fullData.name}, %{x}: %{text}<extra></extra>",
            )
        )
    for i, code in enumerate(ordered_geographies(series.comparators)):
        values = series.comparators[code]
        if code == ComparatorKind.ENGLAND.value:
            colour, dash, symbol = ENGLAND_COLOUR, "dash", "circle-open"
        else:
            j = i % len(REGION_COLOURS)
            colour, dash, symbol = REGION_COLOURS[j], REGION_DASHES[j], "square-open"
        figure.add_trace(
            _scatter(
                name=plain_text(geography_label(code)),
                x=years,
                y=[_number(v) for v in values],
                text=["" if v is None else _formatted(metric, v) for v in values],
                mode="lines+markers",
                connectgaps=False,
                line={"color": colour, "width": 2, "dash": dash},
                marker={"color": colour, "size": 8, "symbol": symbol},
                hovertemplate="%{fullData.name}, %{x}: %{text}<extra></extra>",
            )
        )
    yaxis = {
        "title": {"text": plain_text(unit_title(metric))},
        "automargin": True,
        "gridcolor": "#e5e5e5",
        "zeroline": False,
        "separatethousands": True,
    }
    if metric.unit == Unit.RANK:
        yaxis["autorange"] = "reversed"
    else:
        yaxis["rangemode"] = "tozero"
    if metric.unit == Unit.PERCENTAGE:
        yaxis["ticksuffix"] = "%"
    elif metric.unit == Unit.POUNDS:
        yaxis["tickprefix"] = "£"
    layout = _layout(
        trend_title(series),
        height=440,
        showlegend=True,
        xaxis={
            "automargin": True,
            "title": {"text": "Reporting year (April to March)"},
            "type": "category",
            "categoryorder": "array",
            "categoryarray": years,
        },
        yaxis=yaxis,
    )
    boundary = succession_boundary(series)
    if boundary is not None:
        # A clear marker of the change of publisher: a line between the last year of the boards and the first
        # of the partnership, labelled in words.
        layout["shapes"] = [
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": boundary - 0.5,
                "x1": boundary - 0.5,
                "y0": 0,
                "y1": 1,
                "line": {"color": "#5b2a86", "width": 2, "dash": "dash"},
            }
        ]
        layout.setdefault("annotations", []).append(
            {
                "text": plain_text(succession_text(series)),
                "xref": "x",
                "yref": "paper",
                "x": boundary - 0.5,
                "y": 1,
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12, "color": "#5b2a86"},
            }
        )
    if not series.years or not any(trace["y"] and any(v is not None for v in trace["y"]) for trace in figure.data):
        layout["annotations"] = [
            {"text": NO_DATA, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}
        ]
    figure.update_layout(**layout)
    return figure.spec()


def _point_text(point, public=False):
    """Hover text: the figure as printed, what it covers when that is not the plain year, who published it."""
    figure = point.figure
    if figure is None:
        return ""
    text = figure.formatted(public=public)
    extras = []
    if figure.period_label != str(figure.year):
        extras.append(
            figure.period_label + (" (part year)" if figure.is_partial and "only" not in figure.period_label else "")
        )
    if figure.published_by is not None:
        extras.append(f"published by {figure.published_by.name}")
    return plain_text(f"{text} ({'; '.join(extras)})" if extras else text)


def _is_marked(point):
    figure = point.figure
    return figure is not None and (figure.is_partial or figure.published_by is not None)


def succession_boundary(series):
    """Index of the first year the partnership itself published, after years a predecessor published; or None."""
    if series.first_own_year is not None:
        return series.years.index(series.first_own_year)
    last_board = None
    for _, points in series.by_area:
        for i, point in enumerate(points):
            if point.figure is not None and point.figure.published_by is not None:
                last_board = i if last_board is None else max(last_board, i)
    if last_board is None:
        return None
    for _, points in series.by_area:
        for i, point in enumerate(points):
            if i > last_board and point.figure is not None and point.figure.published_by is None:
                return i
    return None


def succession_text(series):
    """The change of publisher in words: "◀ Hartlepool LSCB and Stockton LSCB | HSSCP from April 2019 ▶"."""
    boards = " and ".join(board.short_name for board in series.publishers)
    partnership = series.partnership
    after = str(partnership) if partnership is not None else "the partnership"
    if partnership is not None and partnership.started_on:
        after += f" from {partnership.started_on:%B %Y}"
    return f"◀ {boards} | {after} ▶"


# --- Text alternative -----------------------------------------------------------------


def _join(words):
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _describe_line(subject, metric, years, values, rank_out_of=None, suppressed=(), hidden_as=None):
    """One clause: "<subject> rose from A in Y1 to B in Y2 (no figure for Y)"."""
    rank_out_of = rank_out_of or [None] * len(years)
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    hidden = [str(years[i]) for i in suppressed]
    if not known:
        if hidden:
            return f"{subject} was {hidden_as or suppressed_text()} in {_join(hidden)}"
        return f"{subject} has no figures"
    (first_i, first), (last_i, last) = known[0], known[-1]

    def text(i, value):
        return _formatted(metric, value, rank_out_of=rank_out_of[i])

    if first_i == last_i:
        clause = f"{subject} was {text(first_i, first)} in {years[first_i]}"
    else:
        start = f"{text(first_i, first)} in {years[first_i]}"
        end = f"{text(last_i, last)} in {years[last_i]}"
        if Decimal(last) > Decimal(first):
            clause = f"{subject} rose from {start} to {end}"
        elif Decimal(last) < Decimal(first):
            clause = f"{subject} fell from {start} to {end}"
        else:
            clause = f"{subject} was {text(first_i, first)} in both {years[first_i]} and {years[last_i]}"
    gaps = [str(years[i]) for i in range(first_i, last_i + 1) if values[i] is None and i not in suppressed]
    if gaps:
        clause += f" (no figure for {_join(gaps)})"
    if hidden:
        clause += f" ({hidden_as or suppressed_text()} in {_join(hidden)})"
    return clause


def describe_series(series, *, public=False) -> str:
    """Alt text built from the data, e.g.

    "Referrals in Hartlepool rose from 1,234 in 2021-22 to 1,500 in 2024-25 (no figure for
    2022-23); the England figure rose from … Higher is better."
    """
    metric = series.metric
    if not series.years:
        return f"{metric.name}: {NO_DATA.lower()[:-1]}."
    years = [str(year) for year in series.years]
    clauses = []
    for area, points in series.by_area:
        subject = f"{metric.name} in {area.name}" if area is not None else f"{metric.name} for the whole partnership"
        values = [_point_value(p, public) for p in points]
        ranks = [p.figure.rank_out_of if p.figure else None for p in points]
        suppressed = [i for i, p in enumerate(points) if p.figure is not None and p.figure.suppressed(public=public)]
        threshold = series.partnership.small_number_threshold if series.partnership else SMALL_NUMBER_LIMIT
        clauses.append(_describe_line(subject, metric, years, values, ranks, suppressed, suppressed_text(threshold)))
    for code in ordered_geographies(series.comparators):
        clauses.append(_describe_line(f"the {geography_label(code)} figure", metric, years, series.comparators[code]))
    if not clauses:
        return f"{metric.name}: {NO_DATA.lower()[:-1]}."
    text = "; ".join(clauses)
    text = text[0].upper() + text[1:] + "."
    if series.publishers:
        boards = _join([board.name for board in series.publishers])
        text += f" Figures marked with an open symbol before the dashed line were published by {boards}, "
        text += f"which {series.partnership or 'the partnership'} replaced."
    figures = [p.figure for _, points in series.by_area for p in points if p.figure is not None]
    partial = sorted({f.period_label for f in figures if f.is_partial})
    if partial:
        text += f" Part-year figures: {_join(partial)}."
    other = sorted(
        {
            f"the {f.year} figure covers {f.period_label}"
            for f in figures
            if not f.is_partial and f.period_label != str(f.year)
        }
    )
    if other:
        text += f" {_join(other)[0].upper()}{_join(other)[1:]}."
    if metric.polarity != Polarity.NEUTRAL:
        text += f" {Polarity(metric.polarity).label}."
    return text


# --- Charts in a rendered report ------------------------------------------------------------
# The report's numbered caption carries the title; the PDF exports the chart to SVG (kaleido) in
# the report's own typeface, embedded in the PDF.

PRINT_FONT = "Atkinson Hyperlegible, sans-serif"
PRINT_HEIGHT = 380


def without_title(spec: dict) -> dict:
    """The chart without the title drawn inside it: a report's numbered caption carries it."""
    untitled = copy.deepcopy(spec)
    layout = untitled.setdefault("layout", {})
    layout.pop("title", None)
    legend = layout.get("showlegend", True) and len(untitled.get("data", [])) > 1
    layout["margin"] = {**layout.get("margin", {}), "t": 50 if legend else 20}
    if legend:
        layout["legend"] = {**layout.get("legend", {}), "y": 1.02, "yanchor": "bottom"}
    return untitled


def for_print(spec: dict, *, height: int = PRINT_HEIGHT) -> dict:
    """The report's typeface (embedded in the PDF), no title inside the drawing (the numbered
    caption carries it), no hover, and a fixed height for the page."""
    printed = without_title(spec)
    layout = printed["layout"]
    layout["font"] = {**layout.get("font", {}), "family": PRINT_FONT, "size": 13, "color": "#1a1a1a"}
    layout.pop("hoverlabel", None)
    layout["height"] = height
    layout.pop("width", None)
    return printed
