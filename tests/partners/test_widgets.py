"""The plain widgets write the markup Django's own widgets write, and bootstrap_field the markup
crispy-bootstrap5 writes, only faster."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from partners.widgets import PlainCheckboxSelectMultiple, PlainSelect, PlainSelectMultiple

METRICS = [
    ("", "— choose a figure —"),
    (1, "Referrals <to> children's social care"),
    (2, "Re-referrals"),
    (3, "CP plans"),
]
GROUPED = [("", "Any"), ("Police", [(10, "Arrests"), (11, "Stops")]), ("Council", [(20, "Referrals")])]


def _same(html):
    """Django's templates put each option on its own line; the plain widgets do not."""
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(html).strip()))


def _as_django(plain, django_widget, choices, name, value, attrs):
    ours = plain(choices=choices, attrs={"class": "form-select"}).render(name, value, attrs)
    theirs = django_widget(choices=choices, attrs={"class": "form-select"}).render(
        name, value, attrs, renderer=DjangoTemplates()
    )
    return _same(ours), _same(theirs)


@pytest.mark.parametrize("value", [None, "", 2, "3", "99"])
def test_a_plain_select_is_djangos_select(value):
    ours, theirs = _as_django(PlainSelect, forms.Select, METRICS, "b-1-figure_0", value, {"id": "id_b-1-figure_0"})
    assert ours == theirs
    assert ("selected" in ours) == (value != "99")  # nothing given: the empty choice


@pytest.mark.parametrize("value", [None, [], [1, 3], ["2"]])
def test_a_plain_multiple_select_is_djangos(value):
    ours, theirs = _as_django(PlainSelectMultiple, forms.SelectMultiple, METRICS, "metrics", value, {"id": "id_m"})
    assert ours == theirs
    assert "multiple" in ours


def test_grouped_choices_are_written_as_django_writes_them():
    ours, theirs = _as_django(PlainSelect, forms.Select, GROUPED, "metric", 11, {"id": "id_metric"})
    assert ours == theirs and '<optgroup label="Police">' in ours


def test_the_same_options_with_different_choices_marked_stay_apart():
    first = PlainSelect(choices=METRICS).render("a", 1)
    second = PlainSelect(choices=METRICS).render("b", 2)
    assert '<option value="1" selected>' in first and '<option value="2" selected>' not in first
    assert '<option value="2" selected>' in second and '<option value="1" selected>' not in second
    assert "&lt;to&gt;" in first  # labels escaped


def test_plain_checkboxes_are_djangos_checkboxes():
    choices = [(1, "Working Together 2023, chapter 2"), (2, "Child <b>safeguarding</b> practice reviews")]
    ours = PlainCheckboxSelectMultiple(choices=choices).render("requirements", [2], {"id": "id_requirements"})
    theirs = forms.CheckboxSelectMultiple(choices=choices).render(
        "requirements", [2], {"id": "id_requirements"}, renderer=DjangoTemplates()
    )
    assert _same(ours) == _same(theirs)
    assert "&lt;b&gt;" in str(ours) and str(ours).count("checked") == 1


class Filters(forms.Form):
    """One field of each kind bootstrap_field lays out, with the things that change its markup."""

    metric = forms.ChoiceField(label="Metric", choices=METRICS[1:], widget=PlainSelect)
    geography = forms.ChoiceField(label="Geography", choices=[("E", "England"), ("N", "North East")], required=False)
    first_year = forms.CharField(label="From <year>", required=False, help_text='For example "2021-22".')
    value = forms.DecimalField(label="Value", max_digits=6, decimal_places=2)
    as_public = forms.BooleanField(label="As the public sees it", required=False, help_text="Small numbers hidden.")


def _tokens(html):
    """Tags with their attributes (classes as a set) and the text between them, whitespace aside."""
    tokens = []
    for tag, text in re.findall(r"(<[^>]+>)|([^<]+)", str(html)):
        if text.strip():
            tokens.append(" ".join(text.split()))
        elif tag:
            name = re.match(r"</?[\w-]+", tag).group(0)
            attrs = dict(re.findall(r'([\w-]+)(?:="([^"]*)")?', tag[len(name) :].rstrip("/>")))
            if "class" in attrs:
                attrs["class"] = " ".join(sorted(attrs["class"].split()))
            tokens.append((name, sorted(attrs.items())))
    return tokens


@pytest.mark.parametrize(
    "data",
    [None, {}, {"metric": "2", "geography": "N", "first_year": "2021-22", "value": "x", "as_public": "on"}],
    ids=["unbound", "empty", "filled"],
)
@pytest.mark.parametrize("name", ["metric", "geography", "first_year", "value", "as_public"])
def test_bootstrap_field_writes_what_crispy_bootstrap5_writes(name, data):
    """As `{% crispy form %}` lays out a field (errors inline), which the explorer's form used."""
    from crispy_forms.helper import FormHelper
    from crispy_forms.layout import Layout
    from crispy_forms.utils import render_crispy_form

    from partners.widgets import bootstrap_field

    ours = bootstrap_field(Filters(data)[name])
    helper = FormHelper()
    helper.form_tag, helper.layout = False, Layout(name)
    theirs = render_crispy_form(Filters(data), helper)  # a form of its own: crispy adds classes to the widget
    assert _tokens(ours) == _tokens(theirs)
    assert ("is-invalid" in ours) == (data is not None and name in Filters(data).errors)
