"""The business unit's metric catalogue pages: add and edit a metric (with its supplier) in the portal."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from partners.access import Capability, partnership_view

from .forms import MetricForm
from .models import Metric, MetricValue
from .services.catalogue import save_metric


def _edit(request, metric):
    has_values = metric.pk is not None and MetricValue.objects.filter(metric=metric).exists()
    form = MetricForm(request.POST or None, instance=metric, partnership=request.partnership, has_values=has_values)
    if request.method == "POST" and form.is_valid():
        created = metric.pk is None
        saved = save_metric(form.save(commit=False), by=request.user, changed=form.changed_data)
        supplier = f", supplied by {saved.agency}" if saved.agency else ", supplied by the business unit"
        messages.success(request, f"{'Added' if created else 'Saved'}: {saved.name}{supplier}.")
        return redirect("metrics:catalogue", request.partnership.slug)
    return render(
        request,
        "metrics/metric_form.html",
        {"partnership": request.partnership, "form": form, "metric": metric},
        status=422 if request.method == "POST" else 200,
    )


@partnership_view(Capability.MANAGE_FIGURES)
def metric_new(request):
    return _edit(request, Metric(partnership=request.partnership))


@partnership_view(Capability.MANAGE_FIGURES)
def metric_edit(request, pk):
    return _edit(request, get_object_or_404(Metric, partnership=request.partnership, pk=pk))
