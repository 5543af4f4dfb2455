"""Charts in rendered reports: suppression for public outputs, and the specification the PDF
exports to SVG, from any spec in `charts.py`.

Kept beside `charts.py` while that module is being reworked (plain-text chart labels, one
suppression path); it moves into it afterwards. Framework-free and deterministic like it.
"""

import copy

from .formatting import is_suppressed

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


def public_series(series):
    """The series as readers outside the business unit see it: a value the catalogue suppresses
    ("fewer than 5") is never plotted, hovered or described; its point becomes a gap."""
    from .selectors import MetricSeries, SeriesPoint

    suppress = series.metric.suppress_small
    by_area = [
        (
            area,
            [
                SeriesPoint(point.year, None)
                if point.figure is not None and is_suppressed(point.figure.value, suppress_small=suppress)
                else point
                for point in points
            ],
        )
        for area, points in series.by_area
    ]
    return MetricSeries(series.metric, series.years, by_area, series.comparators)
