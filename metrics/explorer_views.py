"""The business unit's views of the figures: round completeness, the explorer and comparators.

Reads go through `selectors`, the one write (a comparator) through `services`, and the
charts are built by `charts`; these views only wire them to a form and a template.
"""

from dataclasses import replace

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from partners import selectors as partner_selectors
from partners.access import Capability, partnership_view

from . import charts, selectors, services
from .formatting import format_value, plain_number
from .forms import ComparatorForm, ExplorerForm
from .models import CollectionRound, ComparatorKind


@partnership_view(Capability.VIEW_PARTNERSHIP)
def round_progress(request, year):
    partnership = request.partnership
    collection = get_object_or_404(CollectionRound, partnership=partnership, year=year)
    progress, returns = selectors.round_completeness(collection)
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
        },
    )


@partnership_view(Capability.VIEW_PARTNERSHIP)
def explorer(request):
    partnership = request.partnership
    form = ExplorerForm(
        request.GET or None,
        metrics=selectors.catalogue(partnership),
        areas=partner_selectors.areas_of(partnership),
    )
    context = {"partnership": partnership, "form": form}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        metric = data["metric"]
        series = selectors.metric_series(
            partnership, metric, first_year=data["first_year"], last_year=data["last_year"]
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
    metrics = selectors.catalogue(partnership)
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
