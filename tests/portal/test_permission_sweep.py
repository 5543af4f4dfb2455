"""Every partnership URL × every actor: anonymous → login, other tenant → 404, missing role → 403.

The table must name every route under /p/<partnership>/; a new route without an entry fails
`test_every_partnership_route_is_in_the_table`.
"""

import pytest
from django.urls import get_resolver, reverse
from django_scopes import scopes_disabled

from metrics import services
from partners.models import Person
from tests.conftest import login

# route name -> (kwargs builder, expected status for: editor, approver, police submitter, council submitter)
OK, FORBIDDEN, MISSING, REDIRECT, NOT_ALLOWED = 200, 403, 404, 302, 405


def _routes(world, value):
    police = world.police_return.pk
    with scopes_disabled():
        person, _ = Person.objects.get_or_create(partnership=world.partnership, name="Sam Chair")
    return {
        "partnership_home": ({}, [OK, OK, OK, OK]),
        "partners:structure": ({}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "partners:funding": ({}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "metrics:catalogue": ({}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "metrics:metric_new": ({}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "metrics:metric_edit": ({"pk": world.metrics["referrals"].pk}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "metrics:round_new": ({}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "metrics:round": ({"year": "2025-26"}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "metrics:return_remind": ({"year": "2025-26", "pk": police}, [NOT_ALLOWED] * 4),
        "metrics:return": ({"pk": police}, [OK, OK, OK, MISSING]),
        "metrics:return_submit": ({"pk": police}, [NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED]),
        "metrics:return_send_back": ({"pk": police}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "metrics:return_approve": ({"pk": police}, [NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED]),
        "metrics:return_reopen": ({"pk": police}, [FORBIDDEN, OK, FORBIDDEN, FORBIDDEN]),
        "metrics:return_history": ({"pk": police}, [OK, OK, OK, MISSING]),
        "metrics:return_template": ({"pk": police, "fmt": "csv"}, [OK, OK, OK, MISSING]),
        "metrics:return_import": ({"pk": police}, [OK, OK, OK, MISSING]),
        "metrics:value_history": ({"pk": value.pk}, [OK, OK, OK, MISSING]),
        "metrics:value_statement": ({"pk": value.pk}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "metrics:export": ({}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "metrics:upload_figures": ({}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "metrics:explorer": ({}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "metrics:comparators": ({}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "partners:reference": ({"kind": "people"}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "partners:reference_new": ({"kind": "posts"}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "partners:reference_edit": ({"kind": "people", "pk": person.pk}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "partners:reference_delete": ({"kind": "people", "pk": person.pk}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "partners:people": ({}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "partners:person_invite": ({}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "partners:person_change": ({"user_id": world.council_submitter.pk}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "partners:person_remove": ({"user_id": world.council_submitter.pk}, [OK, OK, FORBIDDEN, FORBIDDEN]),
        "partners:person_resend": ({"user_id": world.council_submitter.pk}, [NOT_ALLOWED] * 4),
        **_report_routes(world),
        **_rendering_routes(world),
    }


def _rendering_routes(world):
    from django.core.files.base import ContentFile

    from reports.models import Rendering, RenderState

    with scopes_disabled():
        rendering = Rendering.objects.filter(report=world.report_section.report).first()
        if rendering is None:
            rendering = Rendering(
                partnership=world.partnership, report=world.report_section.report, state=RenderState.DONE
            )
            rendering.file.save("sweep.pdf", ContentFile(b"%PDF-1.7"), save=True)
    year = {"year": "2024-25"}
    get = [OK, OK, FORBIDDEN, FORBIDDEN]
    return {
        "rendering:html": (year, get),
        "rendering:outputs": (year, get),
        "rendering:status": ({**year, "pk": rendering.pk}, get),
        "rendering:pdf": ({**year, "pk": rendering.pk}, get),
        "rendering:section_preview": ({**year, "section_pk": world.report_section.pk, "fmt": "html"}, get),
    }


def _report_routes(world):
    year = {"year": "2024-25"}
    section = {**year, "pk": world.report_section.pk}
    edit_get, edit_post = [OK, OK, FORBIDDEN, FORBIDDEN], [NOT_ALLOWED, NOT_ALLOWED, FORBIDDEN, FORBIDDEN]
    return {
        "reports:list": ({}, edit_get),
        "reports:requirements": ({}, edit_get),
        "reports:figure_value": ({}, [400, 400, FORBIDDEN, FORBIDDEN]),  # no figure asked for
        "reports:report": (year, edit_get),
        "reports:start_next": (year, edit_post),
        "reports:preview": (year, edit_get),
        "reports:section_add": (year, edit_post),
        "reports:section": (section, edit_get),
        "reports:section_details": (section, edit_post),
        "reports:section_move": (section, edit_post),
        "reports:section_delete": (section, edit_post),
        "reports:section_preview": (section, edit_get),
        "reports:presence": (section, edit_post),
        "reports:revisions": (section, edit_get),
        "reports:restore": ({**section, "number": 1}, edit_post),
        "reports:comment_add": (section, edit_post),
        "reports:comment_resolve": ({**year, "pk": world.report_comment.pk}, edit_post),
        "reports:submit": (year, edit_post),
        "reports:sign_off": (year, [FORBIDDEN, OK, FORBIDDEN, FORBIDDEN]),
        "reports:send_back": (year, [FORBIDDEN, NOT_ALLOWED, FORBIDDEN, FORBIDDEN]),
        "publishing:publication": (year, edit_get),
        "publishing:publish": (year, [FORBIDDEN, NOT_ALLOWED, FORBIDDEN, FORBIDDEN]),
        "publishing:correct": (year, [FORBIDDEN, NOT_ALLOWED, FORBIDDEN, FORBIDDEN]),
        "publishing:withdraw": (year, [FORBIDDEN, NOT_ALLOWED, FORBIDDEN, FORBIDDEN]),
        "publishing:mark_sent": ({**year, "pk": 999999}, edit_post),
    }


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


def _partnership_route_names():
    names = set()

    def walk(patterns, namespace, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                ns = pattern.namespace or namespace
                walk(pattern.url_patterns, ns, route)
            elif route.startswith("p/<slug:partnership_slug>/"):
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None, "")
    return names


def test_every_partnership_route_is_in_the_table(world, saved_value):
    assert _partnership_route_names() == set(_routes(world, saved_value))


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
