"""The public site's per-worker micro-cache: a burst reads the database once; changes show within its seconds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from reports.public import microcache
from reports.publishing import services as publishing

from .publishing import publish, signed_off_report


@pytest.fixture
def cached(settings):
    settings.PUBLIC_CACHE_SECONDS = 60
    settings.DOWNLOAD_COUNT_FLUSH_SECONDS = 60  # counts are written later, in one UPDATE
    microcache.clear()
    yield
    microcache.clear()


def test_repeated_downloads_and_pages_run_no_queries(
    world, client, renderer, artefacts, cached, django_capture_on_commit_callbacks
):
    publish(world, signed_off_report(world), django_capture_on_commit_callbacks)
    for path in ("/reports/hsscp/2024-25.pdf", "/reports/hsscp/2024-25/"):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        assert len(queries) == 0, path


def test_a_withdrawal_shows_once_the_cached_answer_expires(
    world, client, renderer, artefacts, cached, django_capture_on_commit_callbacks
):
    report = signed_off_report(world)
    publish(world, report, django_capture_on_commit_callbacks)
    assert client.get("/reports/hsscp/2024-25.pdf").status_code == 200
    with scope(partnership=world.partnership):
        publishing.withdraw(report, by=world.approver, reason="Names a child.")
    assert client.get("/reports/hsscp/2024-25.pdf").status_code == 200  # within PUBLIC_CACHE_SECONDS
    microcache.clear()  # as when the seconds have passed
    assert client.get("/reports/hsscp/2024-25.pdf").status_code == 410
