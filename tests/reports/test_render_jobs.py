"""Generate PDF: a background task with progress by stage, a link to the result, and on failure
its reason with the last good PDF still available."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from reports.models import Rendering
from tests.conftest import login

from .helpers import approve, make_report


@pytest.fixture
def report(world):
    approve(world, "referrals", 1200, "2023-24")
    approve(world, "referrals", 1510, "2024-25")
    chart = {
        "type": "chart",
        "value": {"title": "Referrals", "kind": "trend", "metrics": [world.metrics["referrals"].pk]},
    }
    return make_report(world, sections=[("Our area", [chart])])


def _generate(client, report, django_capture_on_commit_callbacks):
    url = reverse("rendering:outputs", args=[report.partnership.slug, report.year])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    with scopes_disabled():
        rendering = Rendering.objects.filter(report=report).order_by("-pk").first()
    status = client.get(reverse("rendering:status", args=[report.partnership.slug, report.year, rendering.pk]))
    return rendering, status.json()


def test_generate_pdf_shows_each_stage_and_ends_with_a_link_to_the_pdf(
    world, report, django_capture_on_commit_callbacks
):
    client = login(None, world.editor)
    _, status = _generate(client, report, django_capture_on_commit_callbacks)
    assert status["state"] == "done"
    assert status["stages"] == ["Gathering data", "Charts 1 of 1", "Layout", "Done"]
    pdf = client.get(status["url"])
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-1.7")
    page = client.get(reverse("rendering:outputs", args=["hsscp", report.year]))
    assert b"Open the PDF" in page.content


def test_a_failure_shows_its_reason_and_the_last_good_pdf_stays_available(
    world, report, django_capture_on_commit_callbacks, monkeypatch
):
    client = login(None, world.editor)
    good, _ = _generate(client, report, django_capture_on_commit_callbacks)

    def broken(*args, **kwargs):
        raise ValueError("the layout engine ran out of memory")

    monkeypatch.setattr("reports.rendering.jobs.render_pdf", broken)
    _, status = _generate(client, report, django_capture_on_commit_callbacks)
    assert status["state"] == "failed"
    assert "the layout engine ran out of memory" in status["error"]
    assert status["last_good"].endswith(f"/{good.pk}.pdf")
    assert client.get(status["last_good"]).status_code == 200
    page = client.get(reverse("rendering:outputs", args=["hsscp", report.year])).content.decode()
    assert "the layout engine ran out of memory" in page and "The last good PDF is still available" in page


def test_a_submitter_cannot_generate_a_pdf(world, report):
    client = login(None, world.submitter)
    assert client.post(reverse("rendering:outputs", args=["hsscp", report.year])).status_code == 403
    with scopes_disabled():
        assert not Rendering.objects.filter(report=report).exists()
