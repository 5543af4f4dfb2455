"""The figures explorer and the comparators page, and the reads they rely on."""

import json
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from metrics import selectors, services
from metrics.models import Comparator, ComparatorKind, Unit
from partners.models import AuditEvent
from partners.years import ReportingYear
from tests import factories as f
from tests.conftest import login

ENGLAND = ComparatorKind.ENGLAND.value
NORTH_EAST = ComparatorKind.NORTH_EAST.value


# --- Helpers -------------------------------------------------------------------------------


def import_figures(world, metric, rows, *, partnership=None):
    """Approved figures, as an administrator's import makes them: rows of (area, year, raw[, note])."""
    import_rows = []
    for line, row in enumerate(rows, start=1):
        area, year, raw, *rest = row
        note, rank_out_of = (rest + ["", ""])[:2]
        import_rows.append(
            services.ImportRow(
                line=line,
                metric=metric,
                area_id=area.pk if area else None,
                geography=None,
                year=ReportingYear.parse(year),
                cell=services.CellInput(raw=raw, note=note, rank_out_of=rank_out_of),
            )
        )
    with scopes_disabled():
        services.import_figures(partnership or world.partnership, import_rows, by=world.editor)


def set_comparator(world, metric, year, value, geography=ENGLAND):
    with scopes_disabled():
        services.set_comparator(
            metric=metric,
            year=ReportingYear.parse(year),
            geography=geography,
            value=Decimal(str(value)),
            by=world.editor,
        )


class TableParser(HTMLParser):
    """Tables as {"caption", "head", "rows"} of cell texts; visually hidden text is left out."""

    VOID = {"area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.tables, self._hidden, self._row, self._cell, self._caption = [], [], None, None, None

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        self._hidden.append("visually-hidden" in classes or bool(self._hidden and self._hidden[-1]))
        if tag == "table":
            self.tables.append({"caption": "", "head": [], "rows": []})
        elif tag == "caption":
            self._caption = []
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if self._hidden:
            self._hidden.pop()
        if tag == "caption" and self._caption is not None:
            self.tables[-1]["caption"] = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            table = self.tables[-1]
            if table["head"]:
                table["rows"].append(self._row)
            else:
                table["head"] = self._row
            self._row = None

    def handle_data(self, data):
        if self._hidden and self._hidden[-1]:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._caption is not None:
            self._caption.append(data)


class ElementsById(HTMLParser):
    """Each element's attributes and text by its id, and each label's text by the id it is for."""

    def __init__(self):
        super().__init__()
        self.attrs, self.text, self.label_for = {}, {}, {}
        self._open = []  # (tag, id or None, label's for or None) of the elements being read

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.attrs[attrs["id"]] = attrs
            self.text[attrs["id"]] = ""
        if tag not in {"input", "br", "img", "meta", "link"}:
            self._open.append((tag, attrs.get("id"), attrs.get("for") if tag == "label" else None))

    def handle_endtag(self, tag):
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        for _, element_id, label_for in self._open:
            if element_id:
                self.text[element_id] += data
            if label_for:
                self.label_for[label_for] = self.label_for.get(label_for, "") + data

    def text_of(self, element_id):
        return " ".join(self.text[element_id].split())

    def label_of(self, element_id):
        return " ".join(self.label_for[element_id].split())


def tables_in(response):
    parser = TableParser()
    parser.feed(response.content.decode())
    return parser.tables


def table_about(response, words):
    matches = [t for t in tables_in(response) if words in t["caption"]]
    assert matches, f"no table captioned with {words!r}: {[t['caption'] for t in tables_in(response)]}"
    return matches[0]


def row_for(table, year):
    """The year's row as {column heading: cell text}."""
    for row in table["rows"]:
        if row[0] == year:
            return dict(zip(table["head"], row, strict=True))
    raise AssertionError(f"no row for {year}")


def figure_json(response, element_id):
    match = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', response.content.decode())
    assert match, f"no json_script {element_id}"
    return json.loads(match.group(1))


def explorer_url(world, **query):
    url = reverse("metrics:explorer", args=[world.partnership.slug])
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


def comparators_url(world):
    return reverse("metrics:comparators", args=[world.partnership.slug])


@pytest.fixture
def referrals(world):
    """Referrals in Hartlepool for four years with 2022-23 missing, Stockton N/K in 2023-24, and England."""
    metric = world.metrics["referrals"]
    hartlepool, stockton = world.areas
    import_figures(
        world,
        metric,
        [
            (hartlepool, "2021-22", "1234"),
            (hartlepool, "2023-24", "1400", "as at 31 March 2024"),
            (hartlepool, "2024-25", "1500"),
            (stockton, "2023-24", "N/K"),
            (stockton, "2024-25", "900"),
        ],
    )
    set_comparator(world, metric, "2021-22", 500000)
    set_comparator(world, metric, "2024-25", 520000)
    set_comparator(world, metric, "2024-25", 31000, geography=NORTH_EAST)
    return metric


# --- Permissions -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["metrics:explorer", "metrics:comparators"])
def test_an_anonymous_visitor_is_sent_to_log_in(client, world, name):
    response = client.get(reverse(name, args=[world.partnership.slug]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", ["metrics:explorer", "metrics:comparators"])
def test_an_editor_of_another_partnership_gets_not_found(client, world, name):
    login(client, world.outsider)
    assert client.get(reverse(name, args=[world.partnership.slug])).status_code == 404


@pytest.mark.parametrize("name", ["metrics:explorer", "metrics:comparators"])
def test_an_agency_submitter_is_forbidden(client, world, name):
    login(client, world.submitter)
    assert client.get(reverse(name, args=[world.partnership.slug])).status_code == 403


@pytest.mark.parametrize("name", ["metrics:explorer", "metrics:comparators"])
@pytest.mark.parametrize("actor", ["editor", "approver", "admin"])
def test_the_business_unit_and_portal_admins_may_open_it(client, world, name, actor):
    login(client, getattr(world, actor))
    assert client.get(reverse(name, args=[world.partnership.slug])).status_code == 200


def test_posting_a_comparator_is_refused_to_everyone_outside_the_business_unit(client, world):
    data = {"metric": "referrals", "year": "2024-25", "geography": ENGLAND, "value": "1"}
    assert client.post(comparators_url(world), data).status_code == 302  # to the login page
    login(client, world.outsider)
    assert client.post(comparators_url(world), data).status_code == 404
    login(client, world.submitter)
    assert client.post(comparators_url(world), data).status_code == 403
    with scopes_disabled():
        assert not Comparator.objects.exists()


# --- The explorer ----------------------------------------------------------------------


def test_the_explorer_starts_with_a_metric_picker_grouped_by_catalogue_group(client, world):
    login(client, world.editor)
    response = client.get(explorer_url(world))
    html = response.content.decode()
    assert '<optgroup label="Other">' in html
    assert '<option value="re-referral-rate">Re-referral rate</option>' in html
    picker = re.search(r'<form[^>]*id="explorer-form".*?</form>', html, re.S).group(0)
    assert 'method="get"' in picker
    assert "csrfmiddlewaretoken" not in picker
    assert "series" not in response.context


def test_the_table_shows_each_year_with_a_gap_year_as_a_dash(client, world, referrals):
    login(client, world.editor)
    response = client.get(explorer_url(world, metric="referrals"))
    assert response.status_code == 200
    table = table_about(response, "Referrals in Hartlepool")
    assert [row[0] for row in table["rows"]] == ["2021-22", "2022-23", "2023-24", "2024-25"]
    assert row_for(table, "2021-22")["Hartlepool"] == "1,234"
    assert row_for(table, "2022-23")["Hartlepool"] == "–"
    assert row_for(table, "2023-24")["Hartlepool"] == "1,400"
    assert row_for(table, "2024-25")["Hartlepool"] == "1,500"


def test_a_gap_year_has_no_change_and_the_year_after_it_has_none_either(client, world, referrals):
    login(client, world.editor)
    table = table_about(client.get(explorer_url(world, metric="referrals")), "Referrals in Hartlepool")
    assert row_for(table, "2022-23")["Change on previous year"] == "–"
    assert row_for(table, "2023-24")["Change on previous year"] == "–"
    assert row_for(table, "2024-25")["Change on previous year"] == "Up 100 (+7.1%)"


def test_a_not_known_figure_is_shown_as_nk(client, world, referrals):
    login(client, world.editor)
    table = table_about(client.get(explorer_url(world, metric="referrals")), "Referrals in Stockton-on-Tees")
    assert row_for(table, "2023-24")["Stockton-on-Tees"] == "N/K"
    assert row_for(table, "2024-25")["Change on previous year"] == "–"


def test_england_and_the_region_appear_beside_each_year(client, world, referrals):
    login(client, world.editor)
    table = table_about(client.get(explorer_url(world, metric="referrals")), "Referrals in Hartlepool")
    assert table["head"][4:6] == ["England", "North East"]
    assert row_for(table, "2021-22")["England"] == "500,000"
    assert row_for(table, "2022-23")["England"] == "–"
    assert row_for(table, "2024-25")["North East"] == "31,000"
    assert "with England and North East" in table["caption"]


def test_notes_and_qualifiers_are_shown_beside_the_figure(client, world, referrals):
    login(client, world.editor)
    table = table_about(client.get(explorer_url(world, metric="referrals")), "Referrals in Hartlepool")
    assert row_for(table, "2023-24")["Notes"] == "as at 31 March 2024"


def test_a_metric_of_neither_polarity_says_up_or_down(client, world, referrals):
    login(client, world.editor)
    table = table_about(client.get(explorer_url(world, metric="referrals")), "Referrals in Hartlepool")
    assert row_for(table, "2024-25")["Direction"] == "▲ Up"


def test_a_fall_in_a_lower_is_better_metric_says_better_and_a_rise_says_worse(client, world):
    rate = world.metrics["re-referral-rate"]
    hartlepool, stockton = world.areas
    import_figures(
        world,
        rate,
        [
            (hartlepool, "2023-24", "25"),
            (hartlepool, "2024-25", "20"),
            (stockton, "2023-24", "20"),
            (stockton, "2024-25", "22"),
        ],
    )
    login(client, world.editor)
    response = client.get(explorer_url(world, metric="re-referral-rate"))
    falling = row_for(table_about(response, "in Hartlepool"), "2024-25")
    rising = row_for(table_about(response, "in Stockton-on-Tees"), "2024-25")
    assert falling["Change on previous year"] == "Down 5 points"  # percentages change in points
    assert falling["Direction"] == "▼ Better"
    assert rising["Change on previous year"] == "Up 2 points"
    assert rising["Direction"] == "▲ Worse"
    html = response.content.decode()
    assert 'class="direction direction-better"' in html
    assert 'class="direction direction-worse"' in html


def test_a_rise_in_a_higher_is_better_partnership_metric_says_better(client, world):
    sessions = world.metrics["training-sessions"]
    import_figures(world, sessions, [(None, "2023-24", "10"), (None, "2024-25", "12")])
    login(client, world.editor)
    response = client.get(explorer_url(world, metric="training-sessions"))
    table = table_about(response, "Training sessions for the whole partnership")
    assert row_for(table, "2024-25")["Change on previous year"] == "Up 2 (+20.0%)"
    assert row_for(table, "2024-25")["Direction"] == "▲ Better"


def test_a_rank_is_shown_as_x_of_n(client, world):
    rank = f.MetricFactory(
        partnership=world.partnership,
        code="ofsted-rank",
        name="Ofsted rank",
        unit=Unit.RANK,
        polarity="lower_is_better",
    )
    import_figures(world, rank, [(world.areas[0], "2024-25", "12", "", "152")])
    login(client, world.editor)
    table = table_about(client.get(explorer_url(world, metric="ofsted-rank")), "Ofsted rank in Hartlepool")
    assert row_for(table, "2024-25")["Hartlepool"] == "12 of 152"


def test_figures_not_yet_approved_stay_out_of_the_explorer(client, world, referrals):
    with scopes_disabled():
        services.save_return(
            world.police_return,
            {(referrals.pk, world.areas[0].pk): services.CellInput(raw="1777")},
            by=world.submitter,
        )
    login(client, world.editor)
    response = client.get(explorer_url(world, metric="referrals"))
    table = table_about(response, "Referrals in Hartlepool")
    assert [row[0] for row in table["rows"]][-1] == "2024-25"
    assert "1,777" not in response.content.decode()


def test_the_chart_json_has_none_for_the_gap_year(client, world, referrals):
    login(client, world.editor)
    response = client.get(explorer_url(world, metric="referrals"))
    figure = figure_json(response, "trend-figure")
    lines = {trace["name"]: trace for trace in figure["data"]}
    assert lines["Hartlepool"]["x"] == ["2021-22", "2022-23", "2023-24", "2024-25"]
    assert lines["Hartlepool"]["y"] == [1234.0, None, 1400.0, 1500.0]
    assert lines["England"]["y"] == [500000.0, None, None, 520000.0]
    assert lines["England"]["line"]["dash"] == "dash"
    html = response.content.decode()
    assert 'data-figure-id="trend-figure"' in html
    assert "js/charts.js" in html and "vendor/plotly/plotly-basic.min.js" in html
    assert "cdn" not in html.lower()


def test_the_chart_has_a_text_description_built_from_the_data(client, world, referrals):
    login(client, world.editor)
    response = client.get(explorer_url(world, metric="referrals"))
    assert response.context["description"].startswith(
        "Referrals in Hartlepool rose from 1,234 in 2021-22 to 1,500 in 2024-25 (no figure for 2022-23)"
    )
    assert 'aria-describedby="trend-description"' in response.content.decode()


def test_choosing_an_area_shows_only_that_area(client, world, referrals):
    login(client, world.editor)
    response = client.get(explorer_url(world, metric="referrals", area=world.areas[1].ons_code))
    captions = [t["caption"] for t in tables_in(response)]
    assert len(captions) == 1 and "Stockton-on-Tees" in captions[0]
    assert [t["name"] for t in figure_json(response, "trend-figure")["data"]] == [
        "Stockton-on-Tees",
        "England",
        "North East",
    ]


def test_choosing_years_limits_the_table_and_keeps_empty_years(client, world, referrals):
    login(client, world.editor)
    response = client.get(explorer_url(world, metric="referrals", first_year="2022-23", last_year="2025-26"))
    table = table_about(response, "Referrals in Hartlepool")
    assert [row[0] for row in table["rows"]] == ["2022-23", "2023-24", "2024-25", "2025-26"]
    assert row_for(table, "2025-26")["Hartlepool"] == "–"
    assert row_for(table, "2023-24")["Change on previous year"] == "–"


def test_a_last_year_before_the_first_is_explained_at_the_field(client, world, referrals):
    login(client, world.editor)
    response = client.get(explorer_url(world, metric="referrals", first_year="2024-25", last_year="2021-22"))
    assert response.status_code == 200
    assert "The last year must not be before the first (2024-25)." in response.content.decode()
    assert "series" not in response.context
    elements = ElementsById()
    elements.feed(response.content.decode())
    box = elements.attrs["id_last_year"]
    assert box["aria-invalid"] == "true" and "is-invalid" in box["class"]
    described_by = box["aria-describedby"].split()  # a screen reader reads the error and the hint with the box
    assert [elements.text_of(id) for id in described_by] == [
        'For example "2024-25".',
        "The last year must not be before the first (2024-25).",
    ]
    assert elements.label_of("id_last_year") == "To year"
    assert "aria-invalid" not in elements.attrs["id_first_year"]


def test_a_metric_code_from_another_partnership_is_not_a_choice(client, world):
    f.MetricFactory(partnership=world.other_partnership, code="theirs", name="Their metric")
    login(client, world.editor)
    response = client.get(explorer_url(world, metric="theirs"))
    assert "Select a valid choice" in response.content.decode()
    assert "series" not in response.context


def test_a_metric_without_figures_says_so(client, world):
    login(client, world.editor)
    response = client.get(explorer_url(world, metric="training-sessions"))
    assert "No approved figures or comparators for this metric yet." in response.content.decode()
    assert "js/charts.js" not in response.content.decode()


def test_the_explorer_runs_the_same_queries_for_four_years_as_for_twelve(client, world, referrals):
    login(client, world.editor)
    with CaptureQueriesContext(connection) as few:
        client.get(explorer_url(world, metric="referrals"))
    import_figures(
        world, referrals, [(area, f"{y}-{str(y + 1)[-2:]}", "10") for y in range(2010, 2018) for area in world.areas]
    )
    with CaptureQueriesContext(connection) as many:
        response = client.get(explorer_url(world, metric="referrals"))
    assert len(table_about(response, "Referrals in Hartlepool")["rows"]) == 15
    assert len(many) == len(few)


# --- Comparators ---------------------------------------------------------------------------


def test_the_business_unit_adds_a_comparator_through_the_service(client, world):
    login(client, world.editor)
    response = client.post(
        comparators_url(world),
        {"metric": "re-referral-rate", "year": "2024-25", "geography": ENGLAND, "value": "21.5", "source": "DfE CIN"},
    )
    assert response.status_code == 302
    assert response.url == comparators_url(world) + "?metric=re-referral-rate"
    with scopes_disabled():
        comparator = Comparator.objects.get()
        assert (str(comparator.year), comparator.geography, comparator.value, comparator.source) == (
            "2024-25",
            ENGLAND,
            21.5,
            "DfE CIN",
        )
        assert AuditEvent.objects.filter(action="metrics.comparator.set", actor=world.editor).exists()
    page = client.get(response.url)
    assert "Saved: Re-referral rate, England, 2024-25: 21.5%." in page.content.decode()


def test_saving_the_same_metric_year_and_geography_updates_the_comparator(client, world):
    set_comparator(world, world.metrics["referrals"], "2024-25", 500000)
    login(client, world.approver)
    client.post(
        comparators_url(world),
        {"metric": "referrals", "year": "2024-25", "geography": ENGLAND, "value": "520000", "source": ""},
    )
    with scopes_disabled():
        assert list(Comparator.objects.values_list("value", flat=True)) == [520000]


def test_a_refused_comparator_shows_errors_at_the_fields_and_keeps_what_was_typed(client, world):
    login(client, world.editor)
    response = client.post(
        comparators_url(world),
        {"metric": "re-referral-rate", "year": "2024", "geography": ENGLAND, "value": "120", "source": "DfE CIN"},
    )
    assert response.status_code == 422
    form = response.context["form"]
    assert "year" in form.errors and "value" in form.errors
    assert form.errors["value"] == ["A percentage must be between 0 and 100."]
    html = response.content.decode()
    assert 'value="2024"' in html and 'value="120"' in html and 'value="DfE CIN"' in html
    assert '<option value="re-referral-rate" selected>' in html
    assert "is-invalid" in html
    with scopes_disabled():
        assert not Comparator.objects.exists()


def test_a_metrics_local_maximum_does_not_limit_an_england_figure(client, world):
    with scopes_disabled():
        referrals = world.metrics["referrals"]
        referrals.maximum = 5000
        referrals.save()
    login(client, world.editor)
    response = client.post(
        comparators_url(world), {"metric": "referrals", "year": "2024-25", "geography": ENGLAND, "value": "600000"}
    )
    assert response.status_code == 302


def test_comparators_are_listed_by_metric_and_year(client, world, referrals):
    set_comparator(world, world.metrics["re-referral-rate"], "2024-25", 21.5)
    login(client, world.editor)
    response = client.get(comparators_url(world))
    referral_table = table_about(response, "Referrals")
    assert [row[:3] for row in referral_table["rows"]] == [
        ["2024-25", "England", "520,000"],
        ["2024-25", "North East", "31,000"],
        ["2021-22", "England", "500,000"],
    ]
    assert table_about(response, "Re-referral rate")["rows"][0][:3] == ["2024-25", "England", "21.5%"]


def test_the_list_can_show_one_metric(client, world, referrals):
    set_comparator(world, world.metrics["re-referral-rate"], "2024-25", 21.5)
    login(client, world.editor)
    response = client.get(comparators_url(world) + "?metric=re-referral-rate")
    assert [t["caption"] for t in tables_in(response)] == ["Re-referral rate (percentage)"]


def test_an_update_link_fills_the_form_with_the_stored_comparator(client, world, referrals):
    login(client, world.editor)
    response = client.get(comparators_url(world) + f"?metric=referrals&year=2024-25&geography={NORTH_EAST}")
    form = response.context["form"]
    assert form["value"].value() == "31000"
    assert form["year"].value() == "2024-25"
    assert form["geography"].value() == NORTH_EAST
    assert f"?metric=referrals&amp;year=2024-25&amp;geography={NORTH_EAST}#comparator-form" in (
        response.content.decode()
    )


# --- The selector reports and the explorer share ---------------------------------------------


def _metrics_with_values(world, count, prefix):
    """`count` metrics with an approved and an unapproved figure each, and an England comparator."""
    metrics = [
        f.MetricFactory(partnership=world.partnership, code=f"{prefix}-{i}", name=f"{prefix} {i}") for i in range(count)
    ]
    for metric in metrics:
        import_figures(world, metric, [(area, "2024-25", "40") for area in world.areas])
        set_comparator(world, metric, "2024-25", 50)
        f.ValueFactory(metric=metric, area=world.areas[0], year=ReportingYear(2023), value=99)  # a draft
    return [m.code for m in metrics]


def test_approved_figures_runs_the_same_queries_for_3_metrics_as_for_30(world):
    few = _metrics_with_values(world, 3, "few")
    many = _metrics_with_values(world, 30, "many")
    counts = []
    for codes in (few, many):
        with scope(partnership=world.partnership), CaptureQueriesContext(connection) as queries:
            figures = selectors.approved_figures(world.partnership, ["2024-25"], metric_codes=codes)
            for code in codes:  # reading every figure, its previous year and comparators is free
                figure = figures.get(code, world.areas[0].ons_code, "2024-25")
                assert figure.value == 40 and figure.england == 50
                assert figure.previous is None
        counts.append(len(queries))
    assert counts[0] == counts[1] == 4


def test_approved_figures_returns_only_approved_values(world):
    codes = _metrics_with_values(world, 3, "mixed")
    with scope(partnership=world.partnership):
        figures = selectors.approved_figures(world.partnership, ["2024-25"], metric_codes=codes)
        assert figures.get(codes[0], world.areas[0].ons_code, "2023-24") is None  # only a draft exists
        assert figures.get(codes[0], world.areas[0].ons_code, "2024-25").value == 40
        assert all(v.approved_at is not None for v in figures._values.values())


def test_a_metrics_unit_decimals_or_level_cannot_change_while_it_has_approved_figures_and_changes_are_audited(world):
    from django.urls import reverse

    from partners import audit

    with scopes_disabled():
        referrals = world.metrics["referrals"]
        f.ValueFactory(metric=referrals, area=world.areas[0], year="2024-25", value=5, approved_at="2025-06-01T00:00Z")
    client = login(None, world.admin)
    url = reverse("admin:metrics_metric_change", args=[referrals.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in data.items()}
    data.update({"unit": "percentage", "partnership": world.partnership.pk, "agency": world.police.pk})
    response = client.post(url, data)
    assert response.status_code == 200 and "has 1 approved figure: changing its unit" in response.content.decode()
    with scopes_disabled():
        referrals.refresh_from_db()
        assert referrals.unit == "count"
    data.update({"unit": "count", "name": "Referrals to children's social care"})
    assert client.post(url, data).status_code == 302
    with scopes_disabled():
        event = audit.about(referrals).get(action="reference.changed")
    assert event.via == "admin" and event.data["changed"]["name"] == [
        "Referrals",
        "Referrals to children's social care",
    ]
    assert (
        audit.sentence(event)
        == "Changed metric Referrals to children's social care: name: Referrals → Referrals to children's social care"
    )
