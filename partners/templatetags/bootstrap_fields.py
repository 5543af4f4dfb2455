"""Form fields in crispy-forms' Bootstrap 5 markup, written in Python.

`{{ field|bootstrap_field }}` writes what `{{ field|as_crispy_field }}` writes, and
`{% bootstrap_form form %}` what `{{ form|crispy }}` writes (the form's non-field errors, then
every field): the same elements, ids, classes and aria attributes (the label tied to its control,
help and errors named by aria-describedby, a fieldset and legend around radios and checkboxes,
the error summary), only without crispy's whitespace. crispy renders a field through some ten
nested templates, a millisecond or more a field; a form of nine fields was half of a page's cost.

A widget these functions do not know (a file input, a multi-widget) is handed to crispy-forms.
"""

from django import forms, template
from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe

from partners.widgets import PlainCheckboxSelectMultiple, PlainSelect, PlainSelectMultiple

register = template.Library()

# crispy names a control by its widget's class (class="select form-select"); the widgets written
# in Python keep the name of the Django widget they stand for.
CLASS_NAMES = {
    PlainSelect: "select",
    PlainSelectMultiple: "selectmultiple",
    PlainCheckboxSelectMultiple: "checkboxselectmultiple",
}


def _add_classes(widget, classes):
    """What crispy's {% crispy_field %} does to a widget: its own name as a class, then `classes`."""
    class_name = CLASS_NAMES.get(type(widget), type(widget).__name__.lower())
    css_class = widget.attrs.get("class", "")
    if not css_class:
        css_class = class_name
    elif class_name not in css_class:
        css_class += f" {class_name}"
    present = css_class.split()
    for name in classes.split():
        if name not in present:
            css_class += f" {name}"
            present.append(name)
    widget.attrs["class"] = css_class


def _label_text(field):
    asterisk = '<span class="asteriskField">*</span>' if field.field.required else ""
    return f"{escape(field.label)}{asterisk}"


def _errors_block(field):
    """crispy's field_errors_block.html."""
    errors = field.errors
    if not errors:
        return ""
    field_id = getattr(errors, "field_id", None)
    rows = "".join(
        f'<p id="error_{number}_{escape(field.auto_id)}"><strong>{escape(error)}</strong></p>'
        for number, error in enumerate(errors, start=1)
    )
    return f'<div id="{escape(field_id)}_error" class="invalid-feedback">{rows}</div>'


def _help(field):
    """crispy's help_text.html: the help is written as it is (Django's password help is a list)."""
    if not field.help_text:
        return ""
    help_id = f'id="{escape(field.auto_id)}_helptext" ' if field.auto_id else ""
    return f'<div {help_id}class="form-text">{field.help_text}</div>'


def _choices(field):
    """crispy's radio_checkbox_select.html: a form-check per option, the errors after the last one."""
    widget = field.field.widget
    id_ = widget.attrs.get("id") or field.auto_id
    attrs = field.build_widget_attrs({"id": id_} if id_ else {})
    groups = widget.optgroups(field.html_name, widget.format_value(field.value()), attrs)
    invalid = " is-invalid" if field.errors else ""
    out = ["<div >"]
    for group_number, (group, options, _) in enumerate(groups, start=1):
        if group:
            out.append(f"<strong>{escape(group)}</strong>")
        for number, option in enumerate(options, start=1):
            option_attrs = "".join(
                f" {name}" if value is True else f' {name}="{escape(value)}"'
                for name, value in option["attrs"].items()
                if value is not False
            )
            last = number == len(options) and group_number == len(groups)
            out.append(
                f'<div class="form-check"><input type="{option["type"]}" class="form-check-input{invalid}" '
                f'name="{escape(field.html_name)}" value="{escape(option["value"])}"{option_attrs}>'
                f'<label for="{escape(option["attrs"].get("id", ""))}" class="form-check-label">'
                f"{escape(option['label'])}</label>{_errors_block(field) if last else ''}</div>"
            )
    out.append("</div>")
    out.append(_help(field))
    return "".join(out)


@register.filter
def bootstrap_field(field):
    """One field as crispy-forms' bootstrap5/field.html writes it (with as_crispy_field's defaults)."""
    widget = field.field.widget
    if field.is_hidden:
        return str(field)
    if isinstance(widget, forms.FileInput | forms.MultiWidget):
        from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field

        return as_crispy_field(field)
    invalid = " is-invalid" if field.errors else ""
    css_classes = field.css_classes()
    wrapper_class = f" {css_classes}" if css_classes else ""
    id_for_label = field.id_for_label
    label_for = f'for="{escape(id_for_label)}" ' if id_for_label else ""
    required = " requiredField" if field.field.required else ""

    if isinstance(widget, forms.CheckboxInput):
        _add_classes(widget, f"form-check-input{invalid}")
        return mark_safe(
            f'<div class="mb-3"><div id="div_{escape(field.auto_id)}" class="form-check{wrapper_class}">{field}'
            f'<label for="{escape(id_for_label)}" class="form-check-label{required}">{_label_text(field)}</label>'
            f"{_errors_block(field)}{_help(field)}</div></div>"
        )

    out = [f'<div id="div_{escape(field.auto_id)}" class="mb-3{wrapper_class}">']
    fieldset = field.use_fieldset and field.label
    if field.label:
        if field.use_fieldset:
            described = field.aria_describedby
            out.append(f'<fieldset aria-describedby="{escape(described)}">' if described else "<fieldset>")
        tag = "legend" if field.use_fieldset else "label"
        legend = " fs-6" if field.use_fieldset else ""
        out.append(f'<{tag} {label_for}class="form-label{required}{legend}">{_label_text(field)}</{tag}>')
    if isinstance(widget, forms.RadioSelect):  # radios, and checkboxes (CheckboxSelectMultiple is one)
        out.append(_choices(field))
    else:
        if isinstance(widget, forms.Select):
            _add_classes(widget, f"form-select{invalid}")
        else:
            _add_classes(widget, f"form-control{invalid}")
        out.append(f"{field}{_errors_block(field)}{_help(field)}")
    if fieldset:
        out.append("</fieldset>")
    out.append("</div>")
    return mark_safe("".join(out))


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
        items = "".join(f"<li>{escape(error)}</li>" for error in errors)
        summary = f'<div class="alert alert-block alert-danger"><ul class="m-0">{items}</ul></div>'
    return mark_safe(summary + bootstrap_fields(form))
