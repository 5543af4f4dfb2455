"""Signing in and resetting passwords under abuse: throttled, and the same answer for everyone."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from partnership_portal import accounts, tasks
from tests.conftest import login


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


def sign_in(client, username, password, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_after_five_wrong_passwords_even_the_right_one_is_refused_with_when_to_retry(client, world):
    from tests.factories import PASSWORD

    for _ in range(4):
        assert sign_in(client, "editor", "wrong").status_code == 200  # the form again, with its error
    locked = sign_in(client, "editor", "wrong")
    assert locked.status_code == 429
    page = sign_in(client, "editor", PASSWORD).content.decode()
    assert "Signing in is paused" in page and "Try again after" in page and "15 minutes" in page
    assert client.get(reverse("dashboard")).status_code == 302  # not signed in


def test_one_address_trying_many_usernames_is_locked_too(client, world):
    from tests.factories import PASSWORD

    for name in ("a", "b", "c", "d", "e"):
        sign_in(client, name, "wrong")
    assert sign_in(client, "editor", PASSWORD).status_code == 429


def test_an_administrator_unlocks_a_user_in_the_admin(client, world):
    from axes.models import AccessAttempt

    from tests.factories import PASSWORD

    for _ in range(5):
        sign_in(client, "editor", "wrong")
    admin = login(None, world.admin)
    attempts = reverse("admin:axes_accessattempt_changelist")
    assert "editor" in admin.get(attempts).content.decode()
    attempt = AccessAttempt.objects.get(username="editor")
    admin.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_behind_a_proxy_each_client_address_is_counted_apart(world, settings):
    from tests.factories import PASSWORD

    settings.TRUSTED_PROXY_COUNT = 1
    # What the client writes itself into X-Forwarded-For (the left entry) changes nothing.
    attacker = {"HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.9", "REMOTE_ADDR": "10.0.0.1"}
    colleague = {"HTTP_X_FORWARDED_FOR": "198.51.100.7", "REMOTE_ADDR": "10.0.0.1"}
    for index, name in enumerate(("a", "b", "c", "d", "e")):
        spoofed = {**attacker, "HTTP_X_FORWARDED_FOR": f"1.2.3.{index}, 203.0.113.9"}
        sign_in(Client(), name, "wrong", **spoofed)
    assert sign_in(Client(), "approver", PASSWORD, **attacker).status_code == 429
    assert sign_in(Client(), "approver", PASSWORD, **colleague).status_code == 302
