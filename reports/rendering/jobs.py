"""Generate PDF in the background: request a rendering, run it in the task worker.

`request_pdf` records a queued `Rendering` and enqueues `render_pdf_task` (django-tasks; the
database backend worked by `manage.py db_worker`, the immediate backend in tests). The task
runs the pipeline and writes each stage it reaches on the rendering, which the report page
polls; a failure keeps its reason and leaves earlier PDFs as they were.
"""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled
from django_tasks import task

from partners.prepared import NO_ID, PreparedQuery

from ..models import Report
from .context import build_render_document
from .models import Rendering, RenderState
from .pipeline import GATHERING, Timings, render_pdf, stage_text

logger = logging.getLogger(__name__)


# The report page shows both on every view: by SQL built once (newest first, the model's order).
_last_good = PreparedQuery(
    lambda report_id: Rendering.objects.filter(report_id=report_id, state=RenderState.DONE).exclude(file="")[:1],
    report_id=NO_ID,
)
_latest = PreparedQuery(lambda report_id: Rendering.objects.filter(report_id=report_id)[:1], report_id=NO_ID)


def last_good(report) -> Rendering | None:
    return next(iter(_last_good(report_id=report.pk)), None)


def latest(report) -> Rendering | None:
    return next(iter(_latest(report_id=report.pk)), None)


def request_pdf(report: Report, *, by) -> Rendering:
    """Queue a PDF rendering of the report (any state: drafts are marked as drafts on the cover)."""
    rendering = Rendering.objects.create(partnership=report.partnership, report=report, requested_by=by)
    transaction.on_commit(lambda: render_pdf_task.enqueue(rendering.pk))
    return rendering


def _record(rendering, stage, done=None, total=None):
    entry = {"stage": stage, "text": stage_text(stage, done, total)}
    if rendering.stages and rendering.stages[-1]["stage"] == stage:
        rendering.stages[-1] = entry  # "Charts 3 of 9" replaces "Charts 2 of 9"
    else:
        rendering.stages.append(entry)
    Rendering.objects.filter(pk=rendering.pk).update(stages=rendering.stages, state=RenderState.RUNNING)


def run(rendering: Rendering) -> Rendering:
    """Render the PDF of a rendering's report; the reason is stored when it fails."""
    report = Report.objects.select_related("partnership").get(pk=rendering.report_id)
    try:
        _record(rendering, GATHERING)
        document = build_render_document(report)
        timings = Timings()
        pdf = render_pdf(document, progress=lambda *step: _record(rendering, *step), timings=timings)
    except Exception as error:  # noqa: BLE001 - the page shows the reason; the worker goes on
        logger.exception("Rendering %s of report %s failed", rendering.pk, report.pk)
        rendering.state = RenderState.FAILED
        rendering.error = f"The PDF could not be made: {error}"
        rendering.finished_at = timezone.now()
        rendering.save(update_fields=["state", "error", "finished_at"])
        return rendering
    name = f"{report.partnership.slug}-{report.year}-annual-report-{rendering.pk}.pdf"
    rendering.file.save(name, ContentFile(pdf), save=False)
    rendering.pages = timings.pages
    rendering.state = RenderState.DONE
    rendering.finished_at = timezone.now()
    rendering.save(update_fields=["file", "pages", "state", "finished_at"])
    return rendering


@task()
def render_pdf_task(rendering_id: int) -> str:
    with scopes_disabled():
        rendering = Rendering.objects.get(pk=rendering_id)
        return run(rendering).state
