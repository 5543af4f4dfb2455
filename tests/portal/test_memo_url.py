"""Every template's {% url %} answers as Django's does, remembered between requests."""

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse

from partners.years import ReportingYear


def _render(source, **context):
    return Template(source).render(Context(context))


def test_it_answers_as_reverse_does_for_the_same_and_for_new_arguments():
    year = ReportingYear(2024)
    for pk in (5, 6):
        html = _render("{% url 'reports:section' slug year pk %}", slug="hsscp", year=year, pk=pk)
        assert (
            html == reverse("reports:section", args=["hsscp", year, pk]) == f"/p/hsscp/reports/2024-25/sections/{pk}/"
        )
    keyword = _render("{% url 'partnership_home' partnership_slug=slug %}", slug="stscp")
    assert keyword == reverse("partnership_home", kwargs={"partnership_slug": "stscp"})


def test_as_a_variable_and_a_missing_route_behave_as_djangos_tag():
    assert _render("{% url 'no-such-route' as link %}[{{ link }}]") == "[]"
    with pytest.raises(NoReverseMatch):
        _render("{% url 'no-such-route' %}")


def test_an_object_argument_is_reversed_afresh_each_time(world):
    class Slug:  # an object whose path follows what it says now
        def __init__(self, text):
            self.text = text

        def __str__(self):
            return self.text

    argument = Slug("hsscp")
    assert _render("{% url 'partnership_home' s %}", s=argument) == "/p/hsscp/"
    argument.text = "stscp"
    assert _render("{% url 'partnership_home' s %}", s=argument) == "/p/stscp/"
