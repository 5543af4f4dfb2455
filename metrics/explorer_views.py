"""The business unit's views of the figures: round completeness, the explorer and comparators.

Reads go through `selectors`, the one write (a comparator) through `services`, and the
charts are built by `charts`; these views only wire them to a form and a template.
"""

from dataclasses import replace

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from partners import selectors as partner_selectors
from partners.access import Capability, partnership_view

from . import charts, selectors, services
from .formatting import format_value, plain_number
from .forms import ComparatorForm, ExplorerForm
from .models import CollectionRound, ComparatorKind, Return
from .progress import days_phrase, return_progress, today
from .services.reminders import send_reminder


@partnership_view(Capability.VIEW_PARTNERSHIP)
def round_progress(request, year):
    partnership = request.partnership
    collection = get_object_or_404(CollectionRound, partnership=partnership, year=year)
    progress, returns = selectors.round_completeness(collection)
    for ret in returns:
        ret.round = collection  # the same round for all: no query per return
    filled = {row.ret.pk: row for row in return_progress(returns)}
    returns = [replace_progress(ret, filled[ret.pk]) for ret in returns]
    title = f"Returns by status, {collection.year} collection"
    return render(
        request,
        "metrics/round_progress.html",
        {
            "partnership": partnership,
            "round": collection,
            "progress": progress,
            "returns": returns,
            "figure": charts.completeness_figure([progress], title=title),
            "description": charts.describe_completeness([progress]),
            "can_remind": request.access.can(Capability.RETURN_FIGURES),
            "days_left": days_phrase((collection.closes_on - today()).days),
            "has_closed": collection.closes_on < today(),
        },
    )


def replace_progress(ret, row):
    ret.progress = row  # figures filled, days to the deadline, for the table
    return ret


@require_POST
@partnership_view(Capability.RETURN_FIGURES)
def remind(request, year, pk):
    """E-mail the agency's submitters (through a background task) that its return is due."""
    collection = get_object_or_404(CollectionRound, partnership=request.partnership, year=year)
    ret = get_object_or_404(Return.objects.select_related("round", "agency", "partnership"), pk=pk, round=collection)
    (row,) = return_progress([ret])
    try:
        sent = send_reminder(
            ret,
            by=request.user,
            return_url=request.build_absolute_uri(ret.get_absolute_url()),
            filled=row.filled,
            expected=row.expected,
            deadline=row.deadline,
        )
    except services.FigureError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"Reminder on its way to {ret.agency.name}'s {sent} submitter{'s' if sent != 1 else ''}; "
            "it is in the return's history.",
        )
    return redirect("metrics:round", request.partnership.slug, collection.year)


@partnership_view(Capability.VIEW_PARTNERSHIP)
def explorer(request):
    partnership = request.partnership
    areas = partner_selectors.areas_of(partnership)  # by name: the area picker's choices and the series' tables
    form = ExplorerForm(request.GET or None, metrics=selectors.metric_picker(partnership), areas=areas)
    context = {"partnership": partnership, "form": form}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        metric = data["metric"]
        series = selectors.metric_series(
            partnership, metric, first_year=data["first_year"], last_year=data["last_year"], areas=areas
        )
        if data["area"] and metric.is_per_area:
            series = replace(series, by_area=[(a, p) for a, p in series.by_area if a.ons_code == data["area"]])
        context |= {
            "metric": metric,
            "series": series,
            "tables": selectors.series_tables(series, public=data["as_public"]),
            "figure": charts.metric_trend_figure(series, public=data["as_public"]),
            "description": charts.describe_series(series, public=data["as_public"]),
        }
    return render(request, "metrics/explorer.html", context)


@partnership_view(Capability.MANAGE_FIGURES)
def comparators(request):
    partnership = request.partnership
    metrics = selectors.metric_picker(partnership)
    status = 200
    if request.method == "POST":
        form = ComparatorForm(request.POST, metrics=metrics)
        if form.is_valid():
            data = form.cleaned_data
            metric = data["metric"]
            services.set_comparator(
                metric=metric,
                year=data["year"],
                geography=data["geography"],
                value=data["value"],
                source=data["source"],
                by=request.user,
            )
            shown = format_value(data["value"], unit=metric.unit, decimals=metric.decimals)
            messages.success(
                request,
                f"Saved: {metric.name}, {ComparatorKind(data['geography']).label}, {data['year']}: {shown}.",
            )
            page_url = reverse("metrics:comparators", args=[partnership.slug])
            return redirect(f"{page_url}?{urlencode({'metric': metric.code})}")
        status = 422
    shown_metric = next((m for m in metrics if m.code == request.GET.get("metric")), None)
    listing = selectors.comparator_list(partnership, metric=shown_metric)
    if request.method != "POST":
        form = ComparatorForm(initial=_comparator_initial(request.GET, listing), metrics=metrics)
    return render(
        request,
        "metrics/comparators.html",
        {
            "partnership": partnership,
            "form": form,
            "metrics": metrics,
            "shown_metric": shown_metric,
            "listing": listing,
        },
        status=status,
    )


def _comparator_initial(query, listing):
    """Pre-fill from an "Update" link (?metric=…&year=…&geography=…) with the stored value."""
    initial = {name: query[name] for name in ("metric", "year", "geography") if query.get(name)}
    for metric, rows in listing:
        for comparator, _ in rows:
            if (metric.code, str(comparator.year), comparator.geography) == (
                initial.get("metric"),
                initial.get("year"),
                initial.get("geography"),
            ):
                initial |= {"value": plain_number(comparator.value), "source": comparator.source}
    return initial
