"""The form rows written in Python are crispy-forms' rows: the same elements, attributes and text.

Each form is rendered twice, once through crispy-forms' templates and once through
partners.widgets.bootstrap_field (directly, as `{% crispy form %}` writes a field, and through the
template tags of partners/templatetags/bootstrap_fields.py, as `|as_crispy_field` and `|crispy`
write them), blank and with errors, and the two are compared element by element (crispy's
whitespace between elements aside).
"""

from html.parser import HTMLParser

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form
from django import forms
from django.contrib.auth.forms import PasswordChangeForm
from django_scopes import scope

from partners import widgets
from partners.forms import InviteForm, RoleForm
from partners.reference_views import KINDS, form_class
from partners.templatetags.bootstrap_fields import bootstrap_field, bootstrap_form
from partners.widgets import PlainCheckboxSelectMultiple, PlainSelect
from partnership_portal.two_factor import CodeForm


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.seen = []

    def handle_starttag(self, tag, attrs):
        self.seen.append(("<", tag, sorted((name, " ".join((value or "").split())) for name, value in attrs)))

    def handle_endtag(self, tag):
        self.seen.append((">", tag))

    def handle_data(self, data):
        if data.strip():
            self.seen.append(("text", " ".join(data.split())))


def elements(html):
    parser = _Elements()
    parser.feed(str(html))
    parser.close()
    return parser.seen


class EveryKindOfField(forms.Form):
    name = forms.CharField(max_length=20, help_text="As <b>printed</b>.")
    notes = forms.CharField(widget=forms.Textarea, required=False)
    count = forms.IntegerField(min_value=0, label="How many")
    on = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    agreed = forms.BooleanField(help_text="Tick to agree.")
    optional_box = forms.BooleanField(required=False, label="")
    colour = forms.ChoiceField(choices=[("", "Choose"), ("red", "Red <warm>"), ("blue", "Blue")])
    plain = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=PlainSelect, required=False)
    shade = forms.ChoiceField(choices=[("light", "Light"), ("dark", "Dark's")], widget=forms.RadioSelect)
    tags = forms.MultipleChoiceField(
        choices=[(1, "One"), (2, "Two")], widget=forms.CheckboxSelectMultiple, help_text="Any number."
    )
    plain_tags = forms.MultipleChoiceField(
        choices=[("Group", [(3, "Three")]), (4, "Four")], widget=PlainCheckboxSelectMultiple, required=False
    )
    secret = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        raise forms.ValidationError("Something <wrong> with the whole form.")


def _checked(make_form):
    form = make_form()
    form.is_valid()
    return form


def same_as_crispy(make_form):
    """Field by field and as a whole, each side on its own form (crispy adds classes to the widgets)."""
    ours, theirs = _checked(make_form), _checked(make_form)
    for name in ours.fields:
        assert elements(bootstrap_field(ours[name])) == elements(as_crispy_field(theirs[name])), name
    ours, theirs = _checked(make_form), _checked(make_form)
    assert elements(bootstrap_form(ours)) == elements(as_crispy_form(theirs))


BAD_DATA = {
    "name": "x" * 30,
    "count": "-1",
    "on": "not a date",
    "colour": "green",
    "shade": "",
    "tags": ["9"],
    "plain_tags": ["4"],
    "plain": "b",
}


@pytest.mark.parametrize("data", [None, BAD_DATA], ids=["blank", "with errors"])
def test_every_kind_of_field_is_written_as_crispy_writes_it(data):
    same_as_crispy(lambda: EveryKindOfField(data))


@pytest.mark.parametrize("data", [None, BAD_DATA], ids=["blank", "with errors"])
def test_every_kind_of_field_is_written_as_crispy_writes_it_with_a_form_helper(data):
    """`{% crispy form %}` writes each error in a <span> (a radio's or a checkbox list's in a <p>)."""
    from crispy_forms.helper import FormHelper
    from crispy_forms.layout import Layout
    from crispy_forms.utils import render_crispy_form

    class Fields(EveryKindOfField):
        def clean(self):  # crispy's layout writes the form's own errors above the field
            return self.cleaned_data

    for name in Fields.base_fields:
        helper = FormHelper()
        helper.form_tag, helper.layout = False, Layout(name)
        theirs = render_crispy_form(_checked(lambda: Fields(data)), helper)
        ours = widgets.bootstrap_field(_checked(lambda: Fields(data))[name])
        assert elements(ours) == elements(theirs), name


def test_an_error_names_its_field_and_the_control_says_it_is_invalid():
    form = EveryKindOfField(BAD_DATA)
    form.is_valid()
    html = bootstrap_field(form["count"])
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_count_error"' in html
    assert 'id="id_count_error" class="invalid-feedback"' in html and "is-invalid" in html
    assert '<label for="id_count" class="form-label requiredField">How many' in html


@pytest.mark.django_db
@pytest.mark.parametrize("slug", list(KINDS))
@pytest.mark.parametrize("data", [None, {}], ids=["blank", "with errors"])
def test_the_reference_forms_are_written_as_crispy_writes_them(world, slug, data):
    with scope(partnership=world.partnership):
        same_as_crispy(lambda: form_class(slug)(data))


@pytest.mark.django_db
@pytest.mark.parametrize("data", [None, {"role": "submitter"}], ids=["blank", "with errors"])
def test_the_role_forms_are_written_as_crispy_writes_them(world, data):
    with scope(partnership=world.partnership):
        initial = {"role": "submitter", "agency": world.police}
        same_as_crispy(lambda: RoleForm(data, initial=initial, partnership=world.partnership))
        same_as_crispy(lambda: InviteForm(data, partnership=world.partnership))


@pytest.mark.django_db
@pytest.mark.parametrize("data", [None, {"old_password": "wrong", "new_password1": "a", "new_password2": "b"}])
def test_the_sign_in_forms_are_written_as_crispy_writes_them(world, data):
    same_as_crispy(lambda: PasswordChangeForm(world.editor, data))
    same_as_crispy(lambda: CodeForm(data))
