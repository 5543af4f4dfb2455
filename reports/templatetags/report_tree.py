"""`{% section_list tree %}`: the report page's sections, each with its move and delete controls,
written out in Python.

Every section carries three small forms and a "Move to" picker of every top-level section; in the
template language that was a third of the report page's cost (a loop inside a loop, three URL
reversals and three CSRF fields a section). The markup is what reports/_tree_item.html wrote.

The list is kept in Django's cache under a digest of everything it shows (each section's id,
heading, state, parent, place and owner's name), so an unchanged tree is not written again and a
changed one can never be served stale; the CSRF token, new on each page, goes in afterwards.
"""

import hashlib

from django import template
from django.core.cache import cache
from django.urls import reverse
from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe

register = template.Library()

CSRF_MARK = "<csrf/>"  # never in escaped text, which holds no "<"
KEEP_SECONDS = 600


def move_options(tree, section):
    options = ['<option value="">Top level</option>']
    for other in tree:
        if other.pk == section.pk:
            continue
        selected = " selected" if other.pk == section.parent_id else ""
        options.append(f'<option value="{other.pk}"{selected}>Under {escape(other.heading)}</option>')
    return "".join(options)


def _item(section, *, level, first, last, tree, slug, year, csrf):
    heading = escape(section.heading)
    hidden = f'<span class="visually-hidden">{heading}</span>'
    move = reverse("reports:section_move", args=[slug, year, section.pk])
    owner = ""
    if section.owner:
        owner = f'<span class="small">{escape(section.owner.get_full_name() or section.owner.username)}</span>'
    return (
        f'<li class="section-tree-item level-{level}" id="tree-{section.pk}">'
        '<div class="d-flex flex-wrap align-items-center gap-2 py-1 border-bottom">'
        f'<a class="me-auto" href="{reverse("reports:section", args=[slug, year, section.pk])}">{heading}</a>'
        f'<span class="small status status-{escape(section.state)}">{escape(section.get_state_display())}</span>'
        f"{owner}"
        f'<form method="post" action="{move}" class="tree-form">{csrf}'
        '<button type="submit" name="direction" value="up" class="btn btn-sm btn-outline-secondary"'
        f"{' disabled' if first else ''}>Up {hidden}</button>"
        '<button type="submit" name="direction" value="down" class="btn btn-sm btn-outline-secondary"'
        f"{' disabled' if last else ''}>Down {hidden}</button></form>"
        f'<form method="post" action="{move}" class="tree-form">{csrf}'
        f'<label class="visually-hidden" for="move-{section.pk}">Move {heading} to</label>'
        f'<select name="parent" id="move-{section.pk}" class="form-select form-select-sm">'
        f"{move_options(tree, section)}</select>"
        f'<button type="submit" class="btn btn-sm btn-outline-secondary">Move {hidden}</button></form>'
        f'<form method="post" action="{reverse("reports:section_delete", args=[slug, year, section.pk])}"'
        f' class="tree-form">{csrf}'
        f'<button type="submit" class="btn btn-sm btn-outline-danger">Delete {hidden}</button></form>'
        "</div></li>"
    )


@register.simple_tag(takes_context=True)
def section_list(context, tree):
    """Top-level sections (selectors.section_tree), each followed by its sub-sections."""
    slug, year = context["partnership"].slug, context["report"].year
    token = context.get("csrf_token")
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">' if token else ""
    key = f"section-list:{hashlib.sha256(_shown(tree, slug, year).encode()).hexdigest()}"
    markup = cache.get(key)
    if markup is None:
        markup = _markup(tree, slug, year)
        cache.set(key, markup, KEEP_SECONDS)
    return mark_safe(markup.replace(CSRF_MARK, csrf))


def _shown(tree, slug, year):
    """Everything the list shows, in order: the cache key's source."""

    def row(section):
        owner = section.owner and (section.owner.get_full_name() or section.owner.username)
        return (section.pk, section.heading, section.state, section.parent_id, owner)

    return repr([slug, str(year), [(row(section), [row(child) for child in section.child_list]) for section in tree]])


def _markup(tree, slug, year):
    items = []
    for index, section in enumerate(tree):
        place = {"tree": tree, "slug": slug, "year": year, "csrf": CSRF_MARK}
        items.append(_item(section, level=1, first=index == 0, last=index == len(tree) - 1, **place))
        children = section.child_list
        if children:
            items.append('<li><ol class="section-tree-children list-unstyled">')
            items += [
                _item(child, level=2, first=n == 0, last=n == len(children) - 1, **place)
                for n, child in enumerate(children)
            ]
            items.append("</ol></li>")
    return "\n".join(items)
