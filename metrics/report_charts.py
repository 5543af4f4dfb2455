"""Charts on paper: the figure specification the PDF exports to SVG, from any spec in `charts.py`.

Kept beside `charts.py` while that module is being reworked (plain-text chart labels, one
suppression path); it moves into it afterwards. Framework-free and deterministic like it.
"""

import copy

PRINT_FONT = "Atkinson Hyperlegible, sans-serif"
PRINT_HEIGHT = 380


def for_print(spec: dict, *, height: int = PRINT_HEIGHT) -> dict:
    """The report's typeface (embedded in the PDF), no title inside the drawing (the numbered
    caption carries it), no hover or mode bar, and a fixed height for the page."""
    printed = copy.deepcopy(spec)
    layout = printed.setdefault("layout", {})
    layout.pop("title", None)
    layout["font"] = {**layout.get("font", {}), "family": PRINT_FONT, "size": 13, "color": "#1a1a1a"}
    layout.pop("hoverlabel", None)
    margin = layout.get("margin", {})
    legend = layout.get("showlegend", True) and len(printed.get("data", [])) > 1
    layout["margin"] = {**margin, "t": 50 if legend else 20}
    if legend:
        layout["legend"] = {**layout.get("legend", {}), "y": 1.02, "yanchor": "bottom"}
    layout["height"] = height
    layout.pop("width", None)
    return printed
