"""The portal's publication page: approvers publish, correct and withdraw; the business unit marks the sending."""

import datetime as dt

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from reports.publishing.models import Publication, Recipient, Sending
from tests.conftest import login

from .publishing import publish, sign_off, signed_off_report

PAGE = "/p/hsscp/reports/2024-25/publication/"


@pytest.fixture
def report(world, renderer, artefacts):
    return signed_off_report(world)


def _messages(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_the_approver_publishes_from_the_page_and_sees_the_result(world, report, django_capture_on_commit_callbacks):
    client = login(None, world.approver)
    assert "Publish the 2024-25 report" in client.get(PAGE).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PAGE + "publish/", follow=True)
    assert "Publishing version 1" in " ".join(_messages(response))
    page = client.get(PAGE).content.decode()
    assert "Sending after publication (version 1)" in page
    assert "Child Safeguarding Practice Review Panel" in page
    with scopes_disabled():
        assert Publication.objects.get().is_published


def test_an_editor_sees_the_page_but_cannot_publish(world, report):
    client = login(None, world.editor)
    page = client.get(PAGE).content.decode()
    assert "Publish the 2024-25 report" not in page
    assert client.post(PAGE + "publish/").status_code == 403
    assert client.post(PAGE + "withdraw/", {"reason": "x"}).status_code == 403


def test_a_correction_needs_a_note_and_is_published_as_version_2(world, report, django_capture_on_commit_callbacks):
    publish(world, report, django_capture_on_commit_callbacks)
    client = login(None, world.approver)
    response = client.post(PAGE + "correct/", {"reason": "Wrong count"}, follow=True)
    assert "back in draft" in " ".join(_messages(response))
    sign_off(world, report)
    response = client.post(PAGE + "publish/", {"change_note": " "}, follow=True)
    assert "Say what this correction changes" in " ".join(_messages(response))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(PAGE + "publish/", {"change_note": "Referral count corrected."})
    with scopes_disabled():
        assert list(Publication.objects.values_list("version", "change_note")) == [
            (2, "Referral count corrected."),
            (1, ""),
        ]


def test_withdrawing_from_the_page_makes_the_public_addresses_gone(
    world, report, client, django_capture_on_commit_callbacks
):
    publish(world, report, django_capture_on_commit_callbacks)
    approver = login(None, world.approver)
    approver.post(PAGE + "withdraw/", {"reason": "Identifies a family."})
    response = client.get("/reports/hsscp/2024-25/")
    assert response.status_code == 410 and "Identifies a family." in response.content.decode()


def test_the_business_unit_marks_the_report_sent_and_the_page_says_who_and_when(
    world, report, django_capture_on_commit_callbacks
):
    publication = publish(world, report, django_capture_on_commit_callbacks)
    with scopes_disabled():
        panel = publication.sendings.get(recipient=Recipient.PANEL)
    editor = login(None, world.editor)
    today = timezone.localdate()
    response = editor.post(PAGE + f"sent/{panel.pk}/", {"sent_on": today.isoformat()}, follow=True)
    assert "Marked sent to the Child Safeguarding Practice Review Panel." in " ".join(_messages(response))
    assert f"Sent on {today:%-d %B %Y}; marked by editor" in editor.get(PAGE).content.decode()
    bad = editor.post(PAGE + f"sent/{panel.pk}/", {"sent_on": "yesterday"}, follow=True)
    assert "Already marked" in " ".join(_messages(bad)) or "Give the day" in " ".join(_messages(bad))


def test_a_sending_of_another_year_or_partnership_is_not_found(world, report, django_capture_on_commit_callbacks):
    publication = publish(world, report, django_capture_on_commit_callbacks)
    with scopes_disabled():
        panel = publication.sendings.get(recipient=Recipient.PANEL)
        from reports.models import Report

        Report.objects.create(partnership=world.partnership, year="2023-24", title="Older")
    editor = login(None, world.editor)
    assert (
        editor.post(f"/p/hsscp/reports/2023-24/publication/sent/{panel.pk}/", {"sent_on": "2025-01-01"}).status_code
        == 404
    )
    outsider = login(None, world.outsider)
    assert outsider.post(PAGE + f"sent/{panel.pk}/", {"sent_on": "2025-01-01"}).status_code == 404


def test_the_dashboard_warns_as_the_sending_deadline_nears(world, report, django_capture_on_commit_callbacks):
    publication = publish(world, report, django_capture_on_commit_callbacks)
    editor = login(None, world.editor)
    with scopes_disabled():
        Sending.objects.filter(publication=publication).update(due_on=timezone.localdate() + dt.timedelta(days=6))
    assert "Send the published report" not in editor.get("/dashboard/").content.decode()
    with scopes_disabled():
        Sending.objects.filter(publication=publication).update(due_on=timezone.localdate() - dt.timedelta(days=1))
    page = editor.get("/dashboard/").content.decode()
    assert "2024-25 report to the Child Safeguarding Practice Review Panel" in page and "overdue" in page
    assert "Send the published report" not in login(None, world.submitter).get("/dashboard/").content.decode()
