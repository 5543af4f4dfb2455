"""The business unit keeps its metric catalogue in the portal: add and edit, with the supplier, audited."""

import html
import re

from django.urls import reverse
from django_scopes import scopes_disabled

from metrics.models import Metric
from partners.models import AuditEvent
from partners.years import ReportingYear
from tests import factories as f
from tests.conftest import login

NEW = {
    "code": "lado-referrals",
    "name": "LADO referrals",
    "definition": "Allegations against people who work with children.",
    "group": "review",
    "unit": "count",
    "decimals": "0",
    "level": "partnership",
    "polarity": "neutral",
    "agency": "",
    "position": "60",
}


def url(name, *args):
    return reverse(f"metrics:{name}", args=["hsscp", *args])


def test_an_editor_adds_a_metric_with_its_supplier(world):
    client = login(None, world.editor)
    response = client.post(url("metric_new"), {**NEW, "agency": world.police.pk})
    assert response.status_code == 302
    with scopes_disabled():
        metric = Metric.objects.get(partnership=world.partnership, code="lado-referrals")
        event = AuditEvent.objects.get(action="metrics.metric.created")
    assert metric.agency == world.police and metric.level == "partnership"
    assert event.sentence == "Metric added: LADO referrals (lado-referrals), supplied by Cleveland Police"
    page = html.unescape(client.get(url("catalogue")).content.decode())
    assert "Added: LADO referrals, supplied by Cleveland Police." in page


def test_the_form_keeps_the_rules_of_the_catalogue(world):
    client = login(None, world.editor)
    response = client.post(url("metric_new"), {**NEW, "code": "referrals", "decimals": "2"})
    page = html.unescape(response.content.decode())
    assert response.status_code == 422
    assert "Another metric already has this code." in page and "Counts are whole numbers." in page


def test_the_code_is_fixed_and_unit_and_level_are_fixed_once_there_are_figures(world):
    referrals = world.metrics["referrals"]
    f.ValueFactory(metric=referrals, area=world.areas[0], year="2024-25", value=10)
    client = login(None, world.approver)
    data = {**NEW, "code": "renamed", "name": "Referrals (all)", "unit": "percentage", "level": "area"}
    assert client.post(url("metric_edit", referrals.pk), data).status_code == 302
    referrals.refresh_from_db()
    assert (referrals.code, referrals.name, referrals.unit) == ("referrals", "Referrals (all)", "count")
    with scopes_disabled():
        assert "name" in AuditEvent.objects.get(action="metrics.metric.changed").data["fields"]


def test_another_partnerships_metric_cannot_be_edited_from_here(world):
    with scopes_disabled():
        theirs = f.MetricFactory(partnership=world.other_partnership, code="theirs")
    assert login(None, world.editor).get(url("metric_edit", theirs.pk)).status_code == 404


def catalogue_table(page):
    """{code: (row's class, [cell texts], [link targets])} of the catalogue's table rows."""
    table = re.search(r"<tbody>(.*?)</tbody>", page, re.S).group(1)
    rows = {}
    for attrs, row in re.findall(r"<tr([^>]*)>(.*?)</tr>", table, re.S):
        cells = [
            " ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split())
            for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        ]
        rows[cells[0]] = (attrs.strip(), cells, re.findall(r'href="([^"]+)"', row))
    return rows


def test_the_catalogue_lists_each_metric_with_its_supplier_rules_and_edit_link(world):
    rate = world.metrics["re-referral-rate"]
    with scopes_disabled():
        rate.suppress_small, rate.retired_in, rate.definition = (
            True,
            ReportingYear(2024),
            "Within 12 months <of> the last",
        )
        rate.save()
    rows = catalogue_table(login(None, world.editor).get(url("catalogue")).content.decode())
    assert list(rows)[:3] == ["referrals", "re-referrals", "re-referral-rate"]  # the catalogue's order
    _, referrals, _ = rows["referrals"]
    assert referrals[5] == "Cleveland Police"
    _, part, _ = rows["re-referrals"]
    assert part[5] == "–" and part[6] == "At most “Referrals”."
    retired, cells, links = rows["re-referral-rate"]
    assert retired == 'class="text-body-secondary"'
    assert cells[1] == "Re-referral rate retired from 2024-25 Within 12 months <of> the last"
    assert cells[2].endswith(", 1 dp")
    assert cells[6] == "Public output shows 1–4 as “fewer than 5”."
    assert cells[7] == "Edit Re-referral rate"
    assert links == [url("metric_edit", rate.pk)]


def test_an_empty_catalogue_says_so(world):
    page = login(None, world.outsider).get(reverse("metrics:catalogue", args=[world.other_partnership.slug]))
    assert "No metrics yet." in page.content.decode()


def test_the_metric_form_is_laid_out_as_crispy_lays_it_out_and_ties_errors_to_their_boxes(world):
    """The form is written by partners.widgets.bootstrap_field, not crispy's templates: the same
    markup; a refused field's error sits in the element its box's aria-describedby names."""
    from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
    from django_scopes import scope

    from metrics.forms import MetricForm
    from partners.widgets import bootstrap_field
    from tests.partners.test_widgets import _tokens

    refused = {"code": "bad code!", "name": "", "unit": "count"}
    with scope(partnership=world.partnership):
        blank = MetricForm(None, partnership=world.partnership, has_values=False)
        for name in blank.fields:
            ours = bootstrap_field(MetricForm(None, partnership=world.partnership, has_values=False)[name])
            assert _tokens(ours) == _tokens(as_crispy_field(blank[name])), name
        form = MetricForm(refused, partnership=world.partnership, has_values=False)
        assert not form.is_valid()
        for name, errors in form.errors.items():
            markup = bootstrap_field(form[name])
            described_by = re.search(r'aria-describedby="([^"]+)"', markup).group(1).split()
            assert f"{form[name].auto_id}_error" in described_by
            assert f'id="{form[name].auto_id}_error"' in markup
            assert all(html.escape(error) in markup for error in errors), name
