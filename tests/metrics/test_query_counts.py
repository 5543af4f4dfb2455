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


def test_the_dashboard_and_overview_cost_the_same_with_more_rounds(world):
    partner, editor = login(None, world.submitter), login(None, world.editor)
    dashboard, overview = reverse("dashboard"), reverse("partnership_home", args=["hsscp"])
    before = (queries(partner, dashboard), queries(partner, overview), queries(editor, overview))
    with scopes_disabled():
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
    after = (queries(partner, dashboard), queries(partner, overview), queries(editor, overview))
    assert after == before


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
