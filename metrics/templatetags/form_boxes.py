"""Form markup written out in Python (see partners.widgets): `{{ form.metrics|checkbox_rows }}` for large
checkbox fields, `{{ form.year|bootstrap_field }}` for a field laid out as crispy-bootstrap5 lays it out."""

from django import template

from partners.widgets import bootstrap_field as _bootstrap_field
from partners.widgets import checkbox_rows as _checkbox_rows

register = template.Library()


@register.filter
def checkbox_rows(boxes):
    return _checkbox_rows(boxes)


@register.filter
def bootstrap_field(field):
    return _bootstrap_field(field)
