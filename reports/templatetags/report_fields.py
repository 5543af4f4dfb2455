"""`{% fields form %}`: every field of a form as a Bootstrap row (label, control, help, errors).

Written in Python, not as an included template per field: the section editor shows every block's
form at once, some fifty fields, and a template include per field was a fifth of the page's cost.
"""

from django import template
from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe

register = template.Library()


def field_row(field):
    errors = field.errors
    rows = [f'<div class="mb-3{" has-error" if errors else ""}">']
    label, control = escape(field.label), str(field)
    if field.widget_type == "checkbox":
        rows.append(
            f'<div class="form-check">{control}<label class="form-check-label" for="{escape(field.id_for_label)}">'
            f"{label}</label></div>"
        )
    elif field.widget_type == "figureref":
        rows.append(
            f'<fieldset class="figure-ref-field"><legend class="form-label fs-6">{label}</legend>{control}</fieldset>'
        )
    else:
        rows.append(f'<label class="form-label" for="{escape(field.id_for_label)}">{label}</label>{control}')
    if field.help_text:
        rows.append(f'<div class="form-text" id="{escape(field.auto_id)}_help">{escape(field.help_text)}</div>')
    rows += [
        f'<div class="invalid-feedback d-block" id="{escape(field.auto_id)}_error">{escape(e)}</div>' for e in errors
    ]
    rows.append("</div>")
    return "".join(rows)


@register.simple_tag
def fields(form):
    return mark_safe("\n".join(field_row(field) for field in form))
