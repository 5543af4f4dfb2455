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


def template_attrs(attrs):
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
            f'{value}{template_attrs(attrs)}><label class="form-check-label" for="{conditional_escape(attrs.get("id", ""))}">'
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


def plain_select_formfield(model_field, **kwargs):
    """A model form's `formfield_callback`: a foreign key or a field with choices is picked from a
    PlainSelect."""
    if model_field.many_to_one or (model_field.choices and not model_field.is_relation):
        kwargs.setdefault("widget", PlainSelect)
    return model_field.formfield(**kwargs)


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
                    f' value="{conditional_escape(option["value"])}"{template_attrs(option["attrs"])}>'
                    f" {conditional_escape(option['label'])}</label></div>"
                )
        group_id = widget["attrs"].get("id")
        group_attrs = f' id="{conditional_escape(group_id)}"' if group_id else ""
        if widget["attrs"].get("class"):
            group_attrs += f' class="{conditional_escape(widget["attrs"]["class"])}"'
        return mark_safe(f"<div{group_attrs}>{''.join(boxes)}</div>")


def bootstrap_field(field, *, inline_errors=True):
    """A form field as crispy-bootstrap5's field.html lays it out (label, box, errors, help text), in Python.

    Crispy renders each field through a dozen nested templates and tags: a millisecond or more a
    field. This writes the same elements, ids, classes and aria attributes for text and number
    boxes, text areas, selects, a checkbox, radios and checkbox lists (in a fieldset with a legend);
    a hidden field is its box alone. The box itself is still Django's widget, so its attributes
    (required, aria-invalid, aria-describedby naming the help text and the errors) are Django's.

    The errors are written as crispy writes them with a form helper (`{% crispy form %}`: each in a
    <span>), or with `inline_errors=False` as `|as_crispy_field` and `|crispy` write them (each in a
    <p>). A file box or a multi-widget raises TypeError: leave that field to crispy.
    """
    widget = field.field.widget
    if field.is_hidden:
        return mark_safe(str(field))
    if isinstance(widget, forms.FileInput | forms.MultiWidget):
        raise TypeError(f"bootstrap_field does not lay out a {type(widget).__name__}: leave that field to crispy")
    errors = field.errors
    invalid = " is-invalid" if errors else ""
    wrapper_class = f" {extra}" if (extra := field.css_classes()) else ""
    auto_id = conditional_escape(field.auto_id)
    if isinstance(widget, forms.CheckboxInput):
        _add_classes(widget, f"form-check-input{invalid}")
        label = _label(field, "form-check-label", checkbox=True)
        return mark_safe(
            f'<div class="mb-3"><div id="div_{auto_id}" class="form-check{wrapper_class}">{field}{label}'
            f"{_errors(field, inline_errors)}{_help(field)}</div></div>"
        )
    parts = [f'<div id="div_{auto_id}" class="mb-3{wrapper_class}">']
    in_fieldset = field.use_fieldset and field.label
    if in_fieldset:
        described = field.aria_describedby
        parts.append(f'<fieldset aria-describedby="{conditional_escape(described)}">' if described else "<fieldset>")
        parts.append(_label(field, "form-label", tag="legend"))
    else:
        parts.append(_label(field, "form-label"))
    if isinstance(widget, forms.RadioSelect):  # radios, and checkbox lists (CheckboxSelectMultiple is one)
        parts.append(_choices(field))
    else:
        _add_classes(widget, f"form-select{invalid}" if isinstance(widget, forms.Select) else f"form-control{invalid}")
        parts += [str(field), _errors(field, inline_errors), _help(field)]
    if in_fieldset:
        parts.append("</fieldset>")
    parts.append("</div>")
    return mark_safe("".join(parts))


def _add_classes(widget, classes):
    """What crispy's {% crispy_field %} does to a widget: its class name lower-cased as a class, then `classes`."""
    kind = type(widget).__name__.lower()
    css_class = widget.attrs.get("class", "")
    if not css_class:
        css_class = kind
    elif kind not in css_class:
        css_class += f" {kind}"
    present = css_class.split()
    for name in classes.split():
        if name not in present:
            css_class += f" {name}"
            present.append(name)
    widget.attrs["class"] = css_class


def _label(field, css_class, *, tag="label", checkbox=False):
    """crispy's label (a legend in a fieldset), with the asterisk of a required field. A checkbox's
    label is written even when empty, and always names its box."""
    if not field.label and not checkbox:
        return ""
    required = field.field.required
    for_id = field.id_for_label
    for_attribute = f'for="{conditional_escape(for_id)}" ' if (for_id or checkbox) else ""
    marker = '<span class="asteriskField">*</span>' if required else ""
    classes = f"{css_class}{' requiredField' if required else ''}{' fs-6' if tag == 'legend' else ''}"
    return f'<{tag} {for_attribute}class="{classes}">{conditional_escape(field.label)}{marker}</{tag}>'


def _errors(field, inline):
    """crispy's field_errors.html (inline: <span>s) or field_errors_block.html (<p>s)."""
    errors = field.errors
    if not errors:
        return ""
    element = "span" if inline else "p"
    field_id = conditional_escape(getattr(errors, "field_id", None) or field.auto_id)
    auto_id = conditional_escape(field.auto_id)
    rows = "".join(
        f'<{element} id="error_{number}_{auto_id}"><strong>{conditional_escape(error)}</strong></{element}>'
        for number, error in enumerate(errors, start=1)
    )
    return f'<div id="{field_id}_error" class="invalid-feedback">{rows}</div>'


def _help(field):
    """crispy's help_text.html. Help is written by the form, not by users: crispy does not escape it either."""
    if not field.help_text:
        return ""
    help_id = f'id="{conditional_escape(field.auto_id)}_helptext" ' if field.auto_id else ""
    return f'<div {help_id}class="form-text">{field.help_text}</div>'


def _choices(field):
    """crispy's radio_checkbox_select.html: a form-check per option, the errors (always <p>s) after the last."""
    widget = field.field.widget
    id_ = widget.attrs.get("id") or field.auto_id
    attrs = field.build_widget_attrs({"id": id_} if id_ else {})
    groups = widget.optgroups(field.html_name, widget.format_value(field.value()), attrs)
    invalid = " is-invalid" if field.errors else ""
    name = conditional_escape(field.html_name)
    out = ["<div >"]
    for group_number, (group, options, _) in enumerate(groups, start=1):
        if group:
            out.append(f"<strong>{conditional_escape(group)}</strong>")
        for number, option in enumerate(options, start=1):
            last = number == len(options) and group_number == len(groups)
            out.append(
                f'<div class="form-check"><input type="{option["type"]}" class="form-check-input{invalid}" '
                f'name="{name}" value="{conditional_escape(option["value"])}"{template_attrs(option["attrs"])}>'
                f'<label for="{conditional_escape(option["attrs"].get("id", ""))}" class="form-check-label">'
                f"{conditional_escape(option['label'])}</label>{_errors(field, False) if last else ''}</div>"
            )
    out.append("</div>")
    out.append(_help(field))
    return "".join(out)
