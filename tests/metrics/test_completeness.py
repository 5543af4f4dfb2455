"""The round's completeness page: every agency's return, its status, who and when, and a chart."""

import datetime as dt
import html
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from metrics import services
from metrics.models import Level, ReturnStatus
from partners.years import ReportingYear
from tests import factories as f
from tests.conftest import login


def round_url(world, year="2025-26"):
    return reverse("metrics:round", args=[world.partnership.slug, year])


def fill(ret, *, by, raw="10"):
    """Save every figure the return asks for, as the agency would through the form."""
    metrics, area_ids = services.return_scope(ret)
    cells = {key: services.CellInput(raw=raw) for key in services.expected_cells(ret, metrics, area_ids)}
    checks = services.save_return(ret, cells, by=by)
    assert not any(check.errors for check in checks.values())


def add_agency(world, name):
    """Another agency with a return of its own (one partnership-wide metric) in the 2025-26 round."""
    agency = f.AgencyFactory(name=name)
    metric = f.MetricFactory(partnership=world.partnership, name=f"{name} figure", level=Level.PARTNERSHIP)
    user = f.RoleFactory(partnership=world.partnership, role="submitter", agency=agency).user
    _, returns = services.open_round(
        partnership=world.partnership,
        year=ReportingYear(2025),
        opens_on=dt.date(2026, 4, 1),
        closes_on=dt.date(2026, 5, 31),
        areas=world.areas,
        assignments={agency: [metric]},
        by=world.editor,
    )
    return returns[0], user


@pytest.fixture
def one_of_each(world):
    """Five returns, one in each status, each reached through the workflow services."""
    with scopes_disabled():
        # Returned: the council submits and the business unit sends it back.
        fill(world.council_return, by=world.council_submitter)
        services.submit_return(world.council_return, by=world.council_submitter)
        services.send_back_return(world.council_return, by=world.editor, reason="Check the training count.")
        # Approved: the police submit and the approver approves.
        fill(world.police_return, by=world.submitter)
        services.submit_return(world.police_return, by=world.submitter)
        services.approve_return(world.police_return, by=world.approver)
        # Not started, draft and submitted: three more agencies.
        add_agency(world, "Health Trust")
        draft, draft_user = add_agency(world, "Probation Service")
        fill(draft, by=draft_user)
        submitted, submitted_user = add_agency(world, "Schools Forum")
        fill(submitted, by=submitted_user)
        services.submit_return(submitted, by=submitted_user)
    return world


def status_counts(response):
    html = response.content.decode()
    return {status: int(n) for status, n in re.findall(r'<td class="text-end" data-status="(\w+)">(\d+)</td>', html)}


def agency_row(response, agency):
    html = response.content.decode()
    match = re.search(rf"<tr>\s*<th scope=\"row\">{re.escape(agency)}</th>(.*?)</tr>", html, re.S)
    assert match, f"no row for {agency}"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split()), match.group(1)


# --- Permissions -------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_log_in(client, world):
    response = client.get(round_url(world))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_an_editor_of_another_partnership_gets_not_found(client, world):
    login(client, world.outsider)
    assert client.get(round_url(world)).status_code == 404


def test_an_agency_submitter_is_forbidden(client, world):
    login(client, world.submitter)
    assert client.get(round_url(world)).status_code == 403


@pytest.mark.parametrize("actor", ["editor", "approver", "admin"])
def test_the_business_unit_and_portal_admins_see_the_round(client, world, actor):
    login(client, getattr(world, actor))
    assert client.get(round_url(world)).status_code == 200


def test_a_year_without_a_round_is_not_found(client, world):
    login(client, world.editor)
    assert client.get(round_url(world, "2019-20")).status_code == 404


def test_another_partnerships_round_is_not_found_here(client, world):
    with scopes_disabled():
        services.open_round(
            partnership=world.other_partnership,
            year=ReportingYear(2024),
            opens_on=dt.date(2025, 4, 1),
            closes_on=dt.date(2025, 5, 31),
            areas=[],
            assignments={},
            by=world.outsider,
        )
    login(client, world.editor)
    assert client.get(round_url(world, "2024-25")).status_code == 404
    login(client, world.outsider)
    assert client.get(reverse("metrics:round", args=[world.other_partnership.slug, "2024-25"])).status_code == 200


# --- Counting ------------------------------------------------------------------------------


def test_a_new_round_counts_every_return_as_not_started(client, world):
    login(client, world.editor)
    response = client.get(round_url(world))
    assert status_counts(response) == {"not_started": 2, "draft": 0, "submitted": 0, "returned": 0, "approved": 0}


def test_the_counts_follow_the_workflow_one_return_in_each_status(client, one_of_each):
    world = one_of_each
    login(client, world.editor)
    response = client.get(round_url(world))
    assert response.status_code == 200
    assert status_counts(response) == {"not_started": 1, "draft": 1, "submitted": 1, "returned": 1, "approved": 1}
    assert response.context["progress"].total == 5


def test_the_chart_has_one_count_per_status_and_a_description(client, one_of_each):
    world = one_of_each
    login(client, world.editor)
    response = client.get(round_url(world))
    html = response.content.decode()
    spec = json.loads(
        re.search(r'<script id="completeness-figure" type="application/json">(.*?)</script>', html).group(1)
    )
    assert {trace["name"]: trace["x"] for trace in spec["data"]} == {
        "Not started": [1],
        "Draft": [1],
        "Submitted": [1],
        "Returned for changes": [1],
        "Approved": [1],
    }
    assert 'data-figure-id="completeness-figure"' in html
    assert response.context["description"] == (
        "2025-26 collection: 5 returns; 1 not started, 1 draft, 1 submitted, 1 returned for changes, 1 approved."
    )


def test_each_agency_shows_its_status_in_words_and_links_to_its_return(client, one_of_each):
    world = one_of_each
    login(client, world.editor)
    response = client.get(round_url(world))
    expected = {
        "Cleveland Police": ReturnStatus.APPROVED,
        "Hartlepool Borough Council": ReturnStatus.RETURNED,
        "Health Trust": ReturnStatus.NOT_STARTED,
        "Probation Service": ReturnStatus.DRAFT,
        "Schools Forum": ReturnStatus.SUBMITTED,
    }
    with scopes_disabled():
        urls = {ret.agency.name: ret.get_absolute_url() for ret in world.round.returns.select_related("agency")}
    for agency, status in expected.items():
        text, html = agency_row(response, agency)
        assert f'<span class="status status-{status.value}">{status.label}</span>' in html
        assert status.label in text
        assert f'href="{urls[agency]}"' in html


def test_who_submitted_and_approved_and_why_a_return_was_sent_back_are_shown(client, one_of_each):
    world = one_of_each
    login(client, world.editor)
    response = client.get(round_url(world))
    police, _ = agency_row(response, "Cleveland Police")
    council, _ = agency_row(response, "Hartlepool Borough Council")
    not_started, _ = agency_row(response, "Health Trust")
    assert "partner" in police and "approver" in police
    assert "Reason: Check the training count." in council
    assert not_started.count("–") == 2  # neither submitted nor approved


def test_the_page_runs_the_same_queries_for_two_returns_as_for_five(client, world):
    login(client, world.editor)
    with CaptureQueriesContext(connection) as few:
        client.get(round_url(world))
    with scopes_disabled():
        for name in ("Health Trust", "Probation Service", "Schools Forum"):
            add_agency(world, name)
    with CaptureQueriesContext(connection) as many:
        response = client.get(round_url(world))
    assert response.context["progress"].total == 5
    assert len(many) == len(few)


def test_the_page_shows_figures_filled_and_days_to_the_deadline(client, world):
    import datetime as dt

    from metrics import services as figure_services

    with scopes_disabled():
        figure_services.save_return(
            world.police_return,
            {(world.metrics["referrals"].pk, world.areas[0].pk): figure_services.CellInput(raw="150")},
            by=world.submitter,
        )
        world.round.closes_on = dt.date.today() - dt.timedelta(days=3)
        world.round.save()
    login(client, world.editor)
    response = client.get(round_url(world))
    police, _ = agency_row(response, "Cleveland Police")
    with scopes_disabled():
        asked = world.police_return.metrics.count()
    assert f" {asked} 1 of 7 " in f" {police} "  # metrics asked for, then figures filled
    assert "3 days overdue" in police
    assert "The round opened on" in response.content.decode() and " and closed on " in response.content.decode()
    assert "Send a reminder" in police


def test_a_reminder_emails_the_agencys_submitters_through_a_task_and_is_audited(client, world, mailoutbox):
    from partners.models import AuditEvent, PartnershipRole, Role
    from tests import factories as f

    second = f.UserFactory(email="second@cleveland.police.uk")
    PartnershipRole.objects.create(user=second, partnership=world.partnership, role=Role.SUBMITTER, agency=world.police)
    login(client, world.editor)
    url = reverse("metrics:return_remind", args=["hsscp", "2025-26", world.police_return.pk])
    response = client.post(url, follow=True)
    assert "Reminder on its way to Cleveland Police's 2 submitters" in html.unescape(response.content.decode())
    (message,) = [m for m in mailoutbox if world.submitter.email in m.to]
    assert "Cleveland Police's figures for 2025-26 are due on 31 May 2026" in message.body
    assert world.police_return.get_absolute_url() in message.body
    assert sorted(address for m in mailoutbox for address in m.to) == sorted([world.submitter.email, second.email])
    with scopes_disabled():
        event = AuditEvent.objects.get(action="metrics.return.reminded")
    assert event.actor == world.editor and "Reminder e-mailed to 2 submitter(s)" in event.sentence


def test_no_reminder_for_a_submitted_return_or_from_a_submitter(client, world, mailoutbox):
    url = reverse("metrics:return_remind", args=["hsscp", "2025-26", world.police_return.pk])
    assert login(None, world.submitter).post(url).status_code == 403
    with scopes_disabled():
        world.police_return.status = "submitted"
        world.police_return.save()
    response = login(client, world.editor).post(url, follow=True)
    assert "no reminder is needed" in response.content.decode() and not mailoutbox
