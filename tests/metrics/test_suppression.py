"""Small numbers never leak: every formatter and chart path, given a suppressed value of 3.

A metric marked `suppress_small` shows 1 to 4 as "fewer than 5" to anyone outside the business
unit, through the one rule `formatting.is_suppressed`; inside the business unit the number shows.
"""

import json
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from metrics import charts, selectors, tabular
from metrics.formatting import SUPPRESSED, format_value, is_suppressed
from metrics.models import Unit
from tests.conftest import login
from tests.metrics.test_explorer_charts import HARTLEPOOL, STOCKTON, metric, series

SECRET = "3"


def secret_in(text):
    """Whether the suppressed 3 shows as a number (not as part of 2023-24, 13 or "fewer than 5")."""
    return re.search(r"(?<![\d.\-])3(?![\d\-])", text.replace(SUPPRESSED, "")) is not None


@pytest.fixture
def walked():
    m = metric(name="Children in secure units", unit=Unit.COUNT, suppress_small=True)
    return m, series(m, 2022, {HARTLEPOOL: [12, 3, 14], STOCKTON: [7, 9, 11]})


def test_the_one_rule(walked):
    m, _ = walked
    assert is_suppressed(3, suppress_small=True, public=True)
    assert not is_suppressed(3, suppress_small=True, public=False)  # the business unit sees it
    assert not is_suppressed(3, suppress_small=False, public=True)
    assert not is_suppressed(0, suppress_small=True, public=True) and not is_suppressed(
        5, suppress_small=True, public=True
    )
    assert format_value(3, unit=m.unit, suppress_small=True, public=True) == SUPPRESSED


def test_tables_show_fewer_than_5_and_no_change_that_would_tell_the_number(walked):
    _, s = walked
    (hartlepool, _) = selectors.series_tables(s, public=True)
    values = [row.value for row in hartlepool.rows]
    assert values == ["12", SUPPRESSED, "14"]
    assert [row.change for row in hartlepool.rows] == ["–", "–", "–"]  # 12→3 and 3→14 would both tell it
    assert [row.direction for row in hartlepool.rows] == ["", "", ""]
    figure = hartlepool.rows[1].figure
    assert figure.formatted(public=True) == SUPPRESSED and figure.change_for(public=True) == ""
    inside = selectors.series_tables(s)[0]
    assert [row.value for row in inside.rows] == ["12", "3", "14"]


def test_chart_points_hover_text_and_description_never_hold_the_number(walked):
    _, s = walked
    spec = charts.metric_trend_figure(s, public=True)
    hartlepool = next(trace for trace in spec["data"] if trace["name"] == "Hartlepool")
    assert list(hartlepool["y"]) == [12.0, None, 14.0]
    assert list(hartlepool["text"]) == ["12", SUPPRESSED, "14"]
    assert not secret_in(json.dumps([trace.get("text") for trace in spec["data"]]))
    description = charts.describe_series(s, public=True)
    assert SUPPRESSED in description and not secret_in(description)
    m, _ = walked
    ending_small = series(m, 2022, {HARTLEPOOL: [12, 3]})
    assert "fell from 12 in 2022-23 to 3 in 2023-24" in charts.describe_series(ending_small)  # inside
    public = charts.describe_series(ending_small, public=True)
    assert public.startswith("Children in secure units in Hartlepool was 12 in 2022-23 (fewer than 5 in 2023-24)")


def test_an_export_for_outside_the_business_unit_writes_fewer_than_5(world):
    from tests import factories as f

    with scopes_disabled():
        m = f.MetricFactory(partnership=world.partnership, code="secure", name="Secure", suppress_small=True)
        value = f.ValueFactory(
            metric=m, area=world.areas[0], year="2024-25", value=Decimal(3), approved_at="2025-06-01T00:00Z"
        )
        value.metric, value.area = m, world.areas[0]
    public = tabular.export_dataset([value], [], public=True)
    inside = tabular.export_dataset([value], [])
    assert public["value"] == [SUPPRESSED] and inside["value"] == ["3"]


def test_the_explorer_as_the_public_sees_it_prints_no_small_number(world):
    from tests import factories as f

    with scopes_disabled():
        m = f.MetricFactory(partnership=world.partnership, code="secure", name="Secure", suppress_small=True)
        for year, number in (("2023-24", 12), ("2024-25", 3)):
            f.ValueFactory(metric=m, area=world.areas[0], year=year, value=number, approved_at="2025-06-01T00:00Z")
    client = login(None, world.editor)
    url = reverse("metrics:explorer", args=["hsscp"])
    public = client.get(url, {"metric": "secure", "area": world.areas[0].ons_code, "as_public": "on"}).content.decode()
    assert SUPPRESSED in public and ">3<" not in public and "was 3" not in public
    inside = client.get(url, {"metric": "secure", "area": world.areas[0].ons_code}).content.decode()
    assert ">3<" in inside


def test_chart_text_is_plain_text_never_markup():
    m = metric(name='<b>Bold</b> <a href="https://example.org">link</a>', suppress_small=False)
    area = type(HARTLEPOOL)(pk=3, name="<i>Tees</i>", ons_code="E06000009")
    spec = charts.metric_trend_figure(series(m, 2023, {area: [5, 6]}))
    text = json.dumps(spec)
    assert "<b>" not in text and "<a " not in text and "<i>" not in text
    assert "&lt;b&gt;Bold&lt;/b&gt;" in spec["layout"]["title"]["text"]
    assert spec["data"][0]["name"] == "&lt;i&gt;Tees&lt;/i&gt;"
