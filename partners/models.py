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

from .accounts import INCOME_KINDS
from .fields import ReportingYearField
from .years import ReportingYear

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Enter a colour as # and six hex digits, e.g. #1d4f91.")
ons_code = RegexValidator(
    r"^E(06|07|08|09|10)\d{6}$",
    "Enter the area's nine-character ONS code, e.g. E06000001 for Hartlepool.",
)


def ends_after_start(name):
    """A check that `ended_on`, when both dates are given, is not before `started_on`."""
    return models.CheckConstraint(
        condition=Q(ended_on__isnull=True) | Q(started_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
        name=name,
    )


class User(AbstractUser):
    """Portal users. Portal admins are superusers; every other power comes from roles."""

    @property
    def is_portal_admin(self):
        return self.is_active and self.is_superuser


class PartnershipKind(models.TextChoices):
    PARTNERSHIP = "partnership", "Safeguarding children partnership"
    BOARD = "board", "Local Safeguarding Children Board"


class Partnership(models.Model):
    """A tenant: today's partnership, or a board it replaced (kept for the figures the board published)."""

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
    kind = models.CharField(max_length=20, choices=PartnershipKind.choices, default=PartnershipKind.PARTNERSHIP)
    started_on = models.DateField(null=True, blank=True, help_text="When the arrangements came into effect.")
    ended_on = models.DateField(null=True, blank=True, help_text="When a successor took over.")
    succeeded_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        help_text="The partnership that took over (HSSCP replaced the Hartlepool and Stockton LSCBs).",
    )
    small_number_threshold = models.PositiveSmallIntegerField(
        default=5,
        help_text="Figures from 1 up to one below this are suppressed in public output where a metric asks.",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            ends_after_start("partnership_ends_after_start"),
            models.CheckConstraint(
                condition=Q(small_number_threshold__gte=1) & Q(small_number_threshold__lte=100),
                name="partnership_threshold_1_to_100",
            ),
        ]

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return reverse("partnership_home", args=[self.slug])

    def clean(self):
        if self.succeeded_by_id and self.succeeded_by_id == self.pk:
            raise ValidationError({"succeeded_by": "A partnership cannot succeed itself."})
        if self.succeeded_by_id and not self.ended_on:
            raise ValidationError({"ended_on": "Give the date these arrangements ended, as a successor took over."})

    @property
    def is_board(self):
        return self.kind == PartnershipKind.BOARD

    def existed_during(self, starts_on, ends_on):
        """True when the partnership existed for at least part of the period from starts_on to ends_on."""
        return (self.started_on is None or self.started_on <= ends_on) and (
            self.ended_on is None or self.ended_on >= starts_on
        )


class Area(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="areas")
    name = models.CharField(max_length=120)
    ons_code = models.CharField("ONS code", max_length=9, validators=[ons_code])
    council = models.ForeignKey(
        "Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="council_of",
        limit_choices_to={"kind": "council"},
        help_text="The area's own council: it is asked for the area's figures that name no other supplier.",
    )

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
            ends_after_start("agency_ends_after_start"),
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
    CHAIR = "chair", "Partnership chair"
    INDEPENDENT_CHAIR = "independent_chair", "Independent chair"
    INDEPENDENT_SCRUTINEER = "independent_scrutineer", "Independent scrutineer"
    LAY_MEMBER = "lay_member", "Lay member"
    BUSINESS_MANAGER = "business_manager", "Business manager"
    LEAD_REPRESENTATIVE = "lead_representative", "Lead safeguarding partner"
    DELEGATED_PARTNER = "delegated_partner", "Delegated safeguarding partner"
    SUBGROUP_CHAIR = "subgroup_chair", "Sub-group chair"
    OTHER = "other", "Other"


class Post(models.Model):
    """A post held in the partnership: by a named person or (a lay member, a post named by title) by nobody named.

    The reporting years give the span a report asks about; the dates, when known, give the months
    (two chairs in one year, each with their months).
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="posts")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="posts", help_text="Optional."
    )
    kind = models.CharField(max_length=30, choices=PostKind.choices)
    title = models.CharField(max_length=200, blank=True, help_text="Job title as printed, e.g. Chief Constable.")
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="posts")
    group = models.ForeignKey(
        "Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
        help_text="For a sub-group chair.",
    )
    from_year = ReportingYearField()
    to_year = ReportingYearField(null=True, blank=True, help_text="Empty while the post is held.")
    started_on = models.DateField(null=True, blank=True, help_text="First day in post, when known.")
    ended_on = models.DateField(null=True, blank=True, help_text="Last day in post, when known.")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["kind", "from_year", "started_on", "id"]
        constraints = [
            ends_after_start("post_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.holder} – {self.get_kind_display()}"

    @property
    def holder(self):
        """Who holds the post as a report names them: the person, else the title, else the kind."""
        if self.person_id:
            return self.person.name
        return self.title or ("Lay member" if self.kind == PostKind.LAY_MEMBER else "Name not published")

    @property
    def span(self):
        """The months when known ("April 2024 to July 2024"), else the reporting years."""
        if self.started_on or self.ended_on:
            start = f"{self.started_on:%B %Y}" if self.started_on else f"{self.from_year}"
            end = f"{self.ended_on:%B %Y}" if self.ended_on else "now"
            return f"{start} to {end}"
        if self.to_year and self.to_year != self.from_year:
            return f"{self.from_year} to {self.to_year}"
        return f"{self.from_year}" if self.to_year else f"from {self.from_year}"

    def clean(self):
        if self.person_id and self.partnership_id and self.person.partnership_id != self.partnership_id:
            raise ValidationError({"person": "This person belongs to another partnership."})
        if not self.person_id and not self.title and self.kind != PostKind.LAY_MEMBER:
            raise ValidationError({"title": "Name the person or give the post's title as the report prints it."})
        if self.to_year and self.from_year and self.to_year < self.from_year:
            raise ValidationError({"to_year": "The post cannot end before it starts."})
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": "The post cannot end before it starts."})
        for name, day, year in (
            ("started_on", self.started_on, self.from_year),
            ("ended_on", self.ended_on, self.to_year),
        ):
            if day and year and ReportingYear.containing(day) != year:
                raise ValidationError({name: f"{day:%-d %B %Y} is not in the reporting year {year}."})


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
    from_year = ReportingYearField(null=True, blank=True, help_text="First reporting year the group met.")
    to_year = ReportingYearField(null=True, blank=True, help_text="Last reporting year; empty while it meets.")
    position = models.PositiveSmallIntegerField(default=0, help_text="The business unit's order.")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="group_unique_name")]

    def __str__(self):
        return self.name

    def clean(self):
        if self.chair_id and self.chair.partnership_id != self.partnership_id:
            raise ValidationError({"chair": "The chair must be one of this partnership's people."})
        if self.from_year and self.to_year and self.to_year < self.from_year:
            raise ValidationError({"to_year": "A group cannot end before it starts."})
        seen, current = {self.pk}, self.reports_to
        while current is not None:
            if current.pk in seen:
                raise ValidationError({"reports_to": "Groups cannot report to each other in a circle."})
            seen.add(current.pk)
            current = current.reports_to

    def existed_in(self, year):
        return (self.from_year is None or self.from_year <= year) and (self.to_year is None or year <= self.to_year)

    @property
    def years(self):
        if self.from_year and self.to_year:
            return f"{self.from_year} to {self.to_year}" if self.to_year != self.from_year else f"{self.from_year}"
        return f"since {self.from_year}" if self.from_year else ""


class FundingYear(models.Model):
    """A partnership's budget for one reporting year; the lines hold the money, in the business unit's order."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="funding_years")
    year = ReportingYearField()
    notes = models.TextField(blank=True, help_text="Printed under the table.")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["partnership", "year"], name="funding_unique_year")]

    def __str__(self):
        return f"{self.partnership} funding {self.year}"

    # Everything below reads the prefetched `lines` in Python, so rendering runs no query.
    def _lines(self, *kinds):
        return [line for line in self.lines.all() if line.kind in kinds]

    def _total(self, *kinds):
        return sum((line.amount for line in self._lines(*kinds)), Decimal("0"))

    def _balance(self, kind):
        lines = self._lines(kind)
        return lines[0].amount if lines else None

    @property
    def total_contributions(self):
        return self._total(FundingLine.Kind.CONTRIBUTION)

    @property
    def total_income(self):
        """Contributions, other income and reserves used: "Total income" as the reports print it."""
        return self._total(*FundingLine.INCOME_KINDS)

    @property
    def has_expenditure(self):
        return bool(self._lines(FundingLine.Kind.EXPENDITURE))

    @property
    def total_expenditure(self):
        """Signed: money out is negative, so it prints in brackets."""
        return self._total(FundingLine.Kind.EXPENDITURE)

    @property
    def net(self):
        """Income less expenditure (expenditure is already negative); None until expenditure is recorded."""
        return self.total_income + self.total_expenditure if self.has_expenditure else None

    @property
    def reserves_brought_forward(self):
        return self._balance(FundingLine.Kind.RESERVES_BROUGHT_FORWARD)

    @property
    def reserves_carried_forward(self):
        return self._balance(FundingLine.Kind.RESERVES_CARRIED_FORWARD)


class FundingLine(models.Model):
    """One signed amount of a kind: money in is positive, money out (expenditure) negative."""

    class Kind(models.TextChoices):
        CONTRIBUTION = "contribution", "Partner contribution"
        OTHER_INCOME = "other_income", "Other income"
        USE_OF_RESERVES = "use_of_reserves", "Use of reserves"
        EXPENDITURE = "expenditure", "Expenditure"
        RESERVES_BROUGHT_FORWARD = "reserves_brought_forward", "Reserves brought forward"
        RESERVES_CARRIED_FORWARD = "reserves_carried_forward", "Reserves carried forward"

    INCOME_KINDS = INCOME_KINDS  # contribution, other income, use of reserves
    BALANCE_KINDS = (Kind.RESERVES_BROUGHT_FORWARD, Kind.RESERVES_CARRIED_FORWARD)

    funding_year = models.ForeignKey(FundingYear, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="contributions")
    label = models.CharField(max_length=200, blank=True)
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, help_text="Signed: expenditure is negative (printed in brackets)."
    )
    note = models.CharField(max_length=300, blank=True, help_text="Printed beside the line.")
    position = models.PositiveSmallIntegerField(default=0, help_text="The business unit's order.")

    objects = ScopedManager(partnership="funding_year__partnership")

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="contribution") | Q(agency__isnull=False) | ~Q(label=""),
                name="contribution_names_contributor",
            ),
            models.CheckConstraint(
                condition=Q(
                    kind__in=[
                        "contribution",
                        "use_of_reserves",
                        "reserves_brought_forward",
                        "reserves_carried_forward",
                    ]
                )
                | ~Q(label=""),
                name="income_or_spending_line_has_label",
            ),
            models.UniqueConstraint(
                fields=["funding_year", "kind"],
                condition=Q(kind__in=["reserves_brought_forward", "reserves_carried_forward"]),
                name="one_balance_of_each_kind",
            ),
        ]

    def __str__(self):
        return self.display_label

    @property
    def display_label(self):
        return self.label or (str(self.agency) if self.agency_id else self.get_kind_display())

    @property
    def is_balance(self):
        return self.kind in self.BALANCE_KINDS

    def clean(self):
        if self.kind == self.Kind.CONTRIBUTION and not self.agency_id and not self.label:
            raise ValidationError({"agency": "Choose the contributing agency or name the contributors in the label."})
        if self.kind not in (self.Kind.CONTRIBUTION, self.Kind.USE_OF_RESERVES, *self.BALANCE_KINDS) and not self.label:
            raise ValidationError({"label": "Say what this line is, as the table prints it."})


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


class DataVersion(models.Model):
    """A counter raised after every committed change to what reports are built from (see
    partners/versions.py): one per partnership, and one without a partnership for the shared
    register. Cached report output is keyed by them, so a change is seen on the next request."""

    partnership = models.OneToOneField(
        Partnership, null=True, blank=True, on_delete=models.CASCADE, related_name="data_version"
    )
    value = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.partnership or 'shared data'}: {self.value}"
