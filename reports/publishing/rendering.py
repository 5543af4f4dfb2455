"""The one place publishing asks for a report's final HTML and PDF: `render_for_publication`.

It renders through the rendering pipeline of issue 13 (`reports.rendering`), from the report as
signed off, and returns the bytes that are then stored as they are. Until that pipeline is in
this code base the function refuses with RenderingUnavailable (the publication fails with that
message): there is no stand-in renderer, so nothing half-made is ever published.
"""

import io
from dataclasses import dataclass


class RenderingUnavailable(RuntimeError):
    pass


@dataclass(frozen=True)
class RenderedReport:
    html: bytes  # the complete web HTML document
    pdf: bytes
    page_count: int


def _quiet(stage, done=None, total=None):
    return None


def render_for_publication(report, *, progress=_quiet) -> RenderedReport:
    try:
        from reports.rendering import pipeline  # noqa: F401  (issue 13)
    except ImportError as error:
        raise RenderingUnavailable(
            "The report renderer is not installed on this server, so nothing was published."
        ) from error
    raise RenderingUnavailable("The report renderer's entry point for publication is not wired yet.")


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)
