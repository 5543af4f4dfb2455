"""Report list, report overview (section tree, coverage, workflow), preview, and the tree's writes."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from partners import versions
from partners.access import Capability, partnership_view
from partners.prepared import A_YEAR, NO_ID, PreparedQuery
from partners.years import InvalidReportingYear

from . import selectors, services
from .forms import NewReportForm, NewSectionForm
from .models import Report, Section
from .rendering.views import panel as rendering_panel

# Every report page reads its report, and a section's pages their section: by SQL built once.
_report_in = PreparedQuery(
    lambda partnership_id, year: Report.objects.filter(partnership_id=partnership_id, year=year).select_related(
        "partnership"
    ),
    partnership_id=NO_ID,
    year=A_YEAR,
)
_section_of = PreparedQuery(
    lambda report_id, pk: Section.objects.filter(report_id=report_id, pk=pk).select_related(
        "report", "parent", "owner"
    ),
    report_id=NO_ID,
    pk=NO_ID - 1,
)


def report_for(request, year) -> Report:
    """The partnership's report of that year, or 404."""
    return _only(_report_in(partnership_id=request.partnership.pk, year=str(year)), "No such report")


def section_for(request, report, pk) -> Section:
    """A section of that report, or 404."""
    return _only(_section_of(report_id=report.pk, pk=int(pk)), "No such section")


def _only(found, missing):
    if not found:
        raise Http404(missing)
    return found[0]


@partnership_view(Capability.EDIT_REPORTS)
def report_list(request):
    form = NewReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.create_report(
                request.partnership,
                year=form.cleaned_data["year"],
                title=form.cleaned_data["title"],
                subtitle=form.cleaned_data["subtitle"],
                by=request.user,
            )
        except (services.ReportError, InvalidReportingYear) as error:
            form.add_error("year", str(error))
        else:
            messages.success(request, f"Report for {report.year} created. Add its first section.")
            return redirect(report)
    return render(
        request,
        "reports/report_list.html",
        {"partnership": request.partnership, "reports": selectors.reports_of(request.partnership), "form": form},
        status=422 if form.errors else 200,
    )


@partnership_view(Capability.EDIT_REPORTS)
@require_POST
def start_next(request, year):
    previous = report_for(request, year)
    try:
        started = services.start_from_last_year(previous, by=request.user)
    except services.ReportError as error:
        messages.error(request, str(error))
        return redirect("reports:list", request.partnership.slug)
    request.session[f"missing-{started.report.pk}"] = [[m.section, m.label] for m in started.missing]
    messages.success(
        request,
        f"The {started.report.year} report starts from {previous.year}'s: text kept, figures moved on one year.",
    )
    return redirect(started.report)


@partnership_view(Capability.EDIT_REPORTS)
def report_detail(request, year):
    report = report_for(request, year)
    tree = selectors.section_tree(report)
    version = versions.current(request.partnership)
    return render(
        request,
        "reports/report_detail.html",
        {
            "partnership": request.partnership,
            "report": report,
            "tree": tree,
            "coverage": versions.cached(
                report.partnership, f"coverage:{report.pk}", lambda: selectors.coverage(report), version=version
            ),
            "started_missing": request.session.get(f"missing-{report.pk}", []),
            "missing_figures": missing_figures(report, version=version),
            "sign_off": selectors.active_sign_off(report),
            "new_section": NewSectionForm(report=report, top_level=tree),
            "open_comments": selectors.open_comment_count(report),
            **rendering_panel(report),
        },
    )


@partnership_view(Capability.EDIT_REPORTS)
def preview(request, year):
    report = report_for(request, year)
    return render(
        request,
        "reports/preview.html",
        {"partnership": request.partnership, "report": report, "document_html": document_html(report)},
    )


def missing_figures(report, *, version=None):
    """What the report and sign-off pages list; signing off checks the figures afresh."""
    return versions.cached(
        report.partnership, f"missing:{report.pk}", lambda: selectors.missing_figures(report), version=version
    )


def document_html(report, section=None):
    """The report (or one section) as the editor's preview shows it; built again only after a change."""
    section_ids = None if section is None else [section.pk]

    def build():
        document = selectors.build_document(report, section_ids=section_ids)
        return render_to_string("reports/_preview_document.html", {"document": document})

    return versions.cached(report.partnership, f"preview:{report.pk}:{section_ids}", build)


@partnership_view(Capability.EDIT_REPORTS)
@require_POST
def section_add(request, year):
    report = report_for(request, year)
    form = NewSectionForm(request.POST, report=report)
    if form.is_valid():
        try:
            section = services.add_section(
                report,
                title=form.cleaned_data["title"],
                number_label=form.cleaned_data["number_label"],
                parent=form.cleaned_data["parent"],
                by=request.user,
            )
        except services.ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Section “{section.heading}” added.")
            return redirect("reports:section", request.partnership.slug, report.year, section.pk)
    else:
        messages.error(request, "Not added: " + " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(report)


@partnership_view(Capability.EDIT_REPORTS)
@require_POST
def section_move(request, year, pk):
    report = report_for(request, year)
    section = section_for(request, report, pk)
    target = request.POST.get("parent")
    try:
        if target is not None:
            parent = None if target == "" else section_for(request, report, _int(target))
            services.move_section(section, parent=parent, by=request.user)
        else:
            services.move_section(section, direction=request.POST.get("direction"), by=request.user)
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Section “{section.heading}” moved.")
    return redirect(f"{report.get_absolute_url()}#tree-{section.pk}")


def _int(text):
    try:
        return int(text)
    except (TypeError, ValueError):
        raise Http404("No such section") from None


@partnership_view(Capability.EDIT_REPORTS)
@require_POST
def section_delete(request, year, pk):
    report = report_for(request, year)
    section = section_for(request, report, pk)
    try:
        services.delete_section(section, by=request.user)
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Section “{section.heading}” deleted; its revisions stay in the audit trail.")
    return redirect(report)


@partnership_view(Capability.EDIT_REPORTS)
def requirements(request):
    return render(
        request,
        "reports/requirements.html",
        {"partnership": request.partnership, "requirements": selectors.all_requirements()},
    )
