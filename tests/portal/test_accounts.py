"""Signing in and resetting passwords under abuse: throttled, and the same answer for everyone."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from partnership_portal import accounts, tasks


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_reset_request_is_mailed_by_a_background_task(client, world, mailoutbox, monkeypatch):
    queued = []

    class Queue:
        enqueue = staticmethod(lambda *args: queued.append(args))

    monkeypatch.setattr(accounts, "send_password_reset", Queue)
    response = client.post(reverse("password_reset"), {"email": "Editor@Example.org"})
    assert response.status_code == 302 and mailoutbox == []  # nothing looked up or sent in the request
    assert queued == [("editor@example.org", "testserver", False)]
    assert tasks.send_password_reset.call(*queued[0]) == 1
    assert len(mailoutbox) == 1 and "/accounts/reset/" in mailoutbox[0].body


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, world, mailoutbox):
    known = client.post(reverse("password_reset"), {"email": "editor@example.org"})
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert len(mailoutbox) == 1


def test_five_reset_requests_in_a_row_send_at_most_the_limit(client, world, mailoutbox, settings):
    settings.PASSWORD_RESET_LIMIT = 3
    for _ in range(5):
        response = client.post(reverse("password_reset"), {"email": "editor@example.org"})
        assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert len(mailoutbox) == 3


@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_the_mail_waits_for_the_worker(client, world, mailoutbox, settings):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.post(reverse("password_reset"), {"email": "editor@example.org"})
    assert mailoutbox == []
    call_command("db_worker", batch=True, no_startup_delay=True, interval=0.01)
    assert len(mailoutbox) == 1
