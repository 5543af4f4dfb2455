"""The one place publishing asks for a report's final HTML and PDF: `render_for_publication`.

It runs the rendering pipeline of issue 13 (`reports.rendering`) on the report as signed off
(an approved report cannot change without leaving the approved state, so its sections are the
signed-off revision's), in public mode (small numbers suppressed), and returns the bytes that
are then stored unchanged.
"""

from dataclasses import dataclass

from reports.rendering.context import build_render_document
from reports.rendering.pipeline import WEB, Timings, render_html, render_pdf, stage_text


@dataclass(frozen=True)
class RenderedReport:
    html: bytes  # the complete web HTML document
    pdf: bytes
    page_count: int


def _quiet(text, done=None, total=None):
    return None


def render_for_publication(report, *, progress=_quiet) -> RenderedReport:
    """`progress(text, done, total)` gets "Charts 3 of 9", "Layout"… as the pipeline goes."""
    document = build_render_document(report, public=True)
    html = render_html(document, target=WEB)
    timings = Timings()
    pdf = render_pdf(
        document,
        progress=lambda stage, done=None, total=None: progress(stage_text(stage, done, total), done, total),
        timings=timings,
    )
    return RenderedReport(html=html.encode("utf-8"), pdf=pdf, page_count=timings.pages)
