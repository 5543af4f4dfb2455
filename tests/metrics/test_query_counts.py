"""Pages run a fixed number of queries, whatever the number of figures, events or rounds."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from metrics import services
from metrics.models import MetricValue
from partners.years import ReportingYear
from tests.conftest import login


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def save(world, raw):
    with scopes_disabled():
        services.save_return(
            world.police_return,
            {
                (m.pk, a): services.CellInput(raw=raw, note="as at 31 March")
                for m in world.police_return.metrics.all()
                for a in ([x.pk for x in world.areas] if m.is_per_area else [0])
            },
            by=world.submitter,
        )


def test_the_return_form_costs_the_same_with_one_figure_or_all(world):
    client = login(None, world.submitter)
    url = reverse("metrics:return", args=["hsscp", world.police_return.pk])
    with scopes_disabled():
        services.save_return(
            world.police_return,
            {(world.metrics["referrals"].pk, world.areas[0].pk): services.CellInput(raw="5")},
            by=world.submitter,
        )
    one = queries(client, url)
    save(world, "6")
    assert queries(client, url) == one


def test_a_figures_history_costs_the_same_however_long_it_is(world):
    save(world, "5")
    with scopes_disabled():
        value = MetricValue.objects.filter(metric=world.metrics["referrals"]).first()
    client = login(None, world.editor)
    url = reverse("metrics:value_history", args=["hsscp", value.pk])
    short = queries(client, url)
    for raw in ("6", "7", "8"):
        save(world, raw)
    assert queries(client, url) == short


def open_past_rounds(world):
    """Rounds for 2022-23 to 2024-25, each asking the police for referrals."""
    for start in (2022, 2023, 2024):
        services.open_round(
            partnership=world.partnership,
            year=ReportingYear(start),
            opens_on=dt.date(start + 1, 4, 1),
            closes_on=dt.date(start + 1, 5, 31),
            areas=world.areas,
            assignments={world.police: [world.metrics["referrals"]]},
            by=world.editor,
        )


def test_the_dashboard_and_overview_cost_the_same_with_more_rounds(world):
    partner, editor = login(None, world.submitter), login(None, world.editor)
    dashboard, overview = reverse("dashboard"), reverse("partnership_home", args=["hsscp"])
    before = (queries(partner, dashboard), queries(partner, overview), queries(editor, overview))
    with scopes_disabled():
        open_past_rounds(world)
    after = (queries(partner, dashboard), queries(partner, overview), queries(editor, overview))
    assert after == before


# --- Every signed-in page, from a small partnership to a large one ------------------------

GROWN_METRICS = 40
PAST_YEARS = (2019, 2020, 2021, 2022, 2023, 2024)


def every_page(world, value):
    """(name, user, url) of every signed-in page bench/pages.py measures."""
    slug, ret = "hsscp", world.police_return
    return [
        ("dashboard (agency)", world.submitter, reverse("dashboard")),
        ("dashboard (business unit)", world.editor, reverse("dashboard")),
        ("partnership home (agency)", world.submitter, reverse("partnership_home", args=[slug])),
        ("partnership home (business unit)", world.editor, reverse("partnership_home", args=[slug])),
        ("return form (agency)", world.submitter, reverse("metrics:return", args=[slug, ret.pk])),
        ("return form (business unit)", world.editor, reverse("metrics:return", args=[slug, ret.pk])),
        ("return history", world.editor, reverse("metrics:return_history", args=[slug, ret.pk])),
        ("figure history", world.editor, reverse("metrics:value_history", args=[slug, value.pk])),
        ("explorer", world.editor, reverse("metrics:explorer", args=[slug]) + "?metric=referrals"),
        ("explorer, nothing chosen", world.editor, reverse("metrics:explorer", args=[slug])),
        ("completeness", world.editor, reverse("metrics:round", args=[slug, world.round.year])),
        ("catalogue", world.editor, reverse("metrics:catalogue", args=[slug])),
        ("comparators", world.approver, reverse("metrics:comparators", args=[slug])),
        ("export", world.editor, reverse("metrics:export", args=[slug])),
        ("open a round", world.approver, reverse("metrics:round_new", args=[slug])),
        ("upload", world.submitter, reverse("metrics:return_import", args=[slug, ret.pk])),
    ]


def count_every_page(world, value):
    counts = {}
    for name, user, url in every_page(world, value):
        counts[name] = queries(login(None, user), url)
    return counts


def grow(world):
    """Forty more metrics in the police return, every figure saved twice (events), six approved
    past years of every metric with England comparators, and three more rounds."""
    from tests import factories as f

    with scopes_disabled():
        extra = [
            f.MetricFactory(
                partnership=world.partnership,
                code=f"grown-{n}",
                name=f"Grown {n}",
                agency=world.police,
                position=10 + n,
            )
            for n in range(GROWN_METRICS)
        ]
        services.open_round(
            partnership=world.partnership,
            year=world.round.year,
            opens_on=world.round.opens_on,
            closes_on=world.round.closes_on,
            areas=world.areas,
            assignments={world.police: extra},
            by=world.editor,
        )
        rows = []
        for metric in [*extra, world.metrics["referrals"]]:
            for start in PAST_YEARS:
                for area in world.areas:
                    rows.append(
                        services.ImportRow(
                            line=len(rows) + 1,
                            metric=metric,
                            area_id=area.pk,
                            geography=None,
                            year=ReportingYear(start),
                            cell=services.CellInput(raw=str(start - 2000)),
                        )
                    )
                rows.append(
                    services.ImportRow(
                        line=len(rows) + 1,
                        metric=metric,
                        area_id=None,
                        geography="E92000001",
                        year=ReportingYear(start),
                        cell=services.CellInput(raw="21"),
                    )
                )
        services.import_figures(world.partnership, rows, by=world.admin)
        open_past_rounds(world)
    for raw in ("6", "7"):
        save(world, raw)


def test_every_page_costs_the_same_from_a_small_partnership_to_a_large_one(world):
    save(world, "5")  # every page has something to show: figures, events, a figure's history
    with scopes_disabled():  # and the explorer one approved figure
        row = services.ImportRow(
            line=1,
            metric=world.metrics["referrals"],
            area_id=world.areas[0].pk,
            geography=None,
            year=ReportingYear(2018),
            cell=services.CellInput(raw="700"),
        )
        services.import_figures(world.partnership, [row], by=world.admin)
    with scopes_disabled():
        value = MetricValue.objects.filter(metric=world.metrics["referrals"], year=world.round.year).first()
    small = count_every_page(world, value)
    grow(world)
    assert count_every_page(world, value) == small


def test_a_long_history_comes_in_pages_of_a_hundred(world):
    for raw in range(1, 30):
        save(world, str(raw))  # 29 saves of 8 figures: over 200 events
    client = login(None, world.editor)
    url = reverse("metrics:return_history", args=["hsscp", world.police_return.pk])
    first = client.get(url).content.decode()
    assert first.count("<li>\n    <div><strong>") == 100
    assert "Page 1 of 3" in first and "Later events" in first and "Earlier events" not in first
    last = client.get(url + "?page=3").content.decode()
    assert "Page 3 of 3" in last and "Earlier events" in last and "Later events" not in last
    assert queries(client, url) == queries(client, url + "?page=3")


def test_approved_figures_is_four_queries_with_every_label_read(world):
    from metrics import selectors
    from metrics.models import FrameworkItem
    from tests import factories as f

    def cost():
        with scopes_disabled(), CaptureQueriesContext(connection) as captured:
            figures = selectors.approved_figures(world.partnership, ["2025-26"])
            labels = [metric.label for metric in figures.metrics.values()]
            parts = [metric.part_of.name for metric in figures.metrics.values() if metric.part_of_id]
        return len(captured), labels, parts

    before, labels, _ = cost()
    with scopes_disabled():
        for n in range(5):
            item = FrameworkItem.objects.create(
                partnership=world.partnership, code=f"1.1.{n}", kind="indicator", title=f"Indicator {n}"
            )
            f.MetricFactory(partnership=world.partnership, code=f"extra-{n}", framework_item=item)
    after, labels, _ = cost()
    assert before == after == 4
    assert "1.1.0 " in " ".join(labels)
