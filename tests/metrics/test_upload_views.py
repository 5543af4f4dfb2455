"""The business unit uploads its own figures in the browser, with the checks of the import command."""

import html

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled

from metrics.models import Comparator, MetricValue
from partners.models import AuditEvent
from tests.conftest import login

HEADER = "metric_code,area_code,year,value"


def post(client, content, **extra):
    url = reverse("metrics:upload_figures", args=["hsscp"])
    return client.post(url, {"file": SimpleUploadedFile("ours.csv", content.encode()), **extra}, follow=True)


def test_checking_a_file_imports_nothing(world):
    client = login(None, world.editor)
    response = post(client, f"{HEADER}\ntraining-attendees,,2025-26,40\n", check="1")
    page = html.unescape(response.content.decode())
    assert "ours.csv passes every check:" in page and "1 figure and 0 comparators" in page
    with scopes_disabled():
        assert not MetricValue.objects.exists()


def test_the_business_unit_imports_its_own_figures_and_comparators(world):
    client = login(None, world.editor)
    content = f"{HEADER}\ntraining-attendees,,2025-26,40\nre-referral-rate,E92000001,2025-26,22.4\n"
    page = html.unescape(post(client, content, **{"import": "1"}).content.decode())
    assert "Imported ours.csv: 1 figure and 1 comparator; 2 new or changed, 0 unchanged." in page
    with scopes_disabled():
        value = MetricValue.objects.get(metric=world.metrics["training-attendees"])
        assert value.value == 40 and value.is_approved
        assert str(Comparator.objects.get(metric=world.metrics["re-referral-rate"]).value) == "22.4000"
        event = AuditEvent.objects.get(action="metrics.figures.imported")
    assert event.actor == world.editor and event.via == "upload"


def test_an_agencys_figure_or_a_bad_row_refuses_the_whole_file(world):
    client = login(None, world.editor)
    content = f"{HEADER}\ntraining-attendees,,2025-26,40\nreferrals,E06000001,2025-26,150\nre-referral-rate,E06000001,2025-26,120\n"
    response = post(client, content, **{"import": "1"})
    page = html.unescape(response.content.decode())
    assert response.status_code == 422 and "Nothing has been imported: 2 rows of ours.csv need correcting" in page
    assert "Row 3: “Referrals” is supplied by Cleveland Police through its return" in page
    assert "Row 4:" in page and "A percentage must be between 0 and 100." in page
    with scopes_disabled():
        assert not MetricValue.objects.exists()
