"""The business unit's own figures, uploaded in the browser with the checks of `import_figures`.

The figures the business unit supplies itself (metrics with no supplying agency) and England
and regional comparators arrive in the export's layout. "Check the file" reads every row and
imports nothing (the command's --dry-run); "Check and import" imports only when every row
passes, all rows or none, and the import is in the audit trail. Figures an agency supplies go
through that agency's return, so rows for them are refused here.
"""

from django.contrib import messages
from django.shortcuts import redirect, render

from partners.access import Capability, partnership_view

from . import services, tabular
from .forms import UploadForm


def _plural(count, word):
    return f"{count} {word}{'' if count == 1 else 's'}"


def _only_the_business_units_own(rows):
    for row in rows:
        if row.metric is not None and not row.geography and row.metric.agency_id:
            row.errors.append(
                f"“{row.metric.name}” is supplied by {row.metric.agency.name} through its return: "
                "it is not uploaded here."
            )


@partnership_view(Capability.MANAGE_FIGURES)
def upload_figures(request):
    partnership = request.partnership
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"partnership": partnership, "form": form}
    if request.method != "POST" or not form.is_valid():
        return render(request, "metrics/upload_figures.html", context, status=422 if request.method == "POST" else 200)
    rows = tabular.match_rows(partnership, form.dataset)
    _only_the_business_units_own(rows)
    name = request.FILES["file"].name
    if not rows:
        form.add_error("file", "There are no figures in this file: fill in the value column, then upload it again.")
        return render(request, "metrics/upload_figures.html", context, status=422)
    rejected = [row for row in rows if row.errors]
    comparators = sum(1 for row in rows if row.geography)
    context.update(
        filename=name,
        rejected=rejected,
        figures=_plural(len(rows) - comparators, "figure"),
        comparators=_plural(comparators, "comparator"),
    )
    if rejected or "import" not in request.POST:
        return render(request, "metrics/upload_figures.html", context, status=422 if rejected else 200)
    written = services.import_figures(partnership, rows, by=request.user, via="upload")
    messages.success(
        request,
        f"Imported {name}: {context['figures']} and {context['comparators']}; "
        f"{written} new or changed, {len(rows) - written} unchanged.",
    )
    return redirect("metrics:upload_figures", partnership.slug)
