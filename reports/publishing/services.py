"""Publishing writes: publish (and correct), withdraw, and mark the statutory sending done.

Each runs in one transaction, refuses with a PublishError whose message the page shows, and
records an audit event. The rendering and storing itself runs in a background task
(`reports.publishing.tasks.publish_report`), which calls `run_publication`.
"""

import datetime as dt
import hashlib
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from partners import audit
from partners import versions as data_versions
from reports.models import Report, ReportState, SignOff
from reports.services.errors import ReportError
from reports.services.workflow import unresolved_figures

from . import opendata
from .figures import cited_figures
from .models import SENDING_DAYS, Artefact, ArtefactKind, Publication, PublicationStatus, Recipient, Sending
from .rendering import render_for_publication

logger = logging.getLogger(__name__)


class PublishError(ReportError):
    """A refused publishing action, with a message for the person who tried it."""


def _locked(report):
    return Report.objects.select_for_update().select_related("partnership").get(pk=report.pk)


@transaction.atomic
def request_publication(report, *, by, change_note="", background=True) -> Publication:
    """Queue the publication of the signed-off report (the first version, or a correction).

    The caller has checked the approver's capability; this checks the report: signed off, every
    figure reference resolved, nothing already being published, and a note for a correction.
    With `background=False` nothing is queued: the caller runs `run_publication` itself (the demo).
    """
    report = _locked(report)
    if report.state != ReportState.APPROVED:
        raise PublishError(
            f"Only a signed-off report can be published; this report is {report.get_state_display().lower()}."
        )
    sign_off = SignOff.objects.filter(report=report, withdrawn_at__isnull=True).select_related("revision").first()
    if sign_off is None:
        raise PublishError("The report has no current sign-off; sign it off again before publishing.")
    missing = unresolved_figures(report)
    if missing:
        raise PublishError(
            f"{len(missing)} figure reference(s) have no approved value ({missing[0].label}…); "
            "nothing can be published until every figure resolves."
        )
    earlier = Publication.objects.filter(partnership=report.partnership, year=report.year)
    if earlier.filter(status__in=[PublicationStatus.QUEUED, PublicationStatus.RENDERING]).exists():
        raise PublishError("This report is already being published; wait for that to finish.")
    published_before = earlier.filter(status=PublicationStatus.PUBLISHED).exists()
    change_note = (change_note or "").strip()
    if published_before and not change_note:
        raise PublishError("Say what this correction changes: the note is shown to the public with it.")
    version = (earlier.aggregate(n=Max("version"))["n"] or 0) + 1
    try:
        with transaction.atomic():
            publication = Publication.objects.create(
                partnership=report.partnership,
                report=report,
                revision=sign_off.revision,
                year=report.year,
                version=version,
                publisher_name=report.partnership.name,
                title=report.title,
                summary=report.subtitle,
                change_note=change_note,
                requested_by=by,
                progress_note="Queued",
            )
    except IntegrityError as error:  # two approvers at once: the constraint lets one through
        raise PublishError("This report is already being published; wait for that to finish.") from error
    audit.record(
        "reports.publication.requested",
        partnership=report.partnership,
        by=by,
        subject=publication,
        within=report,
        version=version,
        change_note=change_note,
    )
    if background:
        from .tasks import publish_report

        transaction.on_commit(lambda: publish_report.enqueue(publication.pk))
    return publication


def _progress(publication, percent, note):
    Publication.objects.filter(pk=publication.pk).update(progress=percent, progress_note=note[:200])


def run_publication(publication_id):
    """The background work: render from the signed-off report, store the files, then make it public.

    Files are written before the row says "published", under names carrying the version; a
    failure leaves the publication failed (with the reason) and nothing public.
    """
    publication = Publication.objects.select_related("report", "partnership", "revision").get(pk=publication_id)
    if publication.status != PublicationStatus.QUEUED:
        return publication.status
    Publication.objects.filter(pk=publication.pk).update(status=PublicationStatus.RENDERING)
    report = publication.report
    try:
        _progress(publication, 5, "Gathering figures")
        figures = cited_figures(report)

        def progress(text, done=None, total=None):
            share = (done or 0) / total if total else 1
            _progress(publication, 20 + int(60 * share), text)

        rendered = render_for_publication(report, progress=progress)
        _progress(publication, 85, "Storing the files")
        published_at = timezone.now()
        about = {
            "partnership": publication.partnership.name,
            "report": publication.title,
            "year": str(publication.year),
            "version": publication.version,
            "published_at": published_at.isoformat(),
            "source": "Figures as printed in the published report; suppressed figures have no value.",
        }
        files = {
            ArtefactKind.HTML: rendered.html,
            ArtefactKind.PDF: rendered.pdf,
            ArtefactKind.CSV: opendata.figures_csv(figures),
            ArtefactKind.JSON: opendata.figures_json(figures, about=about),
        }
        stored = [_store(publication, kind, content) for kind, content in files.items()]
    except Exception as error:  # noqa: BLE001 - any failure is shown to the approver, nothing goes public
        logger.exception("Publishing %s failed", publication)
        Publication.objects.filter(pk=publication.pk).update(
            status=PublicationStatus.FAILED, failure=str(error)[:2000] or error.__class__.__name__
        )
        return PublicationStatus.FAILED
    with transaction.atomic():
        Artefact.objects.bulk_create(stored)
        publication.status = PublicationStatus.PUBLISHED
        publication.published_at = published_at
        publication.published_by = publication.requested_by
        publication.page_count = rendered.page_count
        publication.progress, publication.progress_note = 100, "Published"
        publication.save(
            update_fields=["status", "published_at", "published_by", "page_count", "progress", "progress_note"]
        )
        Report.objects.filter(pk=report.pk).update(state=ReportState.PUBLISHED)
        data_versions.changed(report.partnership_id)  # update() sends no signals
        due = timezone.localdate(published_at) + dt.timedelta(days=SENDING_DAYS)
        Sending.objects.bulk_create(
            Sending(partnership=publication.partnership, publication=publication, recipient=recipient, due_on=due)
            for recipient in Recipient
        )
        audit.record(
            "reports.publication.published",
            partnership=publication.partnership,
            by=publication.requested_by,
            via="task",
            subject=publication,
            within=report,
            version=publication.version,
            pdf_sha256=next(a.sha256 for a in stored if a.kind == ArtefactKind.PDF),
            pages=rendered.page_count,
        )
    return PublicationStatus.PUBLISHED


def _store(publication, kind, content: bytes) -> Artefact:
    storage = storages["artefacts"]
    wanted = f"{publication.partnership.slug}/{publication.year}/v{publication.version}/{publication.download_name(kind, versioned=True)}"
    name = storage.save(wanted, ContentFile(content))  # never overwrites: a clash gets a new name
    return Artefact(
        partnership=publication.partnership,
        publication=publication,
        kind=kind,
        name=name,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
    )


@transaction.atomic
def start_correction(report, *, by, reason):
    """A published report goes back to draft so it can be corrected; the public keeps the published version."""
    report = _locked(report)
    if report.state != ReportState.PUBLISHED:
        raise PublishError("Only a published report can be corrected.")
    reason = (reason or "").strip()
    if not reason:
        raise PublishError("Say what needs correcting.")
    when = timezone.localtime().strftime("%d %B %Y")
    report.state = ReportState.DRAFT
    report.state_note = f"Being corrected (since {when}): {reason}"[:400]
    report.save(update_fields=["state", "state_note", "updated_at"])
    SignOff.objects.filter(report=report, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now(), withdrawn_reason=f"Correction started: {reason}"[:300]
    )
    audit.record(
        "reports.publication.correction_started", partnership=report.partnership, by=by, subject=report, reason=reason
    )


@transaction.atomic
def withdraw(report, *, by, reason):
    """Every published version of the year answers 410 Gone with the reason; nothing is deleted."""
    reason = (reason or "").strip()
    if not reason:
        raise PublishError("Give the reason for withdrawing: it is shown to anyone who follows a link to the report.")
    report = _locked(report)
    live = Publication.objects.filter(
        partnership=report.partnership, year=report.year, status=PublicationStatus.PUBLISHED, withdrawn_at__isnull=True
    )
    versions = list(live.values_list("version", flat=True))
    if not versions:
        raise PublishError("Nothing of this report is published, so there is nothing to withdraw.")
    live.update(withdrawn_at=timezone.now(), withdrawn_by=by, withdrawal_reason=reason)
    audit.record(
        "reports.publication.withdrawn",
        partnership=report.partnership,
        by=by,
        subject=report,
        versions=versions,
        reason=reason,
    )
    return versions


@transaction.atomic
def mark_sent(sending, *, by, sent_on):
    """Record that the report was sent to the Panel or the What Works centre, and by whom."""
    sending = Sending.objects.select_for_update().select_related("publication").get(pk=sending.pk)
    if sending.is_sent:
        raise PublishError(f"Already marked sent to the {sending.get_recipient_display()}.")
    if not isinstance(sent_on, dt.date):
        raise PublishError("Give the day it was sent.")
    if sent_on > timezone.localdate():
        raise PublishError("The day it was sent cannot be in the future.")
    if sending.publication.published_at and sent_on < timezone.localdate(sending.publication.published_at):
        raise PublishError("The day it was sent cannot be before the report was published.")
    sending.sent_on = sent_on
    sending.marked_by = by
    sending.marked_at = timezone.now()
    sending.save(update_fields=["sent_on", "marked_by", "marked_at"])
    audit.record(
        "reports.publication.sent",
        partnership=sending.partnership,
        by=by,
        subject=sending.publication,
        recipient=sending.get_recipient_display(),
        sent_on=sent_on.isoformat(),
    )
    return sending
