"""Queries whose SQL is built once per process (the session, the person, their roles): they must
answer exactly as the ORM's own queryset would, request after request."""

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from partners.access import resolve_access
from partners.models import Area, PartnershipRole
from partners.prepared import PreparedQuery
from tests.conftest import login


def test_each_call_puts_its_own_values_in_and_brings_the_related_objects(world):
    roles = PreparedQuery(
        lambda user_id: PartnershipRole.objects.filter(user_id=user_id).select_related("partnership", "agency"),
        user_id=-1_234_567,
    )
    for user in (world.editor, world.submitter, world.outsider_submitter):
        expected = list(PartnershipRole.objects.filter(user=user).select_related("partnership", "agency"))
        with CaptureQueriesContext(connection) as queries:
            found = roles(user_id=user.pk)
            shown = [(role.role, role.partnership.name, role.agency and role.agency.name) for role in found]
        assert found == expected and len(queries) == 1  # partnership and agency came with the row
        assert shown == [(role.role, role.partnership.name, role.agency and role.agency.name) for role in expected]
    assert roles(user_id=-5) == []


def test_a_scoped_model_built_first_in_one_partnerships_scope_answers_for_every_partnership(world):
    areas = PreparedQuery(lambda partnership_id: Area.objects.filter(partnership_id=partnership_id), partnership_id=-9)
    with scopes_disabled():
        others = set(Area.objects.filter(partnership=world.other_partnership))
    assert others and others.isdisjoint(world.areas)
    with scope(partnership=world.other_partnership):
        assert set(areas(partnership_id=world.other_partnership.pk)) == others
    with scope(partnership=world.partnership):
        assert set(areas(partnership_id=world.partnership.pk)) == set(world.areas)


def test_a_list_of_ids_may_have_any_length_and_repeats_and_an_empty_one_asks_nothing(world):
    areas = PreparedQuery(
        lambda partnership_id, ids: Area.objects.filter(partnership_id=partnership_id, pk__in=ids),
        id_lists=("ids",),
        partnership_id=-9,
    )
    first, second = world.areas[:2]
    with scopes_disabled():
        for ids in ([first.pk], [second.pk, first.pk, second.pk], [first.pk, -1]):
            expected = list(Area.objects.filter(partnership=world.partnership, pk__in=ids))
            assert areas(partnership_id=world.partnership.pk, ids=ids) == expected
    assert areas(partnership_id=world.other_partnership.pk, ids=[first.pk]) == []
    with CaptureQueriesContext(connection) as queries:
        assert areas(partnership_id=world.partnership.pk, ids=[]) == []
    assert len(queries) == 0


def test_an_empty_list_of_ids_or_ed_with_another_condition_leaves_that_condition(world):
    named_or_listed = PreparedQuery(
        lambda name, ids: Area.objects.filter(Q(name=name) | Q(pk__in=ids)),
        id_lists=("ids",),
        name="\x00area name stand-in",
    )
    first, second = world.areas[:2]
    assert named_or_listed(name=first.name, ids=[]) == [first]
    assert set(named_or_listed(name=first.name, ids=[second.pk])) == {first, second}


def test_values_list_rows_come_as_djangos_own_tuples_with_their_types(world):
    names = PreparedQuery(
        lambda partnership_id: Area.objects.filter(partnership_id=partnership_id).values_list(
            "pk", "name", "partnership"
        ),
        partnership_id=-9,
    )
    with scopes_disabled():
        expected = list(Area.objects.filter(partnership=world.partnership).values_list("pk", "name", "partnership"))
    assert names(partnership_id=world.partnership.pk) == expected and isinstance(expected[0][0], int)


def test_a_stand_in_the_query_does_not_use_is_refused_at_once(world):
    ignoring = PreparedQuery(lambda user_id: PartnershipRole.objects.all(), user_id=-1_234_567)
    with pytest.raises(ValueError, match="user_id"):
        ignoring(user_id=world.editor.pk)


def test_roles_are_read_afresh_on_every_page(client, world):
    login(client, world.editor)
    home = reverse("partnership_home", args=[world.partnership.slug])
    assert client.get(home).status_code == 200
    PartnershipRole.objects.filter(user=world.editor).delete()
    assert client.get(home).status_code == 404  # no role there now: as if the partnership did not exist
    assert resolve_access(world.outsider, world.other_partnership.slug).partnership == world.other_partnership


def test_an_expired_session_signs_the_person_out(client, world):
    login(client, world.editor)
    home = reverse("partnership_home", args=[world.partnership.slug])
    assert client.get(home).status_code == 200
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = client.get(home)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("cookie", ["abcdefgh\x00ijklmnop", "é" * 32, "x" * 10_000])
def test_an_odd_session_cookie_is_no_session_and_asks_to_sign_in(client, world, cookie):
    client.cookies["sessionid"] = cookie
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
