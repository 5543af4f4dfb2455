"""Forms in crispy-forms' Bootstrap 5 markup, written in Python by `partners.widgets.bootstrap_field`.

`{{ field|bootstrap_field }}` writes what `{{ field|as_crispy_field }}` writes, and
`{% bootstrap_form form %}` what `{{ form|crispy }}` writes (the form's non-field errors, then
every field): the same elements, ids, classes and aria attributes, without crispy's whitespace
and its ten nested templates a field (a form of nine fields was half of a page's cost). A field
`bootstrap_field` does not lay out (a file box, a multi-widget) is handed to crispy-forms.
"""

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from partners import widgets

register = template.Library()


@register.filter
def bootstrap_field(field):
    """One field as `|as_crispy_field` writes it (its errors in <p>s)."""
    try:
        return widgets.bootstrap_field(field, inline_errors=False)
    except TypeError:
        return as_crispy_field(field)


@register.simple_tag
def bootstrap_fields(form):
    """Every field of a form, one after another (as `{% for field in form %}{{ field|as_crispy_field }}`)."""
    return mark_safe("".join(bootstrap_field(field) for field in form))


@register.simple_tag
def bootstrap_form(form):
    """A whole form as `{{ form|crispy }}` writes it: the non-field errors, then every field."""
    errors = form.non_field_errors()
    summary = ""
    if errors:
        items = "".join(f"<li>{conditional_escape(error)}</li>" for error in errors)
        summary = f'<div class="alert alert-block alert-danger"><ul class="m-0">{items}</ul></div>'
    return mark_safe(summary + bootstrap_fields(form))
