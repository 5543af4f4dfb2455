"""Large checkbox fields written out in Python: `{{ form.metrics|checkbox_rows }}` (see partners.widgets)."""

from django import template

from partners.widgets import checkbox_rows as _checkbox_rows

register = template.Library()


@register.filter
def checkbox_rows(boxes):
    return _checkbox_rows(boxes)
