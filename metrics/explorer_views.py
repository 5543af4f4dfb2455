"""The business unit's views of the figures: round completeness, the explorer and comparators.

Reads go through `selectors`, the one write (a comparator) through `services`, and the
charts are built by `charts`; these views only wire them to a form and a template.
"""

from dataclasses import replace
from types import SimpleNamespace

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from partners import selectors as partner_selectors
from partners.access import Capability, partnership_view
from partners.fields import ReportingYearFormField

from . import charts, selectors, services
from .formatting import format_value, plain_number
from .models import CollectionRound, ComparatorKind, MetricGroup
from .validation import check_value

# --- Forms (small and used only here) ---------------------------------------------------


def metric_choices(metrics):
    """A grouped <select>: one <optgroup> per catalogue group, in the catalogue's order."""
    groups = {}
    for metric in metrics:
        label = metric.label + (f" (retired from {metric.retired_in})" if metric.retired_in else "")
        groups.setdefault(metric.group, []).append((metric.code, label))
    choices = [(MetricGroup(group).label, groups[group]) for group in MetricGroup.values if group in groups]
    return [("", "Choose a metric")] + choices


class MetricChoiceMixin:
    def _set_metrics(self, metrics):
        self.metrics_by_code = {metric.code: metric for metric in metrics}
        self.fields["metric"].choices = metric_choices(metrics)

    def clean_metric(self):
        return self.metrics_by_code[self.cleaned_data["metric"]]


class ExplorerForm(MetricChoiceMixin, forms.Form):
    metric = forms.ChoiceField(label="Metric")
    area = forms.ChoiceField(label="Area", required=False, help_text="Per-area metrics only.")
    first_year = ReportingYearFormField(label="From year", required=False, help_text='For example "2021-22".')
    last_year = ReportingYearFormField(label="To year", required=False, help_text='For example "2024-25".')

    def __init__(self, *args, metrics, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_metrics(metrics)
        self.fields["area"].choices = [("", "All areas")] + [(area.ons_code, area.name) for area in areas]
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.disable_csrf = True
        self.helper.form_id = "explorer-form"
        self.helper.layout = Layout(
            Row(
                Column("metric", css_class="col-md-5"),
                Column("area", css_class="col-md-3"),
                Column("first_year", css_class="col-md-2"),
                Column("last_year", css_class="col-md-2"),
            ),
        )
        self.helper.add_input(Submit("show", "Show figures"))

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_year"), cleaned.get("last_year")
        if first and last and last < first:
            self.add_error("last_year", f"The last year must not be before the first ({first}).")
        return cleaned


class ComparatorForm(MetricChoiceMixin, forms.Form):
    metric = forms.ChoiceField(label="Metric")
    year = ReportingYearFormField(label="Reporting year")
    geography = forms.ChoiceField(label="Geography", choices=ComparatorKind.choices, initial=ComparatorKind.ENGLAND)
    value = forms.DecimalField(
        label="Value",
        max_digits=14,
        decimal_places=4,
        help_text="In the metric's unit, as published: 21.5 for 21.5%, 65620 for £65,620.",
    )
    source = forms.CharField(
        label="Source",
        max_length=200,
        required=False,
        help_text='Where the figure was published, e.g. "DfE Children in need 2024-25, table C1".',
    )

    def __init__(self, *args, metrics, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_metrics(metrics)
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.form_id = "comparator-form"
        self.helper.layout = Layout(
            "metric",
            Row(Column("year", css_class="col-md-4"), Column("geography", css_class="col-md-4")),
            Row(Column("value", css_class="col-md-4"), Column("source", css_class="col-md-8")),
        )
        self.helper.add_input(Submit("save", "Save comparator"))

    def clean(self):
        cleaned = super().clean()
        metric, value = cleaned.get("metric"), cleaned.get("value")
        if metric is not None and value is not None:
            # The metric's own rules (a percentage is 0-100) apply; its local minimum and
            # maximum do not: England's count of referrals is far above any one area's.
            rules = SimpleNamespace(unit=metric.unit, decimals=metric.decimals, minimum=None, maximum=None)
            for message in check_value(rules, value):
                self.add_error("value", message)
        return cleaned


# --- Views -------------------------------------------------------------------------------


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
            "tables": selectors.series_tables(series),
            "figure": charts.metric_trend_figure(series),
            "description": charts.describe_series(series),
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
