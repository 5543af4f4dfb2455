"""Publications: each published version of a partnership's report for a year, and its stored files.

A publication never changes once published: its files are written once under a name that
carries the version, with their sha256 and size; a correction is a new version, and the old one
stays reachable, marked superseded. Withdrawal is the one change, and it is recorded, not deleted.
Historical reports of a predecessor board (published before the portal existed) are publications
without a revision, with the publisher's name.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_scopes import ScopedManager

from partners.fields import ReportingYearField


class PublicationStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RENDERING = "rendering", "Rendering"
    PUBLISHED = "published", "Published"
    FAILED = "failed", "Failed"


class ArtefactKind(models.TextChoices):
    HTML = "html", "Web page"
    PDF = "pdf", "PDF"
    CSV = "csv", "Figures (CSV)"
    JSON = "json", "Figures (JSON)"


CONTENT_TYPES = {
    ArtefactKind.HTML: "text/html; charset=utf-8",
    ArtefactKind.PDF: "application/pdf",
    ArtefactKind.CSV: "text/csv; charset=utf-8",
    ArtefactKind.JSON: "application/json",
}


class Publication(models.Model):
    partnership = models.ForeignKey("partners.Partnership", on_delete=models.PROTECT, related_name="publications")
    report = models.ForeignKey(
        "reports.Report", on_delete=models.PROTECT, null=True, blank=True, related_name="publications"
    )
    revision = models.ForeignKey(
        "reports.Revision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="publications",
        help_text="The signed-off revision this version was rendered from (none for a predecessor board's report).",
    )
    year = ReportingYearField()
    version = models.PositiveSmallIntegerField()
    publisher_name = models.CharField(
        max_length=200, help_text="Who published it, as named on the report, e.g. a predecessor board."
    )
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True, help_text="One or two sentences for search engines and link previews.")
    change_note = models.TextField(blank=True, help_text="For a correction: what changed, shown to the public.")
    status = models.CharField(max_length=12, choices=PublicationStatus.choices, default=PublicationStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done while rendering.")
    progress_note = models.CharField(max_length=200, blank=True)
    failure = models.TextField(blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawal_reason = models.TextField(blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["partnership", "-year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "year", "version"], name="publication_unique_version"),
            # One publish at a time per year: a second request waits for the first to finish or fail.
            models.UniqueConstraint(
                fields=["partnership", "year"],
                condition=Q(status__in=["queued", "rendering"]),
                name="publication_one_in_progress",
            ),
        ]
        indexes = [
            # The public archive: a partnership's published versions by year (public.selectors).
            models.Index(fields=["partnership", "status", "year", "version"], name="publication_archive"),
        ]

    def __str__(self):
        return f"{self.publisher_name} {self.year} v{self.version}"

    def get_absolute_url(self):
        """The versioned address: it never changes meaning."""
        return reverse(
            "public:report_version",
            kwargs={"partnership_slug": self.partnership.slug, "year": self.year, "version": self.version},
        )

    @property
    def is_published(self):
        return self.status == PublicationStatus.PUBLISHED

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @property
    def is_in_progress(self):
        return self.status in (PublicationStatus.QUEUED, PublicationStatus.RENDERING)

    def download_name(self, kind, *, versioned=False):
        """hsscp-annual-report-2024-25.pdf; an earlier version's file says -v1, so two never collide."""
        suffix = "-figures" if kind in (ArtefactKind.CSV, ArtefactKind.JSON) else ""
        version = f"-v{self.version}" if versioned else ""
        return f"{self.partnership.slug}-annual-report-{self.year}{suffix}{version}.{kind}"


class Artefact(models.Model):
    """One stored file of a publication, written once; only its download count ever changes."""

    partnership = models.ForeignKey("partners.Partnership", on_delete=models.PROTECT, related_name="+")
    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="artefacts")
    kind = models.CharField(max_length=4, choices=ArtefactKind.choices)
    name = models.CharField(max_length=300, unique=True, help_text="The name in the artefact storage.")
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    downloads = models.PositiveBigIntegerField(default=0, help_text="Downloads started; nothing about who.")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["publication", "kind"]
        constraints = [models.UniqueConstraint(fields=["publication", "kind"], name="artefact_one_per_kind")]

    def __str__(self):
        return self.name

    @property
    def content_type(self):
        return CONTENT_TYPES[self.kind]


class Recipient(models.TextChoices):
    """Whom the statutory guidance asks a partnership to send its published report to, within 7 days."""

    PANEL = "panel", "Child Safeguarding Practice Review Panel"
    WHAT_WORKS = "what_works", "What Works centre for children's social care (Foundations)"


SENDING_DAYS = 7


class Sending(models.Model):
    """One statutory sending of one published version: due 7 days after publication; who marked it sent."""

    partnership = models.ForeignKey("partners.Partnership", on_delete=models.PROTECT, related_name="+")
    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="sendings")
    recipient = models.CharField(max_length=20, choices=Recipient.choices)
    due_on = models.DateField()
    sent_on = models.DateField(null=True, blank=True, help_text="The day it was sent, as the person marking it says.")
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    marked_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["publication", "recipient"]
        constraints = [models.UniqueConstraint(fields=["publication", "recipient"], name="sending_once_per_recipient")]
        indexes = [
            # The dashboard warning: sendings not yet marked, by due date.
            models.Index(fields=["partnership", "sent_on", "due_on"], name="sending_outstanding"),
        ]

    def __str__(self):
        return f"{self.get_recipient_display()}: {self.publication}"

    @property
    def is_sent(self):
        return self.sent_on is not None

    @property
    def is_overdue(self):
        return not self.is_sent and self.due_on < timezone.localdate()
