"""Figures as real reports state them: periods, precision, points and places, ranks, shares, predecessors."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from metrics import services, tabular
from metrics.formatting import (
    describe_change,
    format_comparator,
    format_rank,
    format_share,
    format_value,
    ordinal,
    shown_decimals,
)
from metrics.models import MetricValue, Unit
from metrics.periods import Period, PeriodError, comparable
from partners.models import PartnershipKind
from partners.years import ReportingYear
from tests import factories as f

Y = ReportingYear


# --- Periods --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "start", "end", "year", "label"),
    [
        ("", None, None, 2024, "2024-25"),
        ("reporting_year", dt.date(2020, 4, 1), dt.date(2021, 3, 31), 2021, "2020-21"),
        ("calendar_year", None, None, 2024, "2024"),
        ("academic_year", None, None, 2023, "2023/24 academic year"),
        ("part_year", dt.date(2024, 7, 1), dt.date(2025, 3, 31), 2024, "2024-25, Q2–Q4 only"),
        ("part_year", dt.date(2024, 10, 1), dt.date(2024, 12, 31), 2024, "2024-25, Q3 only"),
        ("part_year", dt.date(2024, 5, 1), dt.date(2024, 8, 31), 2024, "2024-25, May to August 2024 only"),
        ("multi_year", dt.date(2019, 4, 1), dt.date(2023, 3, 31), 2022, "2019-20 to 2022-23 (4 years)"),
        ("multi_year", dt.date(2022, 1, 1), dt.date(2024, 12, 31), 2024, "2022 to 2024 (3 years)"),
    ],
)
def test_every_period_has_a_label_a_reader_understands(kind, start, end, year, label):
    assert Period.of(kind, start, end, year=Y(year)).label == label


@pytest.mark.parametrize(
    ("kind", "start", "end", "message"),
    [
        ("part_year", None, None, "Give the first and last day"),
        ("part_year", dt.date(2024, 7, 1), dt.date(2025, 6, 30), "within one reporting year"),
        ("academic_year", dt.date(2023, 4, 1), dt.date(2024, 3, 31), "An academic year runs from 1 September"),
        ("multi_year", dt.date(2023, 4, 1), dt.date(2024, 3, 31), "longer than a year"),
        ("part_year", dt.date(2024, 7, 15), dt.date(2024, 9, 30), "whole months"),
        ("weekly", None, None, "is not a kind of period"),
    ],
)
def test_a_period_that_cannot_be_is_refused_in_words(kind, start, end, message):
    with pytest.raises(PeriodError, match=message):
        Period.of(kind, start, end, year=Y(2024))


def test_change_is_only_worked_out_between_comparable_periods():
    full = Period.of("", year=Y(2024))
    assert comparable(full, Period.of("", year=Y(2023)))
    part = Period.of("part_year", dt.date(2024, 7, 1), dt.date(2025, 3, 31), year=Y(2024))
    assert not comparable(part, Period.of("", year=Y(2023)))
    assert comparable(part, Period.of("part_year", dt.date(2023, 7, 1), dt.date(2024, 3, 31), year=Y(2023)))
    assert not comparable(Period.of("calendar_year", year=Y(2024)), full)
    rolling = Period.of("multi_year", dt.date(2021, 4, 1), dt.date(2024, 3, 31), year=Y(2023))
    assert comparable(rolling, Period.of("multi_year", dt.date(2020, 4, 1), dt.date(2023, 3, 31), year=Y(2022)))


# --- Precision as published, every unit -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "own", "metric_decimals", "shown"),
    [
        ("31", "percentage", 0, 1, "31%"),
        ("31", "percentage", None, 1, "31.0%"),
        ("92.4", "percentage", 1, 2, "92.4%"),
        ("26.666", "percentage", 3, 1, "26.7%"),  # the metric's decimals are the maximum
        ("1234", "count", 0, 0, "1,234"),
        ("126.93", "rate_per_10k", 2, 1, "126.9 per 10,000"),
        ("126.9", "rate_per_10k", 0, 1, "127 per 10,000"),
        ("3.2", "rate_per_1k", 1, 2, "3.2 per 1,000"),
        ("3.2", "rate_per_1k", None, 2, "3.20 per 1,000"),
        ("450", "rate_per_100k", 0, 0, "450 per 100,000"),
        ("65620", "pounds", 0, 2, "£65,620"),
        ("65620.5", "pounds", 2, 2, "£65,620.50"),
        ("4.5", "score", 1, 2, "4.5"),
        ("4.5", "score", None, 2, "4.50"),
    ],
)
def test_each_unit_prints_with_the_precision_it_was_published_with(value, unit, own, metric_decimals, shown):
    assert format_value(Decimal(value), unit=unit, decimals=shown_decimals(own, metric_decimals)) == shown


@pytest.mark.parametrize(
    ("rank", "out_of", "scope", "shown"),
    [
        (3, None, "", "3rd"),
        (1, None, "", "1st"),
        (12, 12, "in the region", "12 of 12 in the region"),
        (11, None, "nationally", "11th nationally"),
        (22, 152, "", "22 of 152"),
    ],
)
def test_ranks_with_and_without_a_total(rank, out_of, scope, shown):
    assert format_rank(rank, out_of, scope) == shown


def test_ordinals_follow_english():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd", "111th",
    ]  # fmt: skip


def test_a_rank_metric_prints_as_an_ordinal_without_a_total():
    assert format_value(Decimal("3"), unit="rank") == "3rd"
    assert format_value(Decimal("12"), unit="rank", rank_out_of=12) == "12 of 12"


def test_percentages_change_in_points_optionally_relative_counts_in_per_cent_ranks_in_places():
    points = describe_change(
        Decimal("26.7"), Decimal("24.6"), unit="percentage", decimals=1, polarity="lower_is_better"
    )
    assert (points.text, points.word, points.direction) == ("Up 2.1 points", "Up", "worse")
    relative = describe_change(Decimal("26.7"), Decimal("24.6"), unit="percentage", decimals=1, relative=True)
    assert relative.text == "Up 2.1 points (+8.5%)"
    assert describe_change(Decimal("32"), Decimal("31"), unit="percentage").text == "Up 1 point"
    counts = describe_change(Decimal("900"), Decimal("1000"), unit="count", polarity="lower_is_better")
    assert (counts.text, counts.direction) == ("Down 100 (−10.0%)", "better")
    places = describe_change(Decimal("3"), Decimal("8"), unit="rank", polarity="lower_is_better")
    assert (places.text, places.movement, places.direction) == ("Up 5 places", "up", "better")
    assert describe_change(Decimal("9"), Decimal("8"), unit="rank", polarity="lower_is_better").text == "Down 1 place"
    assert "%" not in places.text
    same = describe_change(Decimal("31.04"), Decimal("31.01"), unit="percentage", decimals=0)
    assert (same.text, same.word) == ("No change", "No change")
    assert describe_change(Decimal("3"), None, unit="count") is None


def test_a_share_and_a_qualified_comparator():
    assert format_share(Decimal("12"), Decimal("42"), "children") == "12 of 42 children"
    assert format_comparator(Decimal("31"), unit="percentage", qualifier="approximate") == "about 31%"
    assert format_comparator(Decimal("31"), unit="percentage", qualifier="provisional") == "31% (provisional)"
    assert format_comparator(Decimal("31"), unit="percentage") == "31%"


# --- Stored, checked and round-tripped ------------------------------------------------------------------


@pytest.fixture
def history(world):
    """The world's partnership began in April 2019 and replaced one board; a rate and a derived share."""
    with scopes_disabled():
        partnership = world.partnership
        partnership.started_on = dt.date(2019, 4, 10)
        partnership.save()
        board = f.PartnershipFactory(
            slug="old-lscb",
            name="Old Local Safeguarding Children Board",
            short_name="Old LSCB",
            kind=PartnershipKind.BOARD,
            started_on=dt.date(2006, 4, 1),
            ended_on=dt.date(2019, 4, 9),
            succeeded_by=partnership,
        )
        rate = f.MetricFactory(
            partnership=partnership, code="ehe-rate", name="EHE rate", unit=Unit.RATE_PER_10K, decimals=2
        )
        share = f.MetricFactory(partnership=partnership, code="share", name="Share", unit=Unit.PERCENTAGE, decimals=1)
    world.metrics |= {"ehe-rate": rate, "share": share}
    world.board = board
    return world


HEADER = ",".join(tabular.COLUMNS)


def _csv(*rows):
    return "\n".join([HEADER, *rows])


def _import(world, text):
    with scopes_disabled():
        rows = tabular.match_rows(world.partnership, tabular.read_upload(text.encode(), "figures.csv"))
        errors = {row.line: row.errors for row in rows if row.errors}
        if not errors:
            services.import_figures(world.partnership, rows, by=None)
    return errors


def _detail_row(code, area, year, value, **details):
    columns = dict.fromkeys(tabular.COLUMNS, "")
    columns |= {"metric_code": code, "area_code": area, "year": year, "value": value, **details}
    return ",".join(columns[name] for name in tabular.COLUMNS)


EVERY_DETAIL = [
    _detail_row("share", "E06000001", "2024-25", "16.9", decimals="1", numerator="56", denominator="332",
                commentary="up on last year", period_kind="part_year", period_start="2024-07-01",
                period_end="2025-03-31", period_label="July to March"),
    _detail_row("ehe-rate", "E06000004", "2024-25", "126.93", rank="3", rank_out_of="12",
                rank_scope="in the region"),
    _detail_row("referrals", "E06000001", "2017-18", "1500", published_by="old-lscb"),
    _detail_row("referrals", "E06000001", "2021-22", "1970", period_kind="multi_year",
                period_start="2019-04-01", period_end="2022-03-31"),
    _detail_row("re-referral-rate", "E06000001", "2024-25", "31.0", qualifier="Q2-Q4 only"),
    _detail_row("re-referral-rate", "E92000001", "2024-25", "31", note="DfE", qualifier="approximate"),
]  # fmt: skip


def _stored(world):
    with scopes_disabled():
        values, comparators = tabular.selectors.values_for_export(world.partnership)
        return sorted(
            (v.metric.code, str(v.year), v.value, v.decimals, v.period_kind, v.period_start, v.period_end,
             v.period_label, v.commentary, v.rank, v.rank_out_of, v.rank_scope, v.numerator, v.denominator,
             v.published_by_id)
            for v in values
        ), sorted((c.metric.code, c.value, c.qualifier) for c in comparators)  # fmt: skip


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_round_trips_every_new_field_unchanged(history, fmt):
    assert _import(history, _csv(*EVERY_DETAIL)) == {}
    before = _stored(history)
    with scopes_disabled():
        share = MetricValue.objects.get(metric__code="share")
        assert (share.decimals, share.numerator, share.period.label) == (1, 56, "July to March")
        assert MetricValue.objects.get(metric__code="re-referral-rate").decimals == 1  # "31.0" kept
        content = tabular.dataset_bytes(
            tabular.export_dataset(*tabular.selectors.values_for_export(history.partnership)), fmt
        )
        rows = tabular.match_rows(history.partnership, tabular.read_upload(content, f"figures.{fmt}"))
        assert [row.errors for row in rows if row.errors] == []
        assert services.import_figures(history.partnership, rows, by=None) == 0
        again = tabular.dataset_bytes(
            tabular.export_dataset(*tabular.selectors.values_for_export(history.partnership)), fmt
        )
    assert _stored(history) == before
    if fmt == "csv":
        assert again == content
        assert ",31.0,,Q2-Q4 only,,,1," in content.decode("utf-8-sig")


def test_figures_for_years_before_the_partnership_are_refused_unless_a_predecessor_published_them(history):
    errors = _import(history, _csv(_detail_row("referrals", "E06000001", "2017-18", "1500")))
    assert errors == {
        2: [
            f"{history.partnership} began on 10 April 2019: a figure for 2017-18 is refused unless a "
            "predecessor published it. Name the board that published it in published_by (old-lscb)."
        ]
    }
    errors = _import(history, _csv(_detail_row("referrals", "E06000001", "2020-21", "1500", published_by="old-lscb")))
    assert errors == {2: ["Old LSCB did not exist between 1 April 2020 and 31 March 2021."]}
    errors = _import(history, _csv(_detail_row("referrals", "E06000001", "2018-19", "1", published_by="nobody")))
    assert errors == {2: ["“nobody” is not a predecessor of HSSCP (its predecessors: old-lscb)."]}
    assert _import(history, _csv(_detail_row("referrals", "E06000001", "2019-20", "1500"))) == {}  # part of 2019-20


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ({"numerator": "50"}, "Give both the numerator and the denominator, or neither."),
        ({"numerator": "50", "denominator": "40"}, "The numerator must be between 0 and the denominator"),
        ({"decimals": "2"}, "is published with at most 1 decimals."),
        ({"rank": "0"}, "The rank must be a whole number from 1."),
        ({"commentary": "x" * 81}, "The commentary can be at most 80 characters; this one has 81."),
        ({"commentary": "up\x00"}, "The commentary contains an invisible control character (U+0000"),
        ({"period_kind": "part_year"}, "Give the first and last day of a part-year or multi-year period."),
        ({"period_start": "1/7/24", "period_end": "2025-03-31", "period_kind": "part_year"}, "is not a date"),
    ],
)
def test_details_that_cannot_be_right_get_a_message_on_their_row(history, details, message):
    errors = _import(history, _csv(_detail_row("share", "E06000001", "2024-25", "16.9", **details)))
    assert message in " ".join(errors[2])


def test_the_return_form_keeps_the_precision_typed(world):
    key = (world.metrics["re-referral-rate"].pk, world.areas[0].pk)
    with scopes_disabled():
        services.save_return(world.police_return, {key: services.CellInput(raw="31")}, by=world.submitter)
        value = MetricValue.objects.get(metric=world.metrics["re-referral-rate"], area=world.areas[0])
    assert value.decimals == 0
    value.approved_at = timezone.now()
    assert format_value(value.value, unit="percentage", decimals=shown_decimals(value.decimals, 1)) == "31%"


# --- The explorer shows each case -------------------------------------------------------------------------


def _explorer(client, world, code):
    from django.urls import reverse

    from tests.conftest import login

    login(client, world.editor)
    response = client.get(reverse("metrics:explorer", args=[world.partnership.slug]) + f"?metric={code}")
    assert response.status_code == 200
    return response


def _rows(response, area_name):
    """The table about one area as lists of cell texts (visually hidden text left out)."""
    from tests.metrics.test_explorer_views import table_about

    table = table_about(response, f"in {area_name}")
    return table["head"], table["rows"]


def _row(rows, head, year):
    return next(dict(zip(head, row, strict=False)) for row in rows if row[0].startswith(year))


def test_a_series_across_the_predecessor_change_attributes_each_point_and_marks_the_change(client, history):
    assert (
        _import(
            history,
            _csv(
                _detail_row("referrals", "E06000001", "2017-18", "1840", published_by="old-lscb"),
                _detail_row("referrals", "E06000001", "2018-19", "1900", published_by="old-lscb"),
                _detail_row("referrals", "E06000001", "2019-20", "2000"),
                _detail_row("referrals", "E06000001", "2020-21", "1950"),
            ),
        )
        == {}
    )
    response = _explorer(client, history, "referrals")
    head, rows = _rows(response, "Hartlepool")
    assert _row(rows, head, "2017-18")["Year"] == "2017-18Published by Old Local Safeguarding Children Board"
    marker = rows.index(next(r for r in rows if "From here" in r[0]))
    assert rows[marker][0] == f"┃ From here, figures published by {history.partnership.name} (from 10 April 2019)"
    assert rows[marker - 1][0].startswith("2018-19") and rows[marker + 1][0] == "2019-20"
    # The same area's figure is compared across the change of publisher.
    assert _row(rows, head, "2019-20")["Change on previous year"] == "Up 100 (+5.3%)"
    from tests.metrics.test_explorer_views import figure_json

    chart = figure_json(response, "trend-figure")
    (line,) = chart["layout"]["shapes"]
    assert line["x0"] == 1.5  # between 2018-19 and 2019-20
    assert "Old LSCB" in chart["layout"]["annotations"][0]["text"]
    hartlepool = next(t for t in chart["data"] if t["name"] == "Hartlepool")
    assert hartlepool["marker"]["symbol"][:3] == ["circle-open", "circle-open", "circle"]
    assert "published by Old Local Safeguarding Children Board" in hartlepool["text"][0]
    assert "were published by Old Local Safeguarding Children Board" in response.content.decode()


def test_a_part_year_figure_is_labelled_and_not_compared_with_a_whole_year(client, history):
    assert _import(
        history,
        _csv(
            _detail_row("referrals", "E06000001", "2023-24", "2000"),
            _detail_row(
                "referrals", "E06000001", "2024-25", "1500",
                period_kind="part_year", period_start="2024-07-01", period_end="2025-03-31",
            ),
        ),
    ) == {}  # fmt: skip
    head, rows = _rows(_explorer(client, history, "referrals"), "Hartlepool")
    row = _row(rows, head, "2024-25")
    assert row["Year"] == "2024-25" + "2024-25, Q2–Q4 only part year"
    assert row["Change on previous year"] == "–not comparable with the period before"


def test_a_rate_shows_its_rank_and_the_change_in_places(client, history):
    assert _import(
        history,
        _csv(
            _detail_row("ehe-rate", "E06000001", "2023-24", "99.5", rank="5", rank_out_of="12", rank_scope="in the region"),
            _detail_row("ehe-rate", "E06000001", "2024-25", "126.9", rank="3", rank_out_of="12", rank_scope="in the region", commentary="highest yet"),
        ),
    ) == {}  # fmt: skip
    head, rows = _rows(_explorer(client, history, "ehe-rate"), "Hartlepool")
    row = _row(rows, head, "2024-25")
    assert row["Hartlepool"] == "126.9 per 10,000"
    assert row["Rank"] == "3 of 12 in the regionUp 2 places"
    assert row["Commentary"] == "highest yet"
    assert row["Change on previous year"] == "Up 27.4 (+27.5%)"


def test_a_percentage_worked_out_from_two_counts_shows_its_numerator_and_denominator(client, history):
    with scopes_disabled():
        history.metrics["share"].numerator_metric = history.metrics["re-referrals"]
        history.metrics["share"].denominator_metric = history.metrics["referrals"]
        history.metrics["share"].denominator_noun = "referrals"
        history.metrics["share"].save()
    assert (
        _import(
            history,
            _csv(
                _detail_row("referrals", "E06000001", "2024-25", "42"),
                _detail_row("re-referrals", "E06000001", "2024-25", "12"),
                _detail_row("share", "E06000004", "2024-25", "31", numerator="50", denominator="161"),
            ),
        )
        == {}
    )
    response = _explorer(client, history, "share")
    head, rows = _rows(response, "Hartlepool")
    row = _row(rows, head, "2024-25")
    assert (row["Hartlepool"], row["Of"]) == ("28.6%", "12 of 42 referrals")
    head, rows = _rows(response, "Stockton-on-Tees")
    row = _row(rows, head, "2024-25")
    assert (row["Stockton-on-Tees"], row["Of"]) == ("31%", "50 of 161 referrals")  # entered, as published


# --- The business unit states one figure: form, service, audit -------------------------------------------


def test_the_business_unit_restates_a_figure_and_the_audit_says_what_changed(client, history):
    from django.urls import reverse

    from partners import audit
    from tests.conftest import login

    assert _import(history, _csv(_detail_row("ehe-rate", "E06000001", "2024-25", "126.93"))) == {}
    with scopes_disabled():
        value = MetricValue.objects.get(metric__code="ehe-rate")
    url = reverse("metrics:value_statement", args=[history.partnership.slug, value.pk])
    login(client, history.editor)
    form = {
        "period_kind": "part_year",
        "period_start": "2024-07-01",
        "period_end": "2025-03-31",
        "rank": "3",
        "rank_scope": "in the region",
        "commentary": "highest yet",
        "decimals": "1",
    }
    refused = client.post(url, form | {"period_end": "2025-06-30"})
    assert refused.status_code == 422
    assert "within one reporting year" in refused.content.decode()
    assert 'value="in the region"' in refused.content.decode()  # nothing typed is lost
    response = client.post(url, form)
    assert response.status_code == 302
    with scopes_disabled():
        value.refresh_from_db()
        assert (value.value, value.is_approved) == (Decimal("126.93"), True)  # the number and its approval stay
        assert (value.rank, value.rank_scope, value.period.label, value.decimals) == (
            3, "in the region", "2024-25, Q2–Q4 only", 1,
        )  # fmt: skip
        (event,) = audit.about(value).filter(action="metrics.value.restated")
    assert "rank empty → 3" in audit.sentence(event) and "period kind empty → part_year" in audit.sentence(event)
    page = client.get(reverse("metrics:value_history", args=[history.partnership.slug, value.pk])).content.decode()
    assert "126.9 per 10,000, 3rd in the region" in page and "2024-25, Q2–Q4 only" in page
    login(client, history.submitter)
    assert client.post(url, form).status_code == 403
