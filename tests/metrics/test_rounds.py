"""Rounds that work: a round before its "opens on" date is upcoming and accepts nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from metrics import services
from metrics.models import MetricValue
from tests.conftest import login


@pytest.fixture
def upcoming(world):
    """The world's round, moved to open next month (as a 2026-27 round opened in advance would)."""
    with scopes_disabled():
        world.round.opens_on = timezone.localdate() + dt.timedelta(days=30)
        world.round.closes_on = world.round.opens_on + dt.timedelta(days=60)
        world.round.save()
        world.police_return.refresh_from_db()
    return world


def test_before_it_opens_a_return_accepts_no_save_and_no_submit(upcoming):
    world = upcoming
    key = (world.metrics["referrals"].pk, world.areas[0].pk)
    with scopes_disabled():
        with pytest.raises(services.FigureError, match="round opens on"):
            services.save_return(world.police_return, {key: services.CellInput(raw="5")}, by=world.submitter)
        with pytest.raises(services.FigureError, match="round opens on"):
            services.submit_return(world.police_return, by=world.submitter)
        assert not MetricValue.objects.exists()


def test_the_partner_sees_the_round_as_upcoming_with_no_save_submit_or_upload(upcoming):
    world = upcoming
    client = login(None, world.submitter)
    url = reverse("metrics:return", args=["hsscp", world.police_return.pk])
    page = client.get(url).content.decode()
    assert "Upcoming: opens" in page and "figures can be entered and submitted from then" in page
    assert "Save draft" not in page and "Upload a filled-in file" not in page
    assert "Upcoming: opens" in client.get(reverse("dashboard")).content.decode()
    field = f"v-{world.metrics['referrals'].pk}-{world.areas[0].pk}"
    response = client.post(url, {field: "5", "action": "save", "version": world.police_return.version})
    assert response.status_code == 302
    import_page = client.get(reverse("metrics:return_import", args=["hsscp", world.police_return.pk]), follow=True)
    assert "round opens on" in import_page.content.decode()
    with scopes_disabled():
        assert not MetricValue.objects.exists()
