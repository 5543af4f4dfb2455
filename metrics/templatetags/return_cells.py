"""The return form's boxes, written out in Python.

An 800-figure return has 800 boxes; the template language spends about a tenth of a
millisecond on each one's dozen variables and conditions, this a few microseconds. The markup
is the template's (`metrics/return_form.html` renders the rest of the page); every value is
escaped here. The explanation and note fields of an empty box are added by return-form.js
from the page's `<template id="cell-fields">` when needed.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from ..validation import TEXT_LIMITS

register = template.Library()

INVALID = ' aria-invalid="true"'
RANK = ' data-rank="1"'
LOCKED_REASON = '<span class="locked-reason">Locked: already approved. Ask the business unit to change it.</span> '


@register.simple_tag(takes_context=True)
def return_cells(context, row):
    """The row's boxes as `<td>` elements. Context: sheet, can_edit, year, value_url."""
    sheet, can_edit = context["sheet"], context["can_edit"]
    metric = row.metric
    colspan = f' colspan="{len(sheet.areas)}"' if not metric.is_per_area and sheet.has_per_area else ""
    rank = metric.unit == "rank"
    label_tail = escape(f": {metric.name}, {context['year']}")
    return mark_safe(
        "".join(
            _cell(cell, colspan, rank, label_tail, can_edit=can_edit, value_url=context["value_url"])
            for cell in row.cells
        )
    )


def _cell(cell, colspan, rank, label_tail, *, can_edit, value_url):
    s = cell.field_suffix
    area = escape(cell.area_name)
    given = cell.input
    fixed = cell.locked or not can_edit
    readonly = " readonly" if fixed else ""
    errors = " ".join(cell.errors)
    warnings = " ".join(cell.warnings)
    classes = "cell" + (" is-locked" if fixed else "") + (" has-error" if errors else "")
    classes += " has-warning" if warnings else ""
    described = f"h-{s}" + (f" err-{s}" if errors else "") + (f" warn-{s}" if warnings else "")
    out = [
        f'<td{colspan} class="{classes}" data-area="{area}">',
        f'<input class="form-control{" is-invalid" if errors else ""}" id="v-{s}" name="v-{s}" '
        f'value="{escape(given.raw)}" aria-label="{area}{label_tail}" aria-describedby="{described}"'
        f"{INVALID if errors else ''}{readonly}>",
    ]
    if errors:
        out.append(f'<div class="invalid-feedback d-block" id="err-{s}">{escape(errors)}</div>')
    locked_reason = LOCKED_REASON if cell.locked and can_edit else ""
    out.append(
        f'<div class="form-text" id="h-{s}">{locked_reason}Last year: {escape(cell.last_year_text or "none")}</div>'
    )
    if warnings:
        out.append(f'<div class="warning-text" id="warn-{s}">{escape(warnings)}</div>')
    if warnings or given.explanation:
        unexplained = errors and warnings and not given.explanation
        invalid = f' aria-invalid="true" aria-describedby="err-{s}"' if unexplained else ""
        out.append(
            '<div class="explanation">'
            f'<label class="form-label small mb-0" for="x-{s}">Explain the change</label>'
            f'<textarea class="form-control form-control-sm{" is-invalid" if unexplained else ""}" rows="2" '
            f'id="x-{s}" name="x-{s}" maxlength="{TEXT_LIMITS["explanation"]}"{invalid}{readonly}>'
            f"{escape(given.explanation)}</textarea>"
            "</div>"
        )
    note = escape(cell.note_text)
    if fixed:
        if note:
            out.append(f'<p class="note">Note: {note}</p>')
    elif errors and note:
        out.append(_note_fields(s, given, rank))  # a refused note is shown where it can be corrected
    else:
        out.append(
            f'<details class="note"{RANK if rank else ""}>'
            f"<summary>Note{', out of' if rank else ''}{': ' + note if note else ''}</summary>"
        )
        for prefix, value in (("n", given.note), ("q", given.qualifier), ("r", given.rank_out_of)):
            if value:
                out.append(f'<input type="hidden" name="{prefix}-{s}" value="{escape(value)}">')
        out.append("</details>")
    if cell.value is not None:
        out.append(f'<a href="{value_url}{cell.value.pk}/">History</a>')
    out.append("</td>")
    return "".join(out)


def _note_fields(s, given, rank):
    """The note fields written out, open (as return-form.js makes them from the page's template)."""
    out = [
        f'<details class="note" open><summary>Note{", out of" if rank else ""}</summary>',
        f'<label class="form-label mb-0" for="n-{s}">Note (e.g. “as at 31 March”)</label>'
        f'<input class="form-control form-control-sm" id="n-{s}" name="n-{s}" value="{escape(given.note)}" '
        f'maxlength="{TEXT_LIMITS["note"]}">',
        f'<label class="form-label mb-0" for="q-{s}">Covers part of the year (e.g. “Q2-Q4 only”)</label>'
        f'<input class="form-control form-control-sm" id="q-{s}" name="q-{s}" value="{escape(given.qualifier)}" '
        f'maxlength="{TEXT_LIMITS["qualifier"]}">',
    ]
    if rank:
        out.append(
            f'<label class="form-label mb-0" for="r-{s}">Out of how many</label>'
            f'<input class="form-control form-control-sm" id="r-{s}" name="r-{s}" '
            f'value="{escape(given.rank_out_of)}" inputmode="numeric">'
        )
    out.append("</details>")
    return "".join(out)
