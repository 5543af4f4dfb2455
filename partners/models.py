"""Partnerships (the tenants) and everything that belongs to one.

Every partnership-owned model carries its partnership and uses a django-scopes
manager: a query outside `scope(partnership=…)` raises instead of returning
every tenant's rows. Agencies are the one shared register: Cleveland Police
serves two partnerships, and its history (renames, mergers) is the same for both.
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django_scopes import ScopedManager

from .fields import ReportingYearField

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Enter a colour as # and six hex digits, e.g. #1d4f91.")
ons_code = RegexValidator(
    r"^E(06|07|08|09|10)\d{6}$",
    "Enter the area's nine-character ONS code, e.g. E06000001 for Hartlepool.",
)


class User(AbstractUser):
    """Portal users. Portal admins are superusers; every other power comes from roles."""

    @property
    def is_portal_admin(self):
        return self.is_active and self.is_superuser


class Partnership(models.Model):
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=20, help_text="As used in running text, e.g. HSSCP.")
    slug = models.SlugField(max_length=40, unique=True, help_text="Used in web addresses.")
    colour = models.CharField(max_length=7, default="#1d4f91", validators=[hex_colour])
    logo = models.FileField(
        upload_to="logos/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg"])],
        help_text="PNG or JPEG.",
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    website = models.URLField(blank=True)
    address = models.TextField(blank=True)
    statutory_basis = models.TextField(
        blank=True, help_text="The legal basis of the partnership, as the report states it."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return reverse("partnership_home", args=[self.slug])


class Area(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="areas")
    name = models.CharField(max_length=120)
    ons_code = models.CharField("ONS code", max_length=9, validators=[ons_code])

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "ons_code"], name="area_unique_code"),
            models.UniqueConstraint(fields=["partnership", "name"], name="area_unique_name"),
        ]

    def __str__(self):
        return self.name


class AgencyKind(models.TextChoices):
    COUNCIL = "council", "Council"
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    VOLUNTARY = "voluntary", "Voluntary sector"
    JUSTICE = "justice", "Justice"
    OTHER = "other", "Other"


class Agency(models.Model):
    """An organisation. A rename or merger creates a new row; the old one points at it."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=AgencyKind.choices)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        help_text="The agency that took over when this one was renamed or merged.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=models.F("started_on")),
                name="agency_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.replaced_by_id and self.replaced_by_id == self.pk:
            raise ValidationError({"replaced_by": "An agency cannot replace itself."})
        if self.replaced_by_id and not self.ended_on:
            raise ValidationError({"ended_on": "Give the date this agency ended, as it was replaced."})

    def successors(self):
        """This agency's replacements in order, oldest first (CCG → ICB → …)."""
        chain, seen, current = [], {self.pk}, self.replaced_by
        while current is not None and current.pk not in seen:
            chain.append(current)
            seen.add(current.pk)
            current = current.replaced_by
        return chain


class PartnerRole(models.TextChoices):
    LEAD = "lead", "Lead safeguarding partner"
    DELEGATED = "delegated", "Delegated safeguarding partner"
    RELEVANT = "relevant", "Relevant agency"


class AgencyMembership(models.Model):
    """An agency's role in a partnership for one reporting year."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="memberships")
    year = ReportingYearField()
    role = models.CharField(max_length=20, choices=PartnerRole.choices)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["year", "role", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "agency", "year"], name="membership_unique_year"),
        ]

    def __str__(self):
        return f"{self.agency} – {self.get_role_display()} ({self.year})"


class Person(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name


class PostKind(models.TextChoices):
    CHAIR = "chair", "Chair"
    INDEPENDENT_SCRUTINEER = "independent_scrutineer", "Independent scrutineer"
    BUSINESS_MANAGER = "business_manager", "Business manager"
    LEAD_REPRESENTATIVE = "lead_representative", "Lead partner representative"
    OTHER = "other", "Other"


class Post(models.Model):
    """A post a person holds in the partnership, from one reporting year to another."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="posts")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="posts")
    kind = models.CharField(max_length=30, choices=PostKind.choices)
    title = models.CharField(max_length=200, blank=True, help_text="Job title as printed, e.g. Chief Constable.")
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="posts")
    from_year = ReportingYearField()
    to_year = ReportingYearField(null=True, blank=True, help_text="Empty while the post is held.")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["kind", "person__name"]

    def __str__(self):
        return f"{self.person} – {self.get_kind_display()}"

    def clean(self):
        if self.person_id and self.partnership_id and self.person.partnership_id != self.partnership_id:
            raise ValidationError({"person": "This person belongs to another partnership."})
        if self.to_year and self.from_year and self.to_year < self.from_year:
            raise ValidationError({"to_year": "The post cannot end before it starts."})


class Group(models.Model):
    """A governance group. Tees-wide groups are owned by one partnership and shared with others."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(max_length=200)
    purpose = models.TextField(blank=True)
    chair = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="chaired_groups")
    reports_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reporting_groups"
    )
    shared_with = models.ManyToManyField(Partnership, blank=True, related_name="shared_groups")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="group_unique_name")]

    def __str__(self):
        return self.name

    def clean(self):
        if self.chair_id and self.chair.partnership_id != self.partnership_id:
            raise ValidationError({"chair": "The chair must be one of this partnership's people."})
        seen, current = {self.pk}, self.reports_to
        while current is not None:
            if current.pk in seen:
                raise ValidationError({"reports_to": "Groups cannot report to each other in a circle."})
            seen.add(current.pk)
            current = current.reports_to

    @property
    def is_shared(self):
        return self.shared_with.exists()


class FundingYear(models.Model):
    """A partnership's budget for one reporting year; the lines hold the money."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="funding_years")
    year = ReportingYearField()
    reserves_brought_forward = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    reserves_carried_forward = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    notes = models.TextField(blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["partnership", "year"], name="funding_unique_year")]

    def __str__(self):
        return f"{self.partnership} funding {self.year}"

    def _total(self, kind):
        # Sums in Python so a prefetched `lines` costs no query (rendering runs none).
        return sum((line.amount for line in self.lines.all() if line.kind == kind), Decimal("0"))

    @property
    def total_contributions(self):
        return self._total(FundingLine.Kind.CONTRIBUTION)

    @property
    def total_income(self):
        return self.total_contributions + self._total(FundingLine.Kind.OTHER_INCOME)

    @property
    def has_expenditure(self):
        return any(line.kind == FundingLine.Kind.EXPENDITURE for line in self.lines.all())

    @property
    def total_expenditure(self):
        return self._total(FundingLine.Kind.EXPENDITURE)


class FundingLine(models.Model):
    class Kind(models.TextChoices):
        CONTRIBUTION = "contribution", "Agency contribution"
        OTHER_INCOME = "other_income", "Other income"
        EXPENDITURE = "expenditure", "Expenditure"

    funding_year = models.ForeignKey(FundingYear, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="contributions")
    label = models.CharField(max_length=200, blank=True)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    position = models.PositiveSmallIntegerField(default=0)

    objects = ScopedManager(partnership="funding_year__partnership")

    class Meta:
        ordering = ["kind", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="contribution") | Q(agency__isnull=False),
                name="contribution_has_agency",
            ),
            models.CheckConstraint(
                condition=Q(kind="contribution") | ~Q(label=""),
                name="other_line_has_label",
            ),
        ]

    def __str__(self):
        return self.display_label

    @property
    def display_label(self):
        return self.label or str(self.agency)


class Role(models.TextChoices):
    EDITOR = "editor", "Business unit editor"
    APPROVER = "approver", "Approver"
    SUBMITTER = "submitter", "Agency submitter"


class PartnershipRole(models.Model):
    """What a user may do in one partnership. Submitters act for exactly one agency."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="partnership_roles")
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="user_roles")
    role = models.CharField(max_length=20, choices=Role.choices)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="user_roles")

    class Meta:
        ordering = ["partnership__name", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "partnership", "role"], name="role_unique"),
            models.CheckConstraint(
                condition=(Q(role="submitter") & Q(agency__isnull=False))
                | (~Q(role="submitter") & Q(agency__isnull=True)),
                name="only_submitters_have_agency",
            ),
        ]

    def __str__(self):
        suffix = f" for {self.agency}" if self.agency_id else ""
        return f"{self.user} – {self.get_role_display()} in {self.partnership}{suffix}"


class AuditEvent(models.Model):
    """Who did what, when, to what: one row per event, written through `partners.audit`.

    The subject is stored generically ("metrics.return", its id and a label taken when the event
    happened), so an event outlives what it describes: deleting a figure, a return or a report
    section never deletes its history. `within` is the record the subject belonged to (a figure's
    return, a block's report), so a history page for the container finds its parts' events.
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="audit_events")
    action = models.CharField(max_length=80, help_text="dotted: app.thing.verb, e.g. metrics.return.approved")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(db_index=True)
    via = models.CharField(max_length=20, blank=True, help_text="form, import, command, admin, task")
    subject_type = models.CharField(max_length=100, blank=True, help_text='"app_label.model"')
    subject_id = models.CharField(max_length=64, blank=True)
    subject_label = models.CharField(max_length=300, blank=True, help_text="what the subject was called then")
    within_type = models.CharField(max_length=100, blank=True)
    within_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"], name="audit_subject"),
            models.Index(fields=["within_type", "within_id"], name="audit_within"),
        ]

    def __str__(self):
        return f"{self.action} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def old(self):
        return self.data.get("old")

    @property
    def new(self):
        return self.data.get("new")

    @property
    def reason(self):
        return self.data.get("reason", "")

    @property
    def sentence(self):
        from .audit import sentence  # the registry lives beside the writers

        return sentence(self)
