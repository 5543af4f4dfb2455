"""Figures in and out as spreadsheets: a return's template and import, and the business unit's export.

The upload is read once; the preview's rows travel to the confirmation as a signed,
compressed payload in a hidden field, so nothing is kept on the server in between and
the payload cannot be altered. The confirmation checks everything again as it saves.
"""

from collections import Counter

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify

from partners import versions
from partners.access import Capability, partnership_view

from . import selectors, services, tabular
from .cells import stored_values
from .forms import ExportForm, UploadForm
from .views import return_for

PREVIEW_MAX_AGE = 2 * 60 * 60  # seconds a preview may wait for its confirmation


def _file_response(filename, content_type, content):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- A return's template and import -------------------------------------------------------


@partnership_view()
def return_template(request, pk, fmt):
    """The return as a spreadsheet: every cell it expects, pre-filled with what is stored now."""
    if fmt not in tabular.CONTENT_TYPES:
        raise Http404("Templates come as .csv or .xlsx")
    ret = return_for(request, pk)
    basename = "-".join([slugify(request.partnership.slug), slugify(ret.agency.name), str(ret.year)])
    content = versions.cached(  # made again after any save of the return or change to its metrics
        request.partnership,
        f"return-template:{ret.pk}:{ret.version}:{fmt}",
        lambda: tabular.dataset_bytes(tabular.template_dataset(selectors.return_sheet(ret)), fmt),
    )
    return _file_response(f"{basename}.{fmt}", tabular.CONTENT_TYPES[fmt], content)


def _payload_salt(request, ret):
    # Bound to the return's version: a preview made before a later save cannot be replayed over it.
    return f"metrics.return_import:{ret.pk}:{request.user.pk}:{ret.version}"


def _can_import(request, ret):
    return request.access.can_act_for(ret.agency_id)


def _render_upload(request, ret, form, status=200):
    return render(
        request,
        "metrics/return_import.html",
        {"partnership": request.partnership, "ret": ret, "form": form, "can_import": _can_import(request, ret)},
        status=status,
    )


def _render_preview(request, ret, preview, *, filename, blank_rows=0, form=None):
    has_errors = any(item.errors for item in preview)
    payload = ""
    if not has_errors and _can_import(request, ret):
        data = {"file": filename, "rows": tabular.rows_to_data([item.row for item in preview])}
        payload = signing.dumps(data, salt=_payload_salt(request, ret), compress=True)
    states = [item.state for item in preview]
    return render(
        request,
        "metrics/return_import_preview.html",
        {
            "partnership": request.partnership,
            "ret": ret,
            "preview": preview,
            "filename": filename,
            "error_rows": [item for item in preview if item.errors],
            # Never every row: the page stays the size of what needs attention, not of the file.
            "attention_rows": [item for item in preview if item.errors or item.warnings],
            "warning_count": sum(1 for item in preview if item.warnings),
            "counts": {state: states.count(state) for state in ("new", "changed", "unchanged")},
            "blank_rows": blank_rows,
            "payload": payload,
            "can_import": _can_import(request, ret),
            "form": form or UploadForm(),
        },
        status=422 if has_errors else 200,
    )


def _confirm(request, ret):
    try:
        data = signing.loads(request.POST["payload"], salt=_payload_salt(request, ret), max_age=PREVIEW_MAX_AGE)
    except signing.SignatureExpired:
        messages.error(request, "The preview was too old to import. Upload your file again.")
        return _render_upload(request, ret, UploadForm(), status=400)
    except signing.BadSignature:
        messages.error(
            request,
            "The preview no longer matches the return (it changed since) or was damaged. Upload your file again.",
        )
        return _render_upload(request, ret, UploadForm(), status=400)
    metrics, _ = services.return_scope(ret)
    rows = tabular.rows_from_data(data["rows"], metrics)
    if len(rows) != len(data["rows"]):
        messages.error(request, "The return's metrics changed after the preview. Upload your file again.")
        return _render_upload(request, ret, UploadForm(), status=409)
    cells = {services.cell_key(row.metric.pk, row.area_id): row.cell for row in rows}
    stored = stored_values(ret.partnership, [m.pk for m in metrics], ret.round.year)
    states = Counter(
        tabular.PreviewRow(row, stored=stored.get(services.cell_key(row.metric.pk, row.area_id))).state for row in rows
    )
    try:
        checks = services.save_return(ret, cells, by=request.user, via="import", expected_version=ret.version)
    except services.FigureError as error:
        messages.error(request, str(error))
        return redirect(ret)
    if any(check.errors for check in checks.values()):
        # The stored figures moved since the preview (a whole changed, say): show the rows again.
        messages.error(request, "Nothing was imported: some figures no longer pass the checks.")
        return _render_preview(request, ret, tabular.return_preview(ret, rows), filename=data["file"])
    messages.success(
        request,
        f"Imported {data['file']}: {states['new']} new, {states['changed']} changed, "
        f"{states['unchanged']} unchanged. Check them here, then submit the return when it is complete.",
    )
    return redirect(ret)


@partnership_view()
def return_import(request, pk):
    """Upload → preview with row-level errors → confirm: the whole file or nothing.

    Whoever may see the return may check a file against it; only the agency's own
    submitters may confirm, and only while the return is editable.
    """
    ret = return_for(request, pk)
    if not ret.accepts_figures:
        messages.error(request, ret.refusal())
        return redirect(ret)
    if request.method != "POST":
        return _render_upload(request, ret, UploadForm())
    if "payload" in request.POST:
        if not _can_import(request, ret):
            raise PermissionDenied("Only the agency's own submitters can import figures into its return.")
        return _confirm(request, ret)
    metrics, area_ids = services.return_scope(ret)
    asked = len(services.expected_cells(ret, metrics, area_ids))
    form = UploadForm(
        request.POST,
        request.FILES,
        # A return's file holds at most one row per figure it asks for: reading stops there.
        max_rows=asked,
        too_many=(
            f"This return asks for {asked:,} figure{'s' if asked != 1 else ''}, and the file has more rows than "
            "that. Upload only this return's rows: download its template and fill that in."
        ),
    )
    if not form.is_valid():
        return _render_upload(request, ret, form, status=422)
    rows = tabular.match_rows(request.partnership, form.dataset)
    if not rows:
        form.add_error(
            "file",
            "There are no figures in this file: fill in the value column (a number, or N/K), then upload it again.",
        )
        return _render_upload(request, ret, form, status=422)
    return _render_preview(
        request,
        ret,
        tabular.return_preview(ret, rows),
        filename=request.FILES["file"].name,
        blank_rows=tabular.blank_row_count(form.dataset),
    )


# --- The business unit's export -----------------------------------------------------------


def _export_basename(partnership, years):
    if not years:
        return f"{slugify(partnership.slug)}-figures-all-years"
    first, last = min(years), max(years)
    span = str(first) if first == last else f"{first}-to-{last}"
    return f"{slugify(partnership.slug)}-figures-{span}"


@partnership_view(Capability.MANAGE_FIGURES)
def export(request):
    """Choose years, areas and metrics; the same address with the choices downloads the file."""
    partnership = request.partnership
    form = ExportForm(request.GET if "format" in request.GET else None, options=selectors.export_options(partnership))
    if form.is_bound and form.is_valid():
        years = sorted(form.cleaned_data["years"])
        codes, whole = form.places()
        values, comparators = selectors.values_for_export(
            partnership,
            years=years or None,
            area_codes=list(codes) if codes is not None and not whole else None,
            metric_codes=form.cleaned_data["metrics"] or None,
            approved_only=form.cleaned_data["approved_only"],
        )
        if codes is not None:
            values = [v for v in values if (v.area.ons_code in codes if v.area else whole)]
            comparators = [c for c in comparators if c.geography in codes]
        dataset = tabular.export_dataset(values, comparators)
        fmt = form.cleaned_data["format"]
        return _file_response(*tabular.download(dataset, fmt, _export_basename(partnership, years)))
    return render(
        request,
        "metrics/export.html",
        {"partnership": partnership, "form": form},
        status=422 if form.is_bound else 200,
    )
