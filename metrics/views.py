from dataclasses import replace

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from partners.access import Capability, partnership_view
from partners.selectors import areas_of as partnership_areas

from . import selectors, services
from .forms import OpenRoundForm, ReasonForm, cells_from_post
from .models import MetricValue, Return
from .validation import TEXT_LIMITS


def return_for(request, pk) -> Return:
    """The return in the URL, if this user may see it: the business unit, or its own agency. Else 404."""
    ret = get_object_or_404(Return.objects.select_related("round", "agency", "partnership"), pk=pk)
    access = request.access
    if access.can(Capability.VIEW_PARTNERSHIP) or access.can_act_for(ret.agency_id):
        return ret
    raise Http404("No such return")


EMPTY_AT_SUBMIT = "Enter a figure, or N/K if your agency cannot supply one."
UNEXPLAINED_AT_SUBMIT = "Explain this change before you submit."


def _submission_problems(checks, cells):
    """The checks of a refused submit, with each empty figure and each unexplained large change
    as an error at its box, so the summary lists and links every one and the boxes are marked."""
    marked = {}
    for key, check in checks.items():
        errors = list(check.errors)
        if check.blank and not check.locked:
            errors.append(EMPTY_AT_SUBMIT)
        elif check.warnings and not cells[key].explanation.strip():
            errors.append(UNEXPLAINED_AT_SUBMIT)
        marked[key] = replace(check, errors=errors)
    return marked


def _can_edit(request, ret):
    return request.access.can_act_for(ret.agency_id) and ret.accepts_figures


@partnership_view(Capability.VIEW_PARTNERSHIP)
def catalogue(request):
    return render(
        request,
        "metrics/catalogue.html",
        {"partnership": request.partnership, "metrics": selectors.catalogue(request.partnership)},
    )


@partnership_view()
def return_form(request, pk):
    ret = return_for(request, pk)
    can_edit = _can_edit(request, ret)
    status = 200
    unsaved = False  # the page shows typed entries that were not saved (a refused save)
    if request.method == "POST":
        if not can_edit:
            messages.error(
                request, ret.refusal() if not ret.accepts_figures else "Only the agency can change its figures."
            )
            return redirect(ret)
        cells = cells_from_post(request.POST, services.expected_cells(ret, *services.return_scope(ret)))
        try:
            checks = services.save_return(
                ret, cells, by=request.user, via="form", expected_version=request.POST.get("version", "")
            )
        except services.StaleReturn as error:
            messages.error(request, str(error))
            checks = None
            sheet = selectors.return_sheet(ret, cells=cells, checks=services.differences_from_saved(ret, cells))
            status = 409
            unsaved = True
        except services.FigureError as error:
            messages.error(request, str(error))
            return redirect(ret)
        if checks is None:
            pass
        elif any(check.errors for check in checks.values()):
            sheet = selectors.return_sheet(ret, cells=cells, checks=checks)
            messages.error(
                request,
                f"Not saved: {sheet.error_count} figure{'s need' if sheet.error_count > 1 else ' needs'} "
                "correcting. Everything you typed is still here.",
            )
            status = 422
            unsaved = True
        elif request.POST.get("action") == "submit":
            try:
                services.submit_return(ret, by=request.user)
            except services.FigureError as error:
                messages.error(request, f"Your figures are saved as a draft. {error}")
                ret.refresh_from_db()
                sheet = selectors.return_sheet(ret, cells=cells, checks=_submission_problems(checks, cells))
                status = 422
            else:
                messages.success(request, "Submitted. The business unit will check your figures.")
                return redirect(ret)
        else:
            messages.success(request, "Draft saved. You can come back to it at any time.")
            return redirect(ret)
    else:
        sheet = selectors.return_sheet(ret)
        checks = services.check_cells(
            ret,
            sheet.inputs,
            metrics=sheet.metrics,
            area_ids=sheet.area_ids,
            stored=sheet.stored,
            last_year=sheet.last_year,
        )
        sheet.attach({key: check for key, check in checks.items() if not check.blank})
    if request.method == "POST":
        ret.refresh_from_db()  # the page carries the version saved now, so the next save is not refused
    return render(
        request,
        "metrics/return_form.html",
        {
            "partnership": request.partnership,
            "ret": ret,
            "sheet": sheet,
            "can_edit": _can_edit(request, ret),
            "text_limits": TEXT_LIMITS,
            "can_decide": request.access.can(Capability.RETURN_FIGURES) and ret.is_submitted,
            "can_approve": request.access.can(Capability.APPROVE_FIGURES) and ret.is_submitted,
            "can_reopen": request.access.can(Capability.APPROVE_FIGURES) and ret.is_approved,
            "unsaved": unsaved,
            # each figure's history link is this plus its id: no URL reversed per box
            "value_url": reverse("metrics:value_history", args=[request.partnership.slug, 0]).removesuffix("0/"),
        },
        status=status,
    )


@require_POST
@partnership_view()
def submit(request, pk):
    ret = return_for(request, pk)
    if not request.access.can_act_for(ret.agency_id):
        raise Http404("No such return")
    try:
        services.submit_return(ret, by=request.user)
        messages.success(request, "Submitted. The business unit will check your figures.")
    except services.FigureError as error:
        messages.error(request, str(error))
    return redirect(ret)


def _decision(request, pk, *, capability, action, template_title, submit_label, needs_reason, done):
    ret = return_for(request, pk)
    if not request.access.can(capability):
        raise PermissionDenied("Your role does not allow this.")
    form = ReasonForm(request.POST or None, submit_label=submit_label) if needs_reason else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            if needs_reason:
                action(ret, by=request.user, reason=form.cleaned_data["reason"])
            else:
                action(ret, by=request.user)
        except services.FigureError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, done.format(agency=ret.agency.name, year=ret.round.year))
        return redirect(ret)
    if form is None:
        return redirect(ret)
    return render(
        request,
        "metrics/return_decision.html",
        {"partnership": request.partnership, "ret": ret, "form": form, "title": template_title},
        status=422 if request.method == "POST" else 200,
    )


@partnership_view(Capability.RETURN_FIGURES)
def send_back(request, pk):
    return _decision(
        request,
        pk,
        capability=Capability.RETURN_FIGURES,
        action=services.send_back_return,
        template_title="Send the return back",
        submit_label="Send back",
        needs_reason=True,
        done="Sent back to {agency} with your reason. They can change the figures and submit again.",
    )


@require_POST
@partnership_view(Capability.APPROVE_FIGURES)
def approve(request, pk):
    return _decision(
        request,
        pk,
        capability=Capability.APPROVE_FIGURES,
        action=services.approve_return,
        template_title="Approve the return",
        submit_label="Approve",
        needs_reason=False,
        done="Approved: {agency}'s {year} figures are locked and ready for the report.",
    )


@partnership_view(Capability.APPROVE_FIGURES)
def reopen(request, pk):
    return _decision(
        request,
        pk,
        capability=Capability.APPROVE_FIGURES,
        action=services.reopen_return,
        template_title="Re-open the return",
        submit_label="Re-open",
        needs_reason=True,
        done="Re-opened: {agency} can change its {year} figures again.",
    )


@partnership_view()
def return_history(request, pk):
    ret = return_for(request, pk)
    return render(
        request,
        "metrics/return_history.html",
        {
            "partnership": request.partnership,
            "ret": ret,
            "events": selectors.return_events(ret, page=request.GET.get("page")),
        },
    )


@partnership_view()
def value_history(request, pk):
    value = get_object_or_404(MetricValue.objects.select_related("metric", "area", "collected_in"), pk=pk)
    access = request.access
    if not (
        access.can(Capability.VIEW_PARTNERSHIP)
        or (value.collected_in and access.can_act_for(value.collected_in.agency_id))
    ):
        raise Http404("No such figure")
    return render(
        request,
        "metrics/value_history.html",
        {
            "partnership": request.partnership,
            "value": value,
            "events": selectors.value_history(value, page=request.GET.get("page")),
        },
    )


@partnership_view(Capability.MANAGE_FIGURES)
def open_round(request):
    """Open a year's collection: each metric goes to the agency the catalogue names as its supplier."""
    partnership = request.partnership
    form = OpenRoundForm(request.POST or None, areas=partnership_areas(partnership))
    plan = selectors.collection_plan(partnership)
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["year"]
        assignments = {
            agency: [m for m in metrics if m.is_collected_in(year)] for agency, metrics in plan.by_agency.items()
        }
        try:
            services.open_round(
                partnership=partnership,
                year=year,
                opens_on=form.cleaned_data["opens_on"],
                closes_on=form.cleaned_data["closes_on"],
                areas=form.chosen_areas(),
                assignments={agency: metrics for agency, metrics in assignments.items() if metrics},
                by=request.user,
            )
        except services.FigureError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"The {year} round is open; each agency can now see its return.")
            return redirect("metrics:round", partnership.slug, year)
    return render(
        request,
        "metrics/open_round.html",
        {"partnership": partnership, "form": form, "plan": plan},
        status=422 if request.method == "POST" else 200,
    )
