"""The explorer's table rows (one per year), written out in Python.

Each row has a few dozen variables and conditions; the template language spent about 70
microseconds a row on them, a few milliseconds for a metric with several areas and ten years.
The markup is what `metrics/explorer.html` wrote (it still writes each table's caption and
headings); every value is escaped here as the template escaped it.
"""

from django import template
from django.utils.formats import date_format
from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

register = template.Library()

NONE = '<span aria-hidden="true">–</span>'
ARROWS = {"up": "▲", "down": "▼"}  # anything else: ●
PLAIN_DIRECTIONS = {"same", "up", "down"}  # said as the change word; better / worse also say it hidden


@register.simple_tag
def series_rows(table, partnership):
    """The table's `<tr>` elements: a succession row where the publisher changes, then the year's row."""
    has = table.has
    out = []
    for row in table.rows:
        if row.succession:
            out.append(_succession_row(row, table.column_count, partnership))
        out.append(_row(row, has))
    return mark_safe("\n".join(out))


def _succession_row(row, column_count, partnership):
    if row.publisher:
        publisher = escape(row.publisher)
    else:
        publisher = escape(partnership.name)
        if partnership.started_on:
            publisher += f" (from {escape(date_format(partnership.started_on, 'j F Y'))})"
    return (
        f'<tr class="succession-row"><td colspan="{column_count}"><span class="succession-marker" aria-hidden="true">'
        f"┃</span> From here, figures published by {publisher}</td></tr>"
    )


def _row(row, has):
    classes = ("" if row.figure else "gap-row") + (" predecessor-row" if row.publisher else "")
    cells = [f'<tr class="{classes}">', _year_cell(row), _value_cell(row)]
    if has["share"]:
        cells.append(f'<td class="text-end share">{escape(row.share)}</td>')
    if has["rank"]:
        rank_change = f'<div class="small">{escape(row.rank_change)}</div>' if row.rank_change else ""
        cells.append(f'<td class="text-end rank">{escape(row.rank)}{rank_change}</td>')
    cells += [_change_cell(row), _direction_cell(row)]
    cells += (_comparator_cell(text) for text in row.comparators)
    if has["commentary"]:
        cells.append(f'<td class="small commentary">{escape(row.commentary)}</td>')
    notes = "; ".join(escape(note) for note in row.notes)
    cells.append(f'<td class="small notes">{notes}</td></tr>')
    return "".join(cells)


def _year_cell(row):
    out = [f'<th scope="row">{escape(row.year)}']
    if row.period and row.period != str(row.year):
        covers = "" if row.partial else "covers "
        badge = ' <span class="badge text-bg-warning">part year</span>' if row.partial else ""
        out.append(f'<div class="small fw-normal">{covers}{escape(row.period)}{badge}</div>')
    if row.publisher:
        out.append(f'<div class="small fw-normal publisher">Published by {escape(row.publisher)}</div>')
    out.append("</th>")
    return "".join(out)


def _value_cell(row):
    if not row.figure:
        value = f'{NONE}<span class="visually-hidden">no approved figure</span>'
    elif row.figure.not_known:
        value = '<abbr title="Not known">N/K</abbr>'
    else:
        value = escape(row.value)
    return f'<td class="text-end value">{value}</td>'


def _change_cell(row):
    if row.change == "–":
        change = f'{NONE}<span class="visually-hidden">no comparison</span>'
        if row.not_comparable:
            change += '<div class="small">not comparable with the period before</div>'
    else:
        change = escape(row.change)
    return f'<td class="text-end change">{change}</td>'


def _direction_cell(row):
    if not row.direction:
        return f'<td class="direction-cell">{NONE}</td>'
    arrow = ARROWS.get(row.movement, "●")
    if row.direction in PLAIN_DIRECTIONS:
        words = escape(row.change_word)
    else:
        words = f'{escape(capfirst(row.direction))}<span class="visually-hidden"> ({escape(row.change_word.lower())})</span>'
    return (
        f'<td class="direction-cell"><span class="direction direction-{escape(row.direction)}">'
        f'<span class="direction-arrow" aria-hidden="true">{arrow}</span> {words}</span></td>'
    )


def _comparator_cell(text):
    shown = f'{NONE}<span class="visually-hidden">none</span>' if text == "–" else escape(text)
    return f'<td class="text-end comparator">{shown}</td>'
