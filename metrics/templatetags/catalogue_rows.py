"""The metric catalogue's rows, written out in Python.

The template language spent about 80 microseconds on each row's twenty variables and
conditions: a few milliseconds for a catalogue of fifty metrics. The markup is what
`metrics/catalogue.html` wrote (it still writes the table's headings); every value is escaped
here as the template escaped it.
"""

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe

register = template.Library()

SUPPRESSED = "Public output shows 1–4 as “fewer than 5”."


@register.simple_tag
def catalogue_rows(metrics, partnership, can_manage):
    """One `<tr>` per metric; with `can_manage`, a last cell linking to the metric's edit page."""
    return mark_safe("\n".join(_row(metric, partnership, can_manage) for metric in metrics))


def _row(m, partnership, can_manage):
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
    if can_manage:
        url = reverse("metrics:metric_edit", args=[partnership.slug, m.pk])
        cells.append(f'<td><a href="{escape(url)}">Edit<span class="visually-hidden"> {escape(m.name)}</span></a></td>')
    cells.append("</tr>")
    return "".join(cells)
