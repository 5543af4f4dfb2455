"""Publishing: approver-requested, from the signed-off report, stored once with hashes; corrections,
withdrawal and the statutory sending."""

import csv
import datetime as dt
import hashlib
import io

import pytest
from django.core.files.storage import storages
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from metrics.models import MetricValue
from partners.models import AuditEvent
from reports.models import ReportState
from reports.publishing import services as publishing
from reports.publishing.models import ArtefactKind, Publication, PublicationStatus, Recipient

from .helpers import make_report
from .publishing import publish, sign_off, signed_off_report


@pytest.fixture
def report(world):
    return signed_off_report(world)


def _files(publication):
    with scopes_disabled():
        return {a.kind: a for a in publication.artefacts.all()}


def _read(artefact):
    with storages["artefacts"].open(artefact.name, "rb") as handle:
        return handle.read()


def test_publishing_stores_html_pdf_and_open_data_with_their_hashes(
    world, report, renderer, artefacts, django_capture_on_commit_callbacks
):
    publication = publish(world, report, django_capture_on_commit_callbacks)
    assert publication.status == PublicationStatus.PUBLISHED
    assert (publication.version, publication.page_count, publication.published_by) == (1, 12, world.approver)
    assert publication.revision.section is None  # the report snapshot the sign-off pinned
    files = _files(publication)
    assert set(files) == {ArtefactKind.HTML, ArtefactKind.PDF, ArtefactKind.CSV, ArtefactKind.JSON}
    for artefact in files.values():
        content = _read(artefact)
        assert artefact.sha256 == hashlib.sha256(content).hexdigest()
        assert artefact.size == len(content)
        assert artefact.name.startswith("hsscp/2024-25/v1/")
    report.refresh_from_db()
    assert report.state == ReportState.PUBLISHED
    with scopes_disabled():
        sendings = {s.recipient: s.due_on for s in publication.sendings.all()}
        assert AuditEvent.objects.filter(action="reports.publication.published").count() == 1
    assert sendings == {r: timezone.localdate(publication.published_at) + dt.timedelta(days=7) for r in Recipient}


def test_open_data_holds_each_cited_figure_as_printed_and_stays_frozen(
    world, report, renderer, artefacts, django_capture_on_commit_callbacks
):
    publication = publish(world, report, django_capture_on_commit_callbacks)
    rows = list(csv.DictReader(io.StringIO(_read(_files(publication)[ArtefactKind.CSV]).decode("utf-8-sig"))))
    assert [(r["metric_code"], r["area"], r["ons_code"], r["period"], r["value"]) for r in rows] == [
        ("referrals", "Hartlepool", "E06000001", "2024-25", "1432")
    ]
    assert rows[0]["source"] == "Cleveland Police" and rows[0]["section"] == "Our area"
    with scopes_disabled():
        MetricValue.objects.filter(metric=world.metrics["referrals"]).update(value=9999)
    again = _read(_files(publication)[ArtefactKind.CSV]).decode("utf-8-sig")
    assert "1432" in again and "9999" not in again


def test_a_suppressed_figure_has_no_value_in_open_data_and_says_how_the_report_shows_it(
    world, renderer, artefacts, django_capture_on_commit_callbacks
):
    from .helpers import approve, ref_span, rich

    referrals = world.metrics["referrals"]
    with scopes_disabled():
        referrals.suppress_small = True
        referrals.save()
    approve(world, "referrals", 3, "2024-25", area_index=1)
    body = [rich(f"<p>Stockton: {ref_span(referrals, world.areas[1])}.</p>")]
    report = make_report(world, sections=[("Referrals", body)])
    with scope(partnership=world.partnership):
        sign_off(world, report)
    publication = publish(world, report, django_capture_on_commit_callbacks)
    row = next(csv.DictReader(io.StringIO(_read(_files(publication)[ArtefactKind.CSV]).decode("utf-8-sig"))))
    assert (row["area"], row["value"], row["suppressed"]) == ("Stockton-on-Tees", "", "yes")
    assert row["shown_in_report_as"] != "3" and "3" not in row["shown_in_report_as"]


def test_only_a_signed_off_report_with_every_figure_resolved_can_be_published(world, renderer, artefacts):
    draft = make_report(world, year="2025-26")
    with scope(partnership=world.partnership), pytest.raises(publishing.PublishError, match="signed-off"):
        publishing.request_publication(draft, by=world.approver)
    report = signed_off_report(world)
    with scopes_disabled():
        MetricValue.objects.filter(metric=world.metrics["referrals"], area=world.areas[0]).delete()
    with scope(partnership=world.partnership), pytest.raises(publishing.PublishError, match="figure reference"):
        publishing.request_publication(report, by=world.approver)
    with scopes_disabled():
        assert not Publication.objects.exists()


def test_a_failed_render_publishes_nothing_and_says_why(
    world, report, artefacts, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(report, *, progress):
        raise RuntimeError("chart export timed out")

    monkeypatch.setattr("reports.publishing.services.render_for_publication", broken)
    publication = publish(world, report, django_capture_on_commit_callbacks)
    assert publication.status == PublicationStatus.FAILED
    assert "chart export timed out" in publication.failure
    with scopes_disabled():
        assert not publication.artefacts.exists()
    report.refresh_from_db()
    assert report.state == ReportState.APPROVED  # it may be published again


def test_the_real_renderer_publishes_the_signed_off_report_as_web_html_and_pdf(
    world, report, artefacts, django_capture_on_commit_callbacks
):
    import io

    from pypdf import PdfReader

    publication = publish(world, report, django_capture_on_commit_callbacks)
    assert publication.status == PublicationStatus.PUBLISHED, publication.failure
    files = _files(publication)
    pdf = _read(files[ArtefactKind.PDF])
    assert pdf.startswith(b"%PDF-") and publication.page_count == len(PdfReader(io.BytesIO(pdf)).pages) >= 1
    html = _read(files[ArtefactKind.HTML]).decode()
    assert "Annual report 2024-25" in html and "1,432" in html and "not for publication" not in html
    assert publication.progress == 100


def test_a_correction_is_a_new_version_with_a_note_and_the_old_one_stays(
    world, report, renderer, artefacts, django_capture_on_commit_callbacks
):
    first = publish(world, report, django_capture_on_commit_callbacks)
    with scope(partnership=world.partnership):
        with pytest.raises(publishing.PublishError, match="signed-off"):
            publishing.request_publication(report, by=world.approver, change_note="x")
        publishing.start_correction(report, by=world.approver, reason="Wrong referral count in section 2")
        report.refresh_from_db()
        assert report.state == ReportState.DRAFT
        sign_off(world, report)
        with pytest.raises(publishing.PublishError, match="Say what this correction changes"):
            publishing.request_publication(report, by=world.approver)
    second = publish(world, report, django_capture_on_commit_callbacks, note="Corrected the referral count.")
    assert (second.version, second.change_note, second.status) == (2, "Corrected the referral count.", "published")
    first.refresh_from_db()
    assert first.status == PublicationStatus.PUBLISHED
    assert _files(first)[ArtefactKind.PDF].sha256 != _files(second)[ArtefactKind.PDF].sha256


def test_withdrawal_needs_a_reason_and_covers_every_version(
    world, report, renderer, artefacts, django_capture_on_commit_callbacks
):
    publication = publish(world, report, django_capture_on_commit_callbacks)
    with scope(partnership=world.partnership):
        with pytest.raises(publishing.PublishError, match="reason"):
            publishing.withdraw(report, by=world.approver, reason="  ")
        assert publishing.withdraw(report, by=world.approver, reason="A child could be identified.") == [1]
        with pytest.raises(publishing.PublishError, match="nothing to withdraw"):
            publishing.withdraw(report, by=world.approver, reason="Again")
    publication.refresh_from_db()
    assert publication.is_withdrawn and publication.withdrawn_by == world.approver
    assert publication.withdrawal_reason == "A child could be identified."


def test_marking_sent_records_who_and_when_once(world, report, renderer, artefacts, django_capture_on_commit_callbacks):
    publication = publish(world, report, django_capture_on_commit_callbacks)
    with scope(partnership=world.partnership):
        panel = publication.sendings.get(recipient=Recipient.PANEL)
        with pytest.raises(publishing.PublishError, match="future"):
            publishing.mark_sent(panel, by=world.approver, sent_on=timezone.localdate() + dt.timedelta(days=1))
        publishing.mark_sent(panel, by=world.editor, sent_on=timezone.localdate())
        with pytest.raises(publishing.PublishError, match="Already marked"):
            publishing.mark_sent(panel, by=world.approver, sent_on=timezone.localdate())
        panel.refresh_from_db()
    assert panel.marked_by == world.editor and panel.marked_at is not None and panel.is_sent
