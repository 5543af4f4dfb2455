"""How form widgets become HTML: the commonest written out in Python, the rest through Django's
own widget templates compiled by Jinja2.

The section editor shows every block's form at once (some fifty controls) and the catalogue and
reference pages hundreds of options. Django renders each control through a template; through its
Jinja2 copies (same markup) that is two to three times faster than through its template language,
and text boxes, text areas and checkboxes, written out here exactly as Django's templates write
them (tests/portal/test_form_rendering.py compares them), ten times faster. Templates that exist
only for Django's template language (the admin's widgets) are still found, through it.
"""

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from partners.widgets import template_attrs


def _text(value):
    """What `{{ value|stringformat:'s' }}` writes: the value as text, escaped unless marked safe."""
    return conditional_escape(value if isinstance(value, str) else str(value))


def _input(widget):
    """django/forms/widgets/input.html (text, number, date, hidden, checkbox and the other inputs)."""
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{value}{template_attrs(widget["attrs"])}>'
    )


def _textarea(widget):
    """django/forms/widgets/textarea.html."""
    value = _text(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_text(widget["name"])}"{template_attrs(widget["attrs"])}>\n{value}</textarea>'


INPUTS = "checkbox color date datetime email file hidden input number password search tel text time url".split()
WRITTEN_IN_PYTHON = {
    **{f"django/forms/widgets/{name}.html": _input for name in INPUTS},
    "django/forms/widgets/textarea.html": _textarea,
}


class FormRenderer(BaseRenderer):
    jinja2 = Jinja2()
    django_templates = DjangoTemplates()

    def get_template(self, template_name):
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return self.django_templates.get_template(template_name)

    def render(self, template_name, context, request=None):
        write = WRITTEN_IN_PYTHON.get(template_name)
        if write is None:
            return super().render(template_name, context, request=request)
        return mark_safe(write(context["widget"]))
