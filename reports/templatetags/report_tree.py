"""`{% move_options tree section %}`: where a section can move to, written out once per section in Python.

The report page lists every section with a "Move to" picker of every top-level section; in the
template language that is a loop inside a loop, the page's largest cost.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def move_options(tree, section):
    options = ['<option value="">Top level</option>']
    for other in tree:
        if other.pk == section.pk:
            continue
        selected = " selected" if other.pk == section.parent_id else ""
        options.append(f'<option value="{other.pk}"{selected}>Under {conditional_escape(other.heading)}</option>')
    return mark_safe("".join(options))
