from dataclasses import replace

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from partners import selectors as partner_selectors
from partners.access import Capability, partnership_view
from partners.prepared import NO_ID, PreparedQuery
from partners.selectors import areas_of as partnership_areas

from . import selectors, services
from .forms import OpenRoundForm, ReasonForm, StatementForm, cells_from_post
from .models import MetricValue, Return
from .presentation import Publishers, details_text
from .validation import TEXT_LIMITS

_return_in = PreparedQuery(
    lambda partnership_id, pk: Return.objects.filter(partnership_id=partnership_id, pk=pk).select_related(
        "round", "agency", "partnership"
    ),
    partnership_id=NO_ID,
    pk=NO_ID - 1,
)


def return_for(request, pk) -> Return:
    """The return in the URL, if this user may see it: the business unit, or its own agency. Else 404."""
    found = _return_in(partnership_id=request.partnership.pk, pk=int(pk))
    access = request.access
    if found and (access.can(Capability.VIEW_PARTNERSHIP) or access.can_act_for(found[0].agency_id)):
        return found[0]
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
    value = get_object_or_404(
        MetricValue.objects.select_related("metric", "area", "collected_in", "published_by", "released_by"), pk=pk
    )
    access = request.access
    if not (
        access.can(Capability.VIEW_PARTNERSHIP)
        or (value.collected_in and access.can_act_for(value.collected_in.agency_id))
    ):
        raise Http404("No such figure")
    return _value_history_page(request, value)


def _value_history_page(request, value, *, release_form=None, status=200):
    access = request.access
    statement = selectors.statement_of(value, threshold=request.partnership.small_number_threshold)
    can_release = access.can(Capability.APPROVE_FIGURES) and (statement.suppressed_in_public or value.is_released)
    return render(
        request,
        "metrics/value_history.html",
        {
            "partnership": request.partnership,
            "value": value,
            "statement": statement,
            "can_restate": access.can(Capability.MANAGE_FIGURES),
            "can_release": can_release,
            "release_form": release_form or ReasonForm(),
            "events": selectors.value_history(value, page=request.GET.get("page")),
        },
        status=status,
    )


@require_POST
@partnership_view(Capability.APPROVE_FIGURES)
def value_release(request, pk):
    """An approver releases one suppressed figure for publication, or withdraws the release, with a reason."""
    value = get_object_or_404(MetricValue.objects.select_related("metric", "area", "collected_in"), pk=pk)
    form = ReasonForm(request.POST)
    action = services.withdraw_release if request.POST.get("withdraw") else services.release_figure
    if form.is_valid():
        try:
            action(value, reason=form.cleaned_data["reason"], by=request.user)
        except services.FigureError as error:
            form.add_error("reason", str(error))
        else:
            done = "suppressed again" if action is services.withdraw_release else "released for publication"
            messages.success(request, f"The figure is {done}; the audit trail records why.")
            return redirect(value.get_absolute_url())
    return _value_history_page(request, value, release_form=form, status=422)


@partnership_view(Capability.MANAGE_FIGURES)
def value_statement(request, pk):
    """How one figure is stated (period, precision, commentary, rank, share, publisher); its number stays."""
    value = get_object_or_404(MetricValue.objects.select_related("metric", "area", "published_by"), pk=pk)
    predecessors = list(Publishers.of(request.partnership).predecessors.values())
    form_kwargs = {"predecessors": predecessors, "partnership": request.partnership}
    status = 200
    if request.method == "POST":
        form = StatementForm(request.POST, **form_kwargs)
        if form.is_valid():
            errors = services.restate_value(value, form.texts(), by=request.user)
            if not errors:
                messages.success(request, "Saved how the figure is stated; the audit trail records the change.")
                return redirect(value.get_absolute_url())
            for error in errors:
                form.add_error(None, error)
        status = 422
    else:
        initial = details_text(value)
        initial["period_kind"] = initial["period_kind"] or "reporting_year"
        form = StatementForm(initial=initial, **form_kwargs)
    return render(
        request,
        "metrics/value_statement.html",
        {"partnership": request.partnership, "value": value, "form": form},
        status=status,
    )


@partnership_view(Capability.MANAGE_FIGURES)
def open_round(request):
    """Open a year's collection in two steps: a preview of who will be asked for what (nothing is
    created), then "Open the round". Metrics that would have no supplier refuse the round, with
    the choice that fixes them (an area's council) on the same form."""
    partnership = request.partnership
    form = OpenRoundForm(
        request.POST or None, areas=partnership_areas(partnership), councils=partner_selectors.councils()
    )
    plan, status = None, 200
    if request.method == "POST" and form.is_valid():
        year, areas, councils = form.cleaned_data["year"], form.chosen_areas(), form.chosen_councils()
        plan = selectors.collection_plan(partnership, year, areas, councils)
        for area, metrics in plan.without_council.items():
            if OpenRoundForm.council_field(area) in form.fields:
                form.add_error(
                    OpenRoundForm.council_field(area),
                    f"Choose {area.name}'s council: otherwise no one is asked for its {len(metrics)} area figures.",
                )
        if plan.refused:
            status = 422
        elif "open" in request.POST:
            try:
                services.open_planned_round(
                    partnership=partnership,
                    year=year,
                    opens_on=form.cleaned_data["opens_on"],
                    closes_on=form.cleaned_data["closes_on"],
                    areas=areas,
                    councils=councils,
                    by=request.user,
                )
            except services.FigureError as error:
                form.add_error(None, str(error))
                status = 422
            else:
                messages.success(request, f"The {year} round is open; each agency can now see its return.")
                return redirect("metrics:round", partnership.slug, year)
    elif request.method == "POST":
        status = 422
    return render(
        request,
        "metrics/open_round.html",
        {"partnership": partnership, "form": form, "plan": plan},
        status=status,
    )
