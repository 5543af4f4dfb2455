"""The business unit keeps its metric catalogue in the portal: add and edit, with the supplier, audited."""

import html

from django.urls import reverse
from django_scopes import scopes_disabled

from metrics.models import Metric
from partners.models import AuditEvent
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
