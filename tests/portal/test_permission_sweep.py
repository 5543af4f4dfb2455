"""Every partnership URL × every actor: anonymous → login, other tenant → 404, missing role → 403.

The table (tests/pages.py) must name every route under /p/<partnership>/; a new route without an
entry fails `test_every_partnership_route_is_in_the_table`.
"""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from metrics import services
from tests.conftest import login
from tests.pages import (
    MISSING,
    NOT_ALLOWED,
    OK,
    OUTSIDE_ROUTES,
    REDIRECT,
    outside_route_names,
    partnership_route_names,
    partnership_routes,
    world_objects,
)


def _routes(world, value):
    return partnership_routes(world_objects(world, value, section=world.report_section, comment=world.report_comment))


@pytest.fixture(autouse=True)
def _a_report(world):
    from reports import services as report_services

    with scopes_disabled():
        report = report_services.create_report(
            world.partnership, year="2024-25", title="Annual report", by=world.editor
        )
        world.report_section = report_services.add_section(report, title="Our area", by=world.editor)
        world.report_comment = report_services.add_comment(world.report_section, text="Check", by=world.editor)


@pytest.fixture
def saved_value(world):
    referrals = world.metrics["referrals"]
    with scopes_disabled():
        services.save_return(
            world.police_return,
            {(referrals.pk, world.areas[0].pk): services.CellInput(raw="150")},
            by=world.submitter,
        )
        return world.police_return.values.get()


def _url(name, slug, kwargs):
    return reverse(name, kwargs={"partnership_slug": slug, **kwargs})


def test_every_partnership_route_is_in_the_table(world, saved_value):
    assert partnership_route_names() == set(_routes(world, saved_value))


def test_every_route_outside_partnerships_is_classified():
    # A new page outside /p/ says who sees it signed in (its query count is then pinned), or why it is no such page.
    assert outside_route_names() == set(OUTSIDE_ROUTES)


def test_anonymous_visitors_are_sent_to_log_in_everywhere(client, world, saved_value):
    for name, (kwargs, _) in _routes(world, saved_value).items():
        response = client.get(_url(name, "hsscp", kwargs))
        assert response.status_code in (REDIRECT, NOT_ALLOWED), name
        if response.status_code == REDIRECT:
            assert response["Location"].startswith(reverse("login")), name


def test_another_partnerships_users_get_404_everywhere(world, saved_value):
    for user in (world.outsider, world.outsider_submitter):
        client = login(None, user)
        for name, (kwargs, _) in _routes(world, saved_value).items():
            assert client.get(_url(name, "hsscp", kwargs)).status_code in (MISSING, NOT_ALLOWED), (user, name)
            assert client.post(_url(name, "hsscp", kwargs)).status_code == MISSING, (user, name)


def test_a_guessed_object_id_under_ones_own_partnership_is_404(world, saved_value):
    # The outsider's own partnership in the URL, with HSSCP's object ids: still not found.
    client = login(None, world.outsider)
    for name in (
        "metrics:return",
        "metrics:return_history",
        "metrics:value_history",
        "metrics:metric_edit",
        "partners:reference_edit",
        "reports:section",
    ):
        kwargs = _routes(world, saved_value)[name][0]
        assert client.get(_url(name, "stscp", kwargs)).status_code == MISSING, name


def test_each_role_gets_what_its_permissions_allow(world, saved_value):
    actors = [world.editor, world.approver, world.submitter, world.council_submitter]
    for index, user in enumerate(actors):
        client = login(None, user)
        for name, (kwargs, expected) in _routes(world, saved_value).items():
            status = client.get(_url(name, "hsscp", kwargs)).status_code
            assert status == expected[index], (user.username, name, status)


def test_an_unknown_partnership_is_404_even_for_the_portal_admin(world):
    client = login(None, world.admin)
    assert client.get("/p/no-such-partnership/").status_code == MISSING
    assert client.get("/p/stscp/").status_code == OK
