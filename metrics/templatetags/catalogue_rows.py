"""The metric catalogue's rows, written out in Python.

The template language spent about 80 microseconds on each row's twenty variables and
conditions: a few milliseconds for a catalogue of fifty metrics. The markup is what
`metrics/catalogue.html` wrote (it still writes the table's headings); every value is escaped
here as the template escaped it.
"""

import functools

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe

register = template.Library()

SUPPRESSED = "Public output shows 1–4 as “fewer than 5”."


@register.simple_tag
def catalogue_rows(metrics, partnership, can_manage):
    """One `<tr>` per metric; with `can_manage`, a last cell linking to the metric's edit page."""
    prefix = get_script_prefix() if can_manage else None
    return mark_safe("\n".join(_row(metric, partnership, prefix) for metric in metrics))


@functools.lru_cache(maxsize=4096)
def _edit_url(slug, pk, script_prefix):
    """As {% url %} does (partnership_portal/templatetags/memo_url.py): the same partnership,
    metric and script prefix always reverse to the same path, so each is reversed once."""
    return reverse("metrics:metric_edit", args=[slug, pk])


def _row(m, partnership, edit_prefix):
    retired = (
        f' <span class="badge text-bg-secondary">retired from {escape(m.retired_in)}</span>' if m.retired_in else ""
    )
    decimals = f", {m.decimals} dp" if m.decimals else ""
    part_of = f"At most “{escape(m.part_of.name)}”. " if m.part_of else ""
    cells = [
        '<tr class="text-body-secondary">' if m.retired_in else "<tr>",
        f"<td><code>{escape(m.code)}</code></td>",
        f'<th scope="row" class="fw-normal"><span class="fw-semibold">{escape(m.label)}</span>{retired}'
        f'<div class="small">{escape(m.definition)}</div></th>',
        f"<td>{escape(m.get_unit_display())}{decimals}</td>",
        f"<td>{escape(m.get_level_display())}</td>",
        f"<td>{escape(m.get_polarity_display())}</td>",
        f"<td>{escape(m.agency.name) if m.agency and m.agency.name else '–'}</td>",
        f'<td class="small">{part_of}{SUPPRESSED if m.suppress_small else ""}</td>',
    ]
    if edit_prefix is not None:  # the person may edit the catalogue
        url = _edit_url(partnership.slug, m.pk, edit_prefix)
        cells.append(f'<td><a href="{escape(url)}">Edit<span class="visually-hidden"> {escape(m.name)}</span></a></td>')
    cells.append("</tr>")
    return "".join(cells)
