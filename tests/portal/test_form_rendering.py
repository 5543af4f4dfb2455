"""Widgets written out in Python write exactly what Django's own templates write."""

import datetime as dt

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from partnership_portal.form_rendering import FormRenderer

ODD = 'Quotes " and <b>tags</b> & ampersands, café ☕'


class EveryInput(forms.Form):
    title = forms.CharField(max_length=300, help_text="As printed")
    count = forms.IntegerField(min_value=0)
    money = forms.DecimalField(max_digits=8, decimal_places=2, required=False)
    email = forms.EmailField()
    link = forms.URLField(required=False, assume_scheme="https")
    when = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    secret = forms.CharField(widget=forms.PasswordInput(render_value=True))
    version = forms.IntegerField(widget=forms.HiddenInput)
    agreed = forms.BooleanField(required=False)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "data-rich-text": "1"}))
    upload = forms.FileField(required=False)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {
            "title": ODD,
            "count": "12",
            "money": "1.50",
            "email": "a@b.uk",
            "link": "https://x.uk/?a=1&b=2",
            "when": "2025-03-31",
            "secret": ODD,
            "version": "3",
            "agreed": "on",
            "text": f"{ODD}\nline two",
        },
        {"title": "", "count": "not a number", "text": ""},
    ],
)
def test_every_input_and_text_area_is_written_as_djangos_templates_write_it(data):
    initial = {"title": mark_safe("<i>safe</i>"), "when": dt.date(2025, 3, 31), "agreed": True, "text": ODD}
    if data is not None:
        data = {f"b-1-{name}": value for name, value in data.items()}
    ours, theirs = (
        EveryInput(data, initial=initial, renderer=renderer, prefix="b-1")
        for renderer in (FormRenderer(), DjangoTemplates())
    )
    for name in EveryInput.base_fields:
        assert str(ours[name]) == str(theirs[name]), name
    if data and '"' in data.get("b-1-title", ""):
        assert "&quot;" in str(ours["title"])


def test_a_select_still_comes_through_djangos_templates():
    form = forms.Form(renderer=FormRenderer())
    form.fields["kind"] = forms.ChoiceField(choices=[("a", "A & B")])
    assert '<option value="a">A &amp; B</option>' in str(form["kind"])
