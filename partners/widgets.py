"""Form widgets written out in Python where Django's template per <option> is too slow.

Django renders every <option> of a <select> through its own template: a 200-metric picker costs
about 20 ms a page. These widgets build the same markup (and take the same attributes, so
crispy-forms styles and labels them as before) with a string join. `bootstrap_field` lays out a
whole field (label, box, errors, help text) as crispy-bootstrap5 does, for forms laid out by hand.
"""

import functools

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _attrs(attrs):
    """What django.forms.utils.flatatt writes (valued attributes sorted, then the True ones bare and sorted;
    False and None left out), without its format_html_join per attribute."""
    if not attrs:
        return ""
    valued, bare = [], []
    for name, value in sorted(attrs.items()):
        if isinstance(value, bool):
            if value:
                bare.append(f" {name}")
        elif value is not None:
            valued.append(f' {name}="{conditional_escape(value)}"')
    return "".join(valued + bare)


def _template_attrs(attrs):
    """What Django's django/forms/widgets/attrs.html writes: in order, True bare, False left out."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def checkbox_rows(boxes):
    """Bootstrap form-check rows (box, then its label) for a checkbox field's boxes, without a template per box."""
    out = []
    for box in boxes:
        data = box.data
        attrs = data["attrs"]
        value = "" if data["value"] is None else f' value="{conditional_escape(data["value"])}"'
        out.append(
            f'<div class="form-check"><input type="{data["type"]}" name="{conditional_escape(data["name"])}"'
            f'{value}{_template_attrs(attrs)}><label class="form-check-label" for="{conditional_escape(attrs.get("id", ""))}">'
            f"{conditional_escape(data['label'])}</label></div>"
        )
    return mark_safe("\n".join(out))


def _options(optgroups):
    out = []
    for group_name, options, _ in optgroups:
        if group_name:
            out.append(f'<optgroup label="{conditional_escape(group_name)}">')
        for option in options:
            out.append(  # the option's attrs carry `selected`
                f'<option value="{conditional_escape(option["value"])}"{_attrs(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>"
            )
        if group_name:
            out.append("</optgroup>")
    return "".join(out)


@functools.lru_cache(maxsize=256)
def _flat_options(choices):
    """The <option>s of a list without groups, none selected; the same list (a form's metric
    picker repeated for every figure of a block) is written out once per process."""
    return "".join(
        f'<option value="{conditional_escape("" if value is None else value)}">{conditional_escape(label)}</option>'
        for value, label in choices
    )


class PlainRenderMixin:
    def render(self, name, value, attrs=None, renderer=None):
        try:
            return self._render_from_cached_options(name, value, attrs)
        except TypeError:  # grouped or unhashable choices: build every option
            widget = self.get_context(name, value, attrs)["widget"]
            return mark_safe(
                f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>'
                f"{_options(widget['optgroups'])}</select>"
            )

    def _render_from_cached_options(self, name, value, attrs):
        choices = tuple(iter(self.choices))  # not tuple(choices): a model field's choices would COUNT(*) for a length
        if any(isinstance(label, list | tuple) for _, label in choices):
            raise TypeError("grouped choices")
        options = _flat_options(choices)
        selected = forms.Widget.get_context(self, name, value, attrs)["widget"]
        if self.allow_multiple_selected:
            selected["attrs"]["multiple"] = True
        values = selected["value"]
        if not self.allow_multiple_selected and len(values) > 1:
            raise TypeError("several values for one choice")
        for chosen in dict.fromkeys(values):  # as Django does: a single select marks the first match only
            plain = f'<option value="{conditional_escape(chosen)}">'
            options = options.replace(plain, f"{plain[:-1]} selected>", -1 if self.allow_multiple_selected else 1)
        return mark_safe(f'<select name="{conditional_escape(name)}"{_attrs(selected["attrs"])}>{options}</select>')


class PlainSelect(PlainRenderMixin, forms.Select):
    """A <select> with its options written out in Python."""


class PlainSelectMultiple(PlainRenderMixin, forms.SelectMultiple):
    """A <select multiple> with its options written out in Python."""


class PlainCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes in Django's own markup (a <div> per box, the box inside its <label>), written out in Python."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        boxes = []
        for _, options, _ in widget["optgroups"]:
            for option in options:
                box_id = option["attrs"].get("id")
                label_for = f' for="{conditional_escape(box_id)}"' if box_id else ""
                boxes.append(
                    f'<div><label{label_for}><input type="checkbox" name="{conditional_escape(option["name"])}"'
                    f' value="{conditional_escape(option["value"])}"{_template_attrs(option["attrs"])}>'
                    f" {conditional_escape(option['label'])}</label></div>"
                )
        group_id = widget["attrs"].get("id")
        group_attrs = f' id="{conditional_escape(group_id)}"' if group_id else ""
        if widget["attrs"].get("class"):
            group_attrs += f' class="{conditional_escape(widget["attrs"]["class"])}"'
        return mark_safe(f"<div{group_attrs}>{''.join(boxes)}</div>")


def bootstrap_field(field):
    """A form field as crispy-bootstrap5's field.html lays it out (label, box, errors, help text), in Python.

    Crispy renders each field through a dozen nested templates and tags: a few milliseconds for a
    small filter form. This writes the same markup for the plain fields such forms use (text and
    number boxes, selects, one checkbox). The box itself is still Django's widget, so its attributes
    (required, aria-invalid, aria-describedby naming the help text and the errors) are Django's.
    """
    widget = field.field.widget
    if isinstance(widget, (forms.RadioSelect, forms.FileInput, forms.MultiWidget)) or widget.is_hidden:
        raise TypeError(f"bootstrap_field does not lay out a {type(widget).__name__}: leave that form to crispy")
    is_checkbox = isinstance(widget, forms.CheckboxInput)
    if is_checkbox:
        control = "form-check-input"
    elif isinstance(widget, forms.Select):
        control = "form-select"
    else:
        control = "form-control"
    errors = field.errors
    invalid = " is-invalid" if errors else ""
    box = field.as_widget(attrs={"class": f"{_widget_class(widget)} {control}{invalid}"})
    auto_id = field.auto_id
    wrapper_class = "form-check" if is_checkbox else "mb-3"
    if extra := field.css_classes():
        wrapper_class += f" {extra}"
    parts = [f'<div id="div_{auto_id}" class="{wrapper_class}">']
    label = _label(field, "form-check-label" if is_checkbox else "form-label")
    parts += [box, label] if is_checkbox else [label, box]
    if errors:
        parts.append(f'<div id="{auto_id}_error" class="invalid-feedback">')
        parts += (
            f'<span id="error_{n}_{auto_id}"><strong>{conditional_escape(error)}</strong></span>'
            for n, error in enumerate(errors, start=1)
        )
        parts.append("</div>")
    if field.help_text:  # written by the form, not by users: crispy does not escape it either
        help_id = f'id="{auto_id}_helptext" ' if auto_id else ""
        parts.append(f'<div {help_id}class="form-text">{field.help_text}</div>')
    parts.append("</div>")
    if is_checkbox:
        parts = ['<div class="mb-3">', *parts, "</div>"]
    return mark_safe("".join(parts))


def _widget_class(widget):
    """The widget's own class attribute with its lower-cased class name added, as crispy's crispy_field tag does."""
    kind = type(widget).__name__.lower()
    own = widget.attrs.get("class", "")
    if not own:
        return kind
    return own if kind in own else f"{own} {kind}"


def _label(field, css_class):
    if not field.label:
        return ""
    required = field.field.required
    for_id = f' for="{field.id_for_label}"' if field.id_for_label else ""
    marker = '<span class="asteriskField">*</span>' if required else ""
    required_class = " requiredField" if required else ""
    return f'<label{for_id} class="{css_class}{required_class}">{conditional_escape(field.label)}{marker}</label>'
