"""The report's outputs in the portal: web HTML, "Generate PDF" with its progress, downloads and
section previews through the same pipeline. Business-unit editors and approvers only: drafts are
never public (publication is its own work)."""

from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from partners import versions
from partners.access import Capability, partnership_view

from ..models import Section
from .context import build_render_document, report_for
from .jobs import last_good, latest, request_pdf
from .models import Rendering, RenderState
from .pipeline import WEB, render_html, render_pdf

VIEW = Capability.EDIT_REPORTS


def _report(request, year):
    return report_for(request.partnership.slug, year)


@partnership_view(VIEW)
@require_GET
def report_html(request, year):
    """The whole report as the public will read it (drafts say they are drafts)."""
    return HttpResponse(_web_html(_report(request, year)))


def _web_html(report, section=None):
    """Built again only after a change to what the report shows (partners.versions)."""
    section_ids = None if section is None else [section.pk]
    return versions.cached(
        report.partnership,
        f"web:{report.pk}:{section_ids}",
        lambda: render_html(build_render_document(report, section_ids=section_ids), target=WEB),
    )


@partnership_view(VIEW)
def outputs(request, year):
    """Generate PDF, its progress by stage, the latest PDF and the web version."""
    report = _report(request, year)
    if request.method == "POST":
        rendering = request_pdf(report, by=request.user)
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = reverse("rendering:outputs", args=[request.partnership.slug, report.year])
        return redirect(f"{back}#rendering-{rendering.pk}")
    return render(
        request,
        "reports/render/outputs.html",
        {"partnership": request.partnership, "report": report, **panel(report)},
    )


def panel(report) -> dict:
    """The context of the "Generate PDF" panel (reports/render/_panel.html): two queries."""
    return {"current": latest(report), "good": last_good(report)}


@partnership_view(VIEW)
@require_GET
def rendering_status(request, year, pk):
    report = _report(request, year)
    rendering = get_object_or_404(Rendering, report=report, pk=pk)
    good = last_good(report)
    return JsonResponse(
        {
            "state": rendering.state,
            "finished": rendering.is_finished,
            "stages": [entry["text"] for entry in rendering.stages],
            "error": rendering.error,
            "url": _file_url(request, rendering) if rendering.state == RenderState.DONE else "",
            "last_good": _file_url(request, good) if good else "",
        }
    )


def _file_url(request, rendering):
    return reverse("rendering:pdf", args=[request.partnership.slug, rendering.report.year, rendering.pk])


@partnership_view(VIEW)
@require_GET
def rendering_pdf(request, year, pk):
    report = _report(request, year)
    rendering = get_object_or_404(Rendering, report=report, pk=pk, state=RenderState.DONE)
    if not rendering.file:
        raise Http404("No file")
    name = f"{request.partnership.slug}-{report.year}-annual-report.pdf"
    return FileResponse(rendering.file.open("rb"), content_type="application/pdf", filename=name)


@partnership_view(VIEW)
@require_GET
def section_preview(request, year, section_pk, fmt):
    """One section through the whole pipeline: what it will look like in the report."""
    report = _report(request, year)
    section = get_object_or_404(Section, report=report, pk=section_pk)
    if fmt == "html":
        return HttpResponse(_web_html(report, section))
    pdf = render_pdf(build_render_document(report, section_ids=[section.pk]))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="section-{section.pk}-preview.pdf"'
    return response
