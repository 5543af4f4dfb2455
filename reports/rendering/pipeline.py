"""One pipeline, two outputs: the report's document -> web HTML, or print HTML -> tagged PDF.

    gathering data  -> context.build_document(report)       (a fixed number of queries)
    charts n of m   -> chart_export.ChartExporter            (print only; cached SVG)
    layout          -> templates (no queries) -> WeasyPrint  (print) or HTML bytes (web)
    done

`progress(stage, done, total)` is called at each step; the CLI prints it, the background task
stores it for the report page. Rendering takes the plain document and returns bytes.
"""

import base64
import logging
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string

from .chart_export import ChartExport, ChartExporter
from .pdf import write_pdf

logger = logging.getLogger(__name__)

GATHERING = "gathering"
CHARTS = "charts"
LAYOUT = "layout"
DONE = "done"
STAGE_LABELS = {GATHERING: "Gathering data", CHARTS: "Charts", LAYOUT: "Layout", DONE: "Done"}

WEB = "web"
PRINT = "print"


def stage_text(stage, done=None, total=None) -> str:
    """ "Charts 3 of 9", "Layout": the words the CLI and the report page show."""
    label = STAGE_LABELS.get(stage, stage)
    if stage == CHARTS and total is not None:
        return f"{label} {done} of {total}"
    return label


@dataclass
class Timings:
    """Seconds per stage of one render, for the benchmark."""

    stages: dict = field(default_factory=dict)
    charts_exported: int = 0
    pages: int = 0

    def add(self, stage, seconds):
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds


def _quiet(*args, **kwargs):
    return None


def render_html(document, *, target=WEB) -> str:
    """The web or print HTML of a document. Runs no queries: everything is in `document`."""
    template = "reports/render/web.html" if target == WEB else "reports/render/print.html"
    return render_to_string(template, {"doc": document, "target": target, "static_url": settings.STATIC_URL})


def export_charts(document, *, progress=_quiet, exporter=None) -> int:
    """Fill `chart.svg` for every chart of the document; returns how many were newly exported."""
    exporter = exporter or ChartExporter()
    charts = document.charts
    results = exporter.export(
        [ChartExport(chart.key, chart.print_spec, chart.print_height) for chart in charts], progress=progress
    )
    for chart in charts:
        svg = results.get(chart.key)
        chart.svg_uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode() if svg else ""
    return exporter.exported


def print_stylesheet(document) -> str:
    """The partnership's colours as CSS custom properties, for WeasyPrint (no style in the HTML)."""
    # WeasyPrint reads these as a user stylesheet, below the document's own: hence !important.
    return f"html {{ --brand: {document.brand_colour} !important; --on-brand: {document.on_brand_colour} !important; }}"


def render_pdf(document, *, progress=_quiet, exporter=None, timings=None) -> bytes:
    timings = timings if timings is not None else Timings()
    started = time.perf_counter()
    timings.charts_exported = export_charts(document, progress=progress, exporter=exporter)
    timings.add(CHARTS, time.perf_counter() - started)
    progress(LAYOUT, None, None)
    started = time.perf_counter()
    html = render_html(document, target=PRINT)
    stats = {}
    pdf = write_pdf(html, stylesheet=print_stylesheet(document), stats=stats)
    timings.pages = stats["pages"]
    timings.add(LAYOUT, time.perf_counter() - started)
    progress(DONE, None, None)
    return pdf
