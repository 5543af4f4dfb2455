"""Headers of a portal that holds confidential figures: a strict CSP everywhere, nothing cached
once signed in, and a session that ends after a working day without activity."""

import time

from django.urls import reverse

from tests.conftest import login


def test_every_page_has_a_content_security_policy_without_inline_script_or_style(client, world):
    for response in (
        client.get(reverse("login")),
        login(None, world.editor).get(reverse("partnership_home", args=["hsscp"])),
    ):
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_signed_in_pages_and_downloads_are_private_and_not_stored(world):
    client = login(None, world.submitter)
    page = client.get(reverse("metrics:return", args=["hsscp", world.police_return.pk]))
    download = client.get(reverse("metrics:return_template", args=["hsscp", world.police_return.pk, "csv"]))
    export = login(None, world.editor).get(reverse("metrics:export", args=["hsscp"]), {"format": "csv"})
    for response in (page, download, export):
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"


def test_a_session_idle_longer_than_the_limit_is_signed_out_with_a_message(world, settings):
    settings.SESSION_IDLE_MINUTES = 60
    client = login(None, world.editor)
    assert client.get(reverse("dashboard")).status_code == 200
    session = client.session
    session["_last_seen"] = int(time.time()) - 61 * 60
    session.save()
    response = client.get(reverse("dashboard"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "signed out after 1 hour without activity" in response.content.decode()
    assert client.get(reverse("dashboard")).status_code == 302


def test_a_session_is_ended_at_its_absolute_lifetime_however_active(world, settings):
    client = login(None, world.editor)
    client.get(reverse("dashboard"))
    session = client.session
    session["_signed_in_at"] = int(time.time()) - settings.SESSION_COOKIE_AGE - 1
    session.save()
    response = client.get(reverse("dashboard"), follow=True)
    assert "Your session reached its maximum length" in response.content.decode()
