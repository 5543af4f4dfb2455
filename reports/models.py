"""The annual report: a report per partnership and year, sections of typed blocks, revisions,
review and sign-off, comments, and the statutory requirements the report is checked against.

Section bodies are JSON lists of blocks, `{"type": …, "id": <uuid>, "value": {…}}` (see
`reports/blocks.py`); the id is given on first save and never reused, so diffs, comments and
requirement tags can point at one block. Revisions are full snapshots; restoring appends one.
Every partnership-owned row carries its partnership and a django-scopes manager (fails closed).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django_scopes import ScopedManager

from partners.fields import ReportingYearField
from partners.models import Partnership
from partners.years import ReportingYear


class Edition(models.TextChoices):
    """Editions of Working Together to Safeguard Children whose yearly-report duties we check."""

    WT2018 = "wt2018", "Working Together to Safeguard Children 2018"
    WT2023 = "wt2023", "Working Together to Safeguard Children 2023"

    @classmethod
    def for_year(cls, year) -> "Edition":
        """The edition in force when the year's report is written (spring/summer after the year).

        Working Together 2023 took effect in December 2023, so the 2023-24 report, written in
        2024, is the first held to it; earlier reports (from 2019-20, the first year of the
        partnerships) answer to the 2018 edition.
        """
        return cls.WT2023 if ReportingYear.parse(year).start >= 2023 else cls.WT2018


class ReportState(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"


class Report(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="reports")
    year = ReportingYearField()
    title = models.CharField(max_length=300)
    subtitle = models.CharField(max_length=300, blank=True)
    state = models.CharField(max_length=20, choices=ReportState.choices, default=ReportState.DRAFT)
    edition = models.CharField(max_length=10, choices=Edition.choices)
    started_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="continued_by"
    )
    # Why the report is back in draft ("Edited after approval by …"), shown on its pages until the
    # next review; empty when it never left draft.
    state_note = models.CharField(max_length=400, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["partnership", "year"], name="report_unique_year")]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def save(self, *args, **kwargs):
        if not self.edition and self.year:
            self.edition = Edition.for_year(self.year)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reports:report", kwargs={"partnership_slug": self.partnership.slug, "year": self.year})

    @property
    def is_draft(self):
        return self.state == ReportState.DRAFT

    @property
    def is_in_review(self):
        return self.state == ReportState.IN_REVIEW

    @property
    def is_approved(self):
        return self.state == ReportState.APPROVED

    @property
    def is_published(self):
        return self.state == ReportState.PUBLISHED


class SectionState(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    DRAFTING = "drafting", "Drafting"
    READY = "ready", "Ready for review"
    APPROVED = "approved", "Approved"


class Section(models.Model):
    """A section of a report; at most two levels (a section and its sub-sections)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="report_sections")
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=300)
    number_label = models.CharField(
        max_length=20, blank=True, help_text='As printed, e.g. "3" or "3.2" or "A". The portal never renumbers.'
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(max_length=20, choices=SectionState.choices, default=SectionState.NOT_STARTED)
    body = models.JSONField(default=list, blank=True)
    # Optimistic locking: a save names the version it started from; a newer one refuses it.
    version = models.PositiveIntegerField(default=1)
    latest_revision = models.ForeignKey("Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["report", "parent", "position"], name="section_tree_order")]

    def __str__(self):
        return f"{self.number_label} {self.title}".strip()

    @property
    def heading(self):
        return str(self)


class Revision(models.Model):
    """A full snapshot. With a section: that section as saved. Without: the whole report (sign-off)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="report_revisions")
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="revisions")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(help_text="1, 2, 3… per section (or per report for report snapshots).")
    snapshot = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True, help_text='e.g. "Restored revision 3"')

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["section", "number"], name="revision_unique_number"),
            models.UniqueConstraint(
                fields=["report", "number"], condition=Q(section__isnull=True), name="report_revision_unique_number"
            ),
        ]

    def __str__(self):
        return f"Revision {self.number}"


class SignOff(models.Model):
    """An approver's sign-off of the report as it stood in one report revision."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="report_sign_offs")
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sign_offs")
    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="sign_offs")
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    post = models.CharField(max_length=200)
    signed_on = models.DateField()
    statement = models.TextField(blank=True, help_text="Printed in the report when given.")
    # [{"requirement": code, "note": text}] for every requirement missing at sign-off.
    acknowledgements = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=300, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["report"], condition=Q(withdrawn_at__isnull=True), name="one_active_sign_off"
            )
        ]

    def __str__(self):
        return f"Signed off by {self.name} on {self.signed_on}"


class Comment(models.Model):
    """A reviewer's comment on a section (optionally on one block). Never public."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="report_comments")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="comments")
    block_id = models.CharField(max_length=36, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]


class Requirement(models.Model):
    """A duty the statutory guidance places on the yearly report (shared data, one set per edition)."""

    edition = models.CharField(max_length=10, choices=Edition.choices)
    code = models.SlugField(max_length=60)
    title = models.CharField(max_length=200)
    text = models.TextField(help_text="What the guidance asks, in our words.")
    paragraph = models.CharField(max_length=100, help_text='Where the guidance says it, e.g. "Chapter 2, para 189".')
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["edition", "position"]
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="requirement_unique_code")]

    def __str__(self):
        return self.title


class RequirementTag(models.Model):
    """A section (or one of its blocks) meets a requirement, in the editor's judgement."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="requirement_tags")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="requirement_tags")
    block_id = models.CharField(max_length=36, blank=True, help_text="Empty: the whole section.")
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="tags")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["section", "block_id", "requirement"], name="requirement_tag_unique")
        ]

    def __str__(self):
        return f"{self.section} meets {self.requirement}"


class SectionPresence(models.Model):
    """Who has a section open in the editor, refreshed while the page is open."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="presences")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    objects = ScopedManager(partnership="partnership")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["section", "user"], name="presence_unique_user")]

    def __str__(self):
        return f"{self.user} in {self.section}"


# Publication (issue 14) lives in its own module; imported here so Django registers its models.
from .publishing.models import Artefact, Publication, Sending  # noqa: E402, F401

# Renderings live with the rendering code; imported here so Django finds the model.
from .rendering.models import Rendering, RenderState  # noqa: E402, F401
