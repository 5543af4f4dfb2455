"""Rendering: the context builder's fixed query count, templates without queries, byte-identical
HTML, numbered charts with sources and text alternatives, and the chart exporter's fallback."""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from reports.rendering import chart_export
from reports.rendering.context import build_render_document, report_for
from reports.rendering.pipeline import PRINT, WEB, export_charts, render_html

from .helpers import approve, make_report, ref_span, rich


def _chart(metric, kind="trend", alt=""):
    return {
        "type": "chart",
        "value": {"title": "Trend", "kind": kind, "metrics": [metric.pk], "years": 3, "alt": alt},
    }


def _sections(world, copies):
    referrals = world.metrics["referrals"]
    rate = world.metrics["re-referral-rate"]
    sections = []
    for i in range(copies):
        sections += [
            (f"Our area {i}", [rich(f"<p>We had {ref_span(referrals, world.areas[0])} referrals.</p>")]),
            (f"Figures {i}", [_chart(referrals), _chart(rate, "england"), _chart(referrals, "areas")]),
            (
                f"Money and people {i}",
                [
                    {"type": "funding_table", "value": {"caption": "Funding", "show_expenditure": True}},
                    {"type": "people_table", "value": {"caption": "Who we are"}},
                    {
                        "type": "action_plan",
                        "value": {"caption": "Plan", "rows": [{"what": "Audit", "rag": "amber", "progress": "Half"}]},
                    },
                ],
            ),
        ]
    return sections


@pytest.fixture
def figures(world):
    for year, value in (("2022-23", 1100), ("2023-24", 1200), ("2024-25", 1510)):
        approve(world, "referrals", value, year)
        approve(world, "re-referral-rate", value / 100, year)
    return world


class NoQueries:
    """Fails the test on any query: templates must render from the plain document alone."""

    def __call__(self, execute, sql, params, many, context):
        raise AssertionError(f"A template ran a query: {sql}")


def _document(world, report):
    with scope(partnership=world.partnership):
        return build_render_document(report_for(world.partnership.slug, report.year))


def test_the_context_builder_needs_the_same_queries_for_a_report_four_times_larger(figures):
    world = figures
    small = make_report(world, "2023-24", sections=_sections(world, 1))
    large = make_report(world, "2024-25", sections=_sections(world, 4))
    counts = []
    for report in (small, large):
        with scope(partnership=world.partnership), CaptureQueriesContext(connection) as queries:
            document = build_render_document(report_for(world.partnership.slug, report.year))
        counts.append(len(queries))
    assert len(document.charts) == 4 * 3
    assert counts[0] == counts[1]


def test_templates_run_no_queries_and_the_html_is_byte_identical(figures):
    world = figures
    report = make_report(world, sections=_sections(world, 1))
    document = _document(world, report)
    with connection.execute_wrapper(NoQueries()):
        first = render_html(document, target=WEB)
        printed = render_html(document, target=PRINT)
    again = render_html(_document(world, report), target=WEB)
    assert first == again
    assert "1,510" in first and "Figure 3:" in first and "Figure 3:" in printed
    assert "Source: Cleveland Police, as at 31 March 2025" in printed


def test_charts_are_numbered_with_a_generated_or_given_text_alternative(figures):
    world = figures
    referrals = world.metrics["referrals"]
    report = make_report(world, sections=[("A", [_chart(referrals), _chart(referrals, alt="Editor's words.")])])
    charts = _document(world, report).charts
    assert [c.number for c in charts] == [1, 2]
    assert "rose from 1,100 in 2022-23 to 1,510 in 2024-25" in charts[0].alt
    assert charts[1].alt == "Editor's words."
    assert "title" not in charts[0].print_spec["layout"]


def test_without_the_exporter_the_print_html_shows_each_charts_table_and_logs_a_warning(
    figures, settings, tmp_path, monkeypatch, caplog
):
    world = figures
    settings.RENDER_CHART_CACHE = tmp_path
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-browser"))
    report = make_report(world, sections=[("A", [_chart(world.metrics["referrals"])])])
    document = _document(world, report)
    with caplog.at_level(logging.WARNING, logger=chart_export.__name__):
        assert export_charts(document) == 0
    html = render_html(document, target=PRINT)
    assert "could not be drawn" in html and "<table" in html and '<img class="chart-image"' not in html
    assert "1 chart(s) printed as data tables" in caplog.text


def test_stable_svg_renames_plotlys_random_ids_in_order():
    svg = '<g id="clip4e9e07xy"></g><g class="trace scatter traceab12cd" clip-path="url(#clip4e9e07xy)"></g>'
    assert chart_export.stable_svg(svg) == (
        '<g id="clip000000xy"></g><g class="trace scatter trace000001" clip-path="url(#clip000000xy)"></g>'
    )


def test_a_suppressed_small_number_never_reaches_a_rendered_chart(world):
    referrals = world.metrics["referrals"]
    referrals.suppress_small = True
    referrals.save()
    approve(world, "referrals", 3, "2023-24")
    approve(world, "referrals", 1510, "2024-25")
    report = make_report(world, sections=[("A", [_chart(referrals), _chart(referrals, "areas")])])
    document = _document(world, report)
    for chart in document.charts:
        plotted = [y for trace in chart.spec["data"] for y in trace.get("y", []) if y is not None]
        hover = " ".join(str(t) for trace in chart.spec["data"] for t in trace.get("text", []))
        assert 3.0 not in plotted and "was 3" not in chart.alt and " 3 " not in f" {hover} "
        cells = [cell for row in chart.rows for cell in row]
        assert "3" not in cells
    assert "fewer than 5" in render_html(document, target=WEB)


def test_a_chart_is_exported_once_and_then_comes_from_the_cache(monkeypatch):
    spec = {"data": [{"type": "bar", "x": ["Hartlepool", "Stockton-on-Tees"], "y": [173, 282]}], "layout": {}}
    exporter = chart_export.ChartExporter()
    first = exporter.export([chart_export.ChartExport("a", spec)])
    assert first["a"].startswith("<svg") and exporter.exported == 1
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")  # no browser now: the cache must answer
    again = exporter.export([chart_export.ChartExport("b", spec)])
    assert again["b"] == first["a"] and exporter.exported == 0


def test_the_signed_statement_prints_with_name_post_and_date_and_the_cover_drops_draft(world):
    import datetime as dt

    from reports.models import ReportState, Revision, SignOff

    report = make_report(world, sections=[("A", [rich("<p>Text.</p>")])])
    with scope(partnership=world.partnership):
        revision = Revision.objects.create(
            partnership=world.partnership, report=report, number=1, snapshot={}, created_by=world.approver
        )
        SignOff.objects.create(
            partnership=world.partnership,
            report=report,
            revision=revision,
            signed_by=world.approver,
            name="Jo Bloggs",
            post="Independent Scrutineer",
            signed_on=dt.date(2025, 9, 30),
            statement="The partnership meets its duties.",
        )
        report.state = ReportState.APPROVED
        report.save()
    printed = render_html(_document(world, report), target=PRINT)
    assert "Jo Bloggs" in printed and "Independent Scrutineer" in printed and "30 September 2025" in printed
    assert "The partnership meets its duties." in printed and 'href="#sign-off"' in printed
    assert "not for publication" not in printed
