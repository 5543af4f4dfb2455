"""The document builder: every figure resolved through metrics' selectors, in a fixed number of queries."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from reports.selectors import MISSING_TEXT, build_document

from .helpers import approve, make_report, ref_span, rich


def _chart(metric):
    return {"type": "chart", "value": {"title": "Trend", "kind": "trend", "metrics": [metric.pk], "years": 3}}


def test_inline_figures_show_the_approved_value_and_missing_ones_are_listed(world):
    approve(world, "referrals", 1510)
    referrals, area = world.metrics["referrals"], world.areas[0]
    report = make_report(
        world,
        sections=[
            ("Our area", [rich(f"<p>We had {ref_span(referrals, area, text='old')} referrals.</p>")]),
            ("Training", [rich(f"<p>{ref_span(world.metrics['training-sessions'])} sessions.</p>")]),
        ],
    )
    with scope(partnership=world.partnership):
        document = build_document(report)
    html = document.sections[0].blocks[0].context["html"]
    assert "1,510" in html and "old" not in html
    assert MISSING_TEXT in document.sections[1].blocks[0].context["html"]
    assert [m.label for m in document.missing_figures] == ["Training sessions, whole partnership, 2024-25"]


def test_a_whole_report_costs_the_same_queries_whatever_its_size(world):
    approve(world, "referrals", 1510)
    referrals = world.metrics["referrals"]
    small = make_report(world, "2023-24", sections=[("One", [rich(ref_span(referrals)), _chart(referrals)])])
    big = make_report(
        world,
        "2024-25",
        sections=[
            (f"S{i}", [rich(ref_span(m)) for m in world.metrics.values()] + [_chart(referrals)]) for i in range(8)
        ],
    )
    counts = []
    for report in (small, big):
        with scope(partnership=world.partnership), CaptureQueriesContext(connection) as queries:
            document = build_document(report)
            render_to_string("reports/_document.html", {"sections": document.sections})
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 6


@pytest.mark.parametrize(
    "period, year, expected", [("this", "", "1,510"), ("last", "", "1,200"), ("fixed", "2023-24", "1,200")]
)
def test_references_are_relative_to_the_reports_year(world, period, year, expected):
    approve(world, "referrals", 1510, "2024-25")
    approve(world, "referrals", 1200, "2023-24")
    referrals, area = world.metrics["referrals"], world.areas[0]
    report = make_report(world, sections=[("A", [rich(ref_span(referrals, area, period, year))])])
    with scope(partnership=world.partnership):
        html = build_document(report).sections[0].blocks[0].context["html"]
    assert expected in html


def test_renaming_a_metric_code_breaks_no_reference(world):
    approve(world, "referrals", 1510)
    referrals, area = world.metrics["referrals"], world.areas[0]
    report = make_report(world, sections=[("A", [rich(ref_span(referrals, area))])])
    with scope(partnership=world.partnership):
        referrals.code = "referrals-to-csc"
        referrals.save()
        assert "1,510" in build_document(report).sections[0].blocks[0].context["html"]


def test_a_chart_block_builds_its_series_and_a_text_alternative_from_the_data(world):
    approve(world, "referrals", 1200, "2023-24")
    approve(world, "referrals", 1510, "2024-25")
    report = make_report(world, sections=[("A", [_chart(world.metrics["referrals"])])])
    with scope(partnership=world.partnership):
        context = build_document(report).sections[0].blocks[0].context
    chart = context["charts"][0]
    assert chart.spec["data"][0]["y"][-2:] == [1200.0, 1510.0]
    assert "rose from 1,200 in 2023-24 to 1,510 in 2024-25" in context["alt"]
