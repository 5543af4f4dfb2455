"""The metric catalogue, yearly collection from agencies, values, comparators and audit.

A value's identity is (metric, area or whole partnership, year): reports refer to that
triple and always receive the current *approved* value for it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_scopes import ScopedManager

from partners.fields import ReportingYearField
from partners.models import Agency, Area, Partnership

from . import periods
from .formatting import NOT_KNOWN, typed_number
from .validation import TEXT_LIMITS

code_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]*$", "Use lower-case letters, digits, dashes and underscores, e.g. re_referrals."
)


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENTAGE = "percentage", "Percentage"
    RATE_PER_10K = "rate_per_10k", "Rate per 10,000 children"
    RATE_PER_1K = "rate_per_1k", "Rate per 1,000 children"
    RATE_PER_100K = "rate_per_100k", "Rate per 100,000 population"
    POUNDS = "pounds", "Pounds (£)"
    RANK = "rank", "Rank (x of N)"
    SCORE = "score", "Score"


class Polarity(models.TextChoices):
    HIGHER_IS_BETTER = "higher_is_better", "Higher is better"
    LOWER_IS_BETTER = "lower_is_better", "Lower is better"
    NEUTRAL = "neutral", "Neither"


class Level(models.TextChoices):
    AREA = "area", "Per area"
    PARTNERSHIP = "partnership", "Whole partnership"


class MetricGroup(models.TextChoices):
    PROFILE = "profile", "Area profile"
    SNAPSHOT = "snapshot", "Safeguarding snapshot"
    TRAINING = "training", "Training and development"
    COMMUNICATION = "communication", "Communication and engagement"
    REVIEW = "review", "Audit and review"
    OTHER = "other", "Other"


class FrameworkItem(models.Model):
    """A node of the performance framework: aim ("1") > objective ("1.1") > indicator ("1.1.1")."""

    class Kind(models.TextChoices):
        AIM = "aim", "Aim"
        ENABLER = "enabler", "Enabler"
        OBJECTIVE = "objective", "Objective"
        INDICATOR = "indicator", "Indicator"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="framework_items")
    code = models.CharField(max_length=20)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=400)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["partnership", "code"], name="framework_unique_code")]

    def __str__(self):
        return f"{self.code} {self.title}"


class Metric(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="metrics")
    code = models.CharField(max_length=40, validators=[code_validator])
    name = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=20, choices=Unit.choices)
    decimals = models.PositiveSmallIntegerField(default=0)
    polarity = models.CharField(max_length=20, choices=Polarity.choices, default=Polarity.NEUTRAL)
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.AREA)
    group = models.CharField(max_length=20, choices=MetricGroup.choices, default=MetricGroup.OTHER)
    agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="metrics",
        help_text="The agency responsible for supplying the figure.",
    )
    framework_item = models.ForeignKey(
        FrameworkItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="metrics",
        help_text="The framework indicator (or objective) this metric evidences.",
    )
    part_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="parts",
        help_text="A value of this metric may never exceed the value of that one (same area, same year).",
    )
    minimum = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    maximum = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    suppress_small = models.BooleanField(default=False, help_text='Show 1 to 4 as "fewer than 5" in public output.')
    numerator_metric = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="as_numerator",
        help_text="For a percentage worked out from two counts: the count on top (e.g. children who went missing).",
    )
    denominator_metric = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="as_denominator",
        help_text="…and the count it is out of (e.g. looked-after children).",
    )
    denominator_noun = models.CharField(
        max_length=40, blank=True, help_text='What a percentage counts, as in "12 of 42 children".'
    )
    relative_change = models.BooleanField(
        default=False, help_text="Percentages: show the relative per cent change beside the change in points."
    )
    retired_in = ReportingYearField(
        null=True, blank=True, help_text="First year no longer collected; past values stay."
    )
    position = models.PositiveIntegerField(default=0)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="metric_unique_code"),
            models.CheckConstraint(condition=Q(decimals__lte=4), name="metric_decimals_at_most_4"),
        ]

    def __str__(self):
        return self.name

    # What an approved figure means: changing one of these would change the meaning of every
    # figure already approved, so it is refused while any exists (make a new metric instead).
    MEANING_FIELDS = ("unit", "decimals", "level")

    def clean(self):
        self._refuse_changing_meaning()
        if self.part_of_id:
            if self.part_of_id == self.pk:
                raise ValidationError({"part_of": "A metric cannot be a part of itself."})
            if self.part_of.partnership_id != self.partnership_id:
                raise ValidationError({"part_of": "Choose a metric of the same partnership."})
            if self.part_of.unit != self.unit:
                raise ValidationError({"part_of": "A part and its whole must use the same unit."})
            if self.part_of.level != self.level:
                raise ValidationError(
                    {"part_of": "A part and its whole must both be per area or both partnership-wide."}
                )
        if self.unit == Unit.COUNT and self.decimals:
            raise ValidationError({"decimals": "Counts are whole numbers."})
        for name in ("numerator_metric", "denominator_metric"):
            other = getattr(self, name) if getattr(self, f"{name}_id") else None
            if other is None:
                continue
            if self.unit != Unit.PERCENTAGE:
                raise ValidationError({name: "Only a percentage is worked out from two counts."})
            if other.unit != Unit.COUNT or other.partnership_id != self.partnership_id or other.level != self.level:
                raise ValidationError({name: "Choose a count of the same partnership, at the same level."})
        if bool(self.numerator_metric_id) != bool(self.denominator_metric_id):
            raise ValidationError({"denominator_metric": "Choose both counts, or neither."})
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValidationError({"maximum": "The maximum must not be below the minimum."})

    def is_collected_in(self, year):
        return self.retired_in is None or year < self.retired_in

    @property
    def is_per_area(self):
        return self.level == Level.AREA

    @property
    def indicator_code(self):
        item = self.framework_item
        return item.code if item is not None and item.kind == FrameworkItem.Kind.INDICATOR else ""

    def _refuse_changing_meaning(self):
        if self.pk is None:
            return
        stored = Metric._base_manager.filter(pk=self.pk).values(*self.MEANING_FIELDS).first()
        changed = [name for name in self.MEANING_FIELDS if stored and stored[name] != getattr(self, name)]
        if not changed:
            return
        approved = MetricValue._base_manager.filter(metric_id=self.pk, approved_at__isnull=False).count()
        if approved:
            message = (
                f"“{self.name}” has {approved} approved figure{'s' if approved != 1 else ''}: changing its "
                f"{self._meta.get_field(changed[0]).verbose_name} would change what they mean. Keep it, or add a "
                "new metric and retire this one from the year the change starts."
            )
            raise ValidationError({name: message for name in changed})

    @property
    def label(self):
        return f"{self.indicator_code} {self.name}" if self.indicator_code else self.name


class CollectionRound(models.Model):
    """One year's collection of figures from the partnership's agencies."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="collection_rounds")
    year = ReportingYearField()
    opens_on = models.DateField()
    closes_on = models.DateField()
    areas = models.ManyToManyField(Area, related_name="+", help_text="Areas the figures are collected for.")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "year"], name="round_unique_year"),
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="round_closes_after_open"),
        ]

    def __str__(self):
        return f"{self.year} collection"

    def get_absolute_url(self):
        return reverse("metrics:round", args=[self.partnership.slug, self.year])

    @property
    def is_upcoming(self):
        """Before its "opens on" date a round is shown to agencies as upcoming and accepts nothing."""
        return timezone.localdate() < self.opens_on


class ReturnStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned for changes"
    APPROVED = "approved", "Approved"


class Return(models.Model):
    """What one agency returns in one round: which metrics, for which areas, and where it stands."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="returns")
    round = models.ForeignKey(CollectionRound, on_delete=models.CASCADE, related_name="returns")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="returns")
    metrics = models.ManyToManyField(Metric, related_name="returns")
    areas = models.ManyToManyField(Area, related_name="+", help_text="Areas this agency reports per-area metrics for.")
    status = models.CharField(max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.NOT_STARTED)
    status_reason = models.TextField(blank=True, help_text="Why it was returned or re-opened.")
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["round", "agency__name"]
        constraints = [models.UniqueConstraint(fields=["round", "agency"], name="return_unique_agency")]

    def __str__(self):
        return f"{self.agency} return {self.round.year}"

    def get_absolute_url(self):
        return reverse("metrics:return", args=[self.partnership.slug, self.pk])

    @property
    def year(self):
        return self.round.year

    @property
    def version(self):
        """Changes with every save; forms carry it to refuse saving over newer figures."""
        return self.updated_at.isoformat() if self.updated_at else ""

    @property
    def is_editable(self):
        """Its status lets the agency change it (its round may still be upcoming: see accepts_figures)."""
        return self.status in {ReturnStatus.NOT_STARTED, ReturnStatus.DRAFT, ReturnStatus.RETURNED}

    @property
    def accepts_figures(self):
        """Figures may be saved, imported or submitted now: editable, and its round has opened."""
        return self.is_editable and not self.round.is_upcoming

    @property
    def shown_status(self):
        """(css key, label) for the status badge: "Upcoming" before the round opens."""
        if self.round.is_upcoming and self.status == ReturnStatus.NOT_STARTED:
            return "upcoming", f"Upcoming: opens {self.round.opens_on:%-d %B %Y}"
        return self.status, self.get_status_display()

    def refusal(self):
        """Why figures cannot be changed now: the one message the form, the import and the services show."""
        if self.round.is_upcoming:
            return (
                f"The {self.round.year} round opens on {self.round.opens_on:%-d %B %Y}: "
                "figures can be entered and submitted from then."
            )
        return f"This return is {self.get_status_display().lower()}, so its figures cannot be changed" + (
            ": ask an approver to re-open it." if self.is_approved else "."
        )

    @property
    def is_approved(self):
        return self.status == ReturnStatus.APPROVED

    @property
    def is_submitted(self):
        return self.status == ReturnStatus.SUBMITTED


class ValueStatus(models.TextChoices):
    REPORTED = "reported", "Reported"
    NOT_KNOWN = "not_known", "Not known (N/K)"


class MetricValue(models.Model):
    """One figure: a metric, for an area (or the whole partnership), in a year."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="metric_values")
    metric = models.ForeignKey(Metric, on_delete=models.PROTECT, related_name="values")
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT, related_name="metric_values")
    year = ReportingYearField()
    value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    status = models.CharField(max_length=20, choices=ValueStatus.choices, default=ValueStatus.REPORTED)
    note = models.CharField(max_length=TEXT_LIMITS["note"], blank=True, help_text='e.g. "as at 31 March 2025"')
    qualifier = models.CharField(
        max_length=TEXT_LIMITS["qualifier"], blank=True, help_text='Part-year coverage, e.g. "Q2-Q4 only".'
    )
    rank_out_of = models.PositiveIntegerField(null=True, blank=True, help_text='N in "x of N".')
    explanation = models.TextField(blank=True, help_text="Why the figure changed so much on last year.")
    # How the figure is stated (issue 11). `year` stays the reporting year the figure is reported in;
    # the period is what it covers. Empty period dates mean "that reporting year".
    period_kind = models.CharField(max_length=20, choices=periods.KINDS, default=periods.REPORTING_YEAR)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    period_label = models.CharField(max_length=60, blank=True, help_text="Only when the reader's label differs.")
    decimals = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Decimals as published (31% stays 31%); empty: the metric's."
    )
    commentary = models.CharField(max_length=80, blank=True, help_text="A few words a table prints beside it.")
    rank = models.PositiveIntegerField(null=True, blank=True, help_text="A rate's rank, shown as its companion.")
    rank_scope = models.CharField(max_length=60, blank=True, help_text='e.g. "in the region".')
    numerator = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    published_by = models.ForeignKey(
        Partnership,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="A predecessor board that published the figure; empty: this partnership.",
    )
    collected_in = models.ForeignKey(Return, null=True, blank=True, on_delete=models.SET_NULL, related_name="values")
    approved_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["metric__position", "metric__code", "area__name", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["metric", "area", "year"], condition=Q(area__isnull=False), name="value_unique_per_area"
            ),
            models.UniqueConstraint(
                fields=["metric", "year"], condition=Q(area__isnull=True), name="value_unique_partnership_wide"
            ),
            models.CheckConstraint(
                condition=Q(status="not_known", value__isnull=True) | Q(status="reported", value__isnull=False),
                name="value_present_unless_not_known",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True, period_end__isnull=True)
                | Q(period_start__isnull=False, period_end__isnull=False, period_end__gte=models.F("period_start")),
                name="value_period_whole",
            ),
            models.CheckConstraint(condition=Q(decimals__lte=4), name="value_decimals_at_most_4"),
        ]
        indexes = [
            # approved_figures(): every approved value of a partnership for a few years.
            models.Index(fields=["partnership", "year"], name="value_partnership_year"),
        ]

    def __str__(self):
        where = self.area or "whole partnership"
        return f"{self.metric.code} {where} {self.year}"

    def save(self, *args, **kwargs):
        # A figure saved without its precision as published keeps the metric's (what it showed before).
        if self.decimals is None and self.value is not None:
            self.decimals = self.metric.decimals
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("metrics:value_history", args=[self.partnership.slug, self.pk])

    @property
    def as_typed(self):
        """The figure as a person types it and a file holds it: "1510", "12.5", "31.0" (its precision) or "N/K"."""
        return NOT_KNOWN if self.status == ValueStatus.NOT_KNOWN else typed_number(self.value, self.decimals)

    @property
    def audit_label(self):
        """How the audit trail names this figure: "Referrals, Hartlepool"."""
        return f"{self.metric.name}, {self.area.name if self.area_id else 'whole partnership'}"

    @property
    def is_approved(self):
        return self.approved_at is not None

    @property
    def is_not_known(self):
        return self.status == ValueStatus.NOT_KNOWN

    @property
    def period(self) -> periods.Period:
        return periods.Period.of(
            self.period_kind, self.period_start, self.period_end, year=self.year, label=self.period_label
        )


class ComparatorKind(models.TextChoices):
    ENGLAND = "E92000001", "England"
    NORTH_EAST = "E12000001", "North East"
    NORTH_WEST = "E12000002", "North West"
    YORKSHIRE = "E12000003", "Yorkshire and The Humber"
    EAST_MIDLANDS = "E12000004", "East Midlands"
    WEST_MIDLANDS = "E12000005", "West Midlands"
    EAST = "E12000006", "East of England"
    LONDON = "E12000007", "London"
    SOUTH_EAST = "E12000008", "South East"
    SOUTH_WEST = "E12000009", "South West"


def geography_sort_key(code):
    """England first, then the regions in ONS code order."""
    codes = list(ComparatorKind.values)
    return (codes.index(code) if code in codes else len(codes), code)


COMPARATOR_QUALIFIERS = [("approximate", "Approximate"), ("estimate", "Estimate"), ("provisional", "Provisional")]


class Comparator(models.Model):
    """A benchmark for a metric in a year: England or a region, keyed by its ONS code."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="comparators")
    metric = models.ForeignKey(Metric, on_delete=models.CASCADE, related_name="comparators")
    year = ReportingYearField()
    geography = models.CharField(max_length=9, choices=ComparatorKind.choices)
    value = models.DecimalField(max_digits=14, decimal_places=4)
    source = models.CharField(max_length=200, blank=True)
    qualifier = models.CharField(
        max_length=20, blank=True, choices=COMPARATOR_QUALIFIERS, help_text="An approximate figure says so."
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["metric", "year", "geography"]
        constraints = [
            models.UniqueConstraint(fields=["metric", "year", "geography"], name="comparator_unique"),
        ]

    def __str__(self):
        return f"{self.metric.code} {self.get_geography_display()} {self.year}"
