from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.validators import FileExtensionValidator
from django.db.models import Q
from django.template.defaultfilters import filesizeformat

from partners.fields import ReportingYearFormField
from partners.models import Agency
from partners.widgets import PlainSelect, plain_select_formfield

from . import periods, tabular
from .cells import CellInput
from .errors import FigureError
from .models import ComparatorKind, FrameworkItem, Metric, MetricGroup
from .validation import check_comparator_value

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
WHOLE_PARTNERSHIP = "whole"  # the export's "area" for whole-partnership figures
FIELD_PREFIXES = {"raw": "v", "note": "n", "qualifier": "q", "explanation": "x", "rank_out_of": "r"}


def field_name(part, key):
    return f"{FIELD_PREFIXES[part]}-{key[0]}-{key[1]}"


def cells_from_post(data, keys):
    """Read every cell of a posted return; absent boxes read as empty, nothing is dropped."""
    return {key: CellInput(**{part: data.get(field_name(part, key), "") for part in FIELD_PREFIXES}) for key in keys}


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="The agency sees this beside its return.",
    )

    def __init__(self, *args, submit_label="Confirm", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("confirm", submit_label))


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Your completed file",
        help_text="The template saved as CSV or as an Excel workbook (.xlsx), at most 2 MB.",
        validators=[
            FileExtensionValidator(["csv", "xlsx"], message="Upload a .csv or .xlsx file, such as the template.")
        ],
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, max_rows=None, too_many=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.dataset = None
        self.max_rows, self.too_many = max_rows, too_many
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(Submit("preview", "Upload and preview"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"This file is {filesizeformat(upload.size)}; the limit is 2 MB. "
                "Delete rows you have not changed, or split the file."
            )
        try:
            self.dataset = tabular.read_upload(
                upload.read(), upload.name, max_rows=self.max_rows, too_many=self.too_many
            )
        except FigureError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class ExportForm(forms.Form):
    """Years, areas and metrics as ticked boxes, metrics grouped as the catalogue groups them.

    Everything is ticked to begin with (an export of everything is the one that round-trips);
    ticking none in a section means the same as ticking all of it.
    """

    years = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    areas = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Areas, whole-partnership figures and comparators.",
    )
    metrics = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    approved_only = forms.BooleanField(
        required=False, label="Approved figures only", help_text="Leave out figures still being collected."
    )
    format = forms.ChoiceField(
        choices=[("csv", "CSV"), ("xlsx", "Excel workbook (.xlsx)")], initial="csv", widget=forms.RadioSelect
    )

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["years"].choices = [(str(y), str(y)) for y in options.years]
        self.fields["areas"].choices = (
            [(a.ons_code, f"{a.name} ({a.ons_code})") for a in options.areas]
            + [(WHOLE_PARTNERSHIP, "Whole-partnership figures")]
            + [(g.value, f"{g.label} comparator ({g.value})") for g in options.geographies]
        )
        self.metric_groups = {}
        for metric in options.metrics:
            self.metric_groups.setdefault(metric.group, []).append(metric.code)
        self.fields["metrics"].choices = [
            (m.code, m.label + (f" (retired from {m.retired_in})" if m.retired_in else ""))
            for m in sorted(options.metrics, key=lambda m: (MetricGroup.values.index(m.group), m.position, m.code))
        ]
        for name in ("years", "areas", "metrics"):
            self.fields[name].initial = [value for value, _ in self.fields[name].choices]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-check-input"

    def metric_sections(self):
        """(section title, [checkbox]) per catalogue group, in the catalogue's order."""
        boxes = {box.data["value"]: box for box in self["metrics"]}
        groups = {group: set(codes) for group, codes in self.metric_groups.items()}
        return [
            (MetricGroup(group).label, [boxes[code] for code in boxes if code in groups[group]])
            for group in MetricGroup.values
            if group in self.metric_groups
        ]

    def places(self):
        """(ONS/geography codes to filter by or None for all, include whole-partnership figures)."""
        chosen = set(self.cleaned_data["areas"])
        if not chosen or chosen == {value for value, _ in self.fields["areas"].choices}:
            return None, True
        return chosen - {WHOLE_PARTNERSHIP}, WHOLE_PARTNERSHIP in chosen


def metric_choices(metrics):
    """A grouped <select>: one <optgroup> per catalogue group, in the catalogue's order."""
    groups = {}
    for metric in metrics:
        label = metric.label + (f" (retired from {metric.retired_in})" if metric.retired_in else "")
        groups.setdefault(metric.group, []).append((metric.code, label))
    choices = [(MetricGroup(group).label, groups[group]) for group in MetricGroup.values if group in groups]
    return [("", "Choose a metric")] + choices


class MetricChoiceMixin:
    def _set_metrics(self, metrics):
        self.metrics_by_code = {metric.code: metric for metric in metrics}
        self.fields["metric"].choices = metric_choices(metrics)

    def clean_metric(self):
        return self.metrics_by_code[self.cleaned_data["metric"]]


class ExplorerForm(MetricChoiceMixin, forms.Form):
    """Laid out in metrics/explorer.html with `bootstrap_field` (crispy-bootstrap5's markup, written in Python)."""

    metric = forms.ChoiceField(label="Metric", widget=PlainSelect)
    area = forms.ChoiceField(label="Area", required=False, widget=PlainSelect, help_text="Per-area metrics only.")
    first_year = ReportingYearFormField(label="From year", required=False, help_text='For example "2021-22".')
    last_year = ReportingYearFormField(label="To year", required=False, help_text='For example "2024-25".')
    as_public = forms.BooleanField(
        label="As the public will see it",
        required=False,
        help_text='Small numbers of metrics marked for suppression show as "fewer than 5", as in reports.',
    )

    def __init__(self, *args, metrics, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_metrics(metrics)
        self.fields["area"].choices = [("", "All areas")] + [(area.ons_code, area.name) for area in areas]

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_year"), cleaned.get("last_year")
        if first and last and last < first:
            self.add_error("last_year", f"The last year must not be before the first ({first}).")
        return cleaned


class ComparatorForm(MetricChoiceMixin, forms.Form):
    """Laid out in metrics/comparators.html with `bootstrap_field`, as the explorer's form."""

    metric = forms.ChoiceField(label="Metric", widget=PlainSelect)
    year = ReportingYearFormField(label="Reporting year")
    geography = forms.ChoiceField(
        label="Geography", choices=ComparatorKind.choices, initial=ComparatorKind.ENGLAND, widget=PlainSelect
    )
    value = forms.DecimalField(
        label="Value",
        max_digits=14,
        decimal_places=4,
        help_text="In the metric's unit, as published: 21.5 for 21.5%, 65620 for £65,620.",
    )
    source = forms.CharField(
        label="Source",
        max_length=200,
        required=False,
        help_text='Where the figure was published, e.g. "DfE Children in need 2024-25, table C1".',
    )

    def __init__(self, *args, metrics, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_metrics(metrics)

    def clean(self):
        cleaned = super().clean()
        metric, value = cleaned.get("metric"), cleaned.get("value")
        if metric is not None and value is not None:
            for message in check_comparator_value(metric, value):
                self.add_error("value", message)
        return cleaned


class OpenRoundForm(forms.Form):
    year = ReportingYearFormField(label="Reporting year the figures cover")
    opens_on = forms.DateField(label="Opens on", widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = forms.DateField(label="Closes on (due date)", widget=forms.DateInput(attrs={"type": "date"}))
    areas = forms.MultipleChoiceField(
        label="Areas", widget=forms.CheckboxSelectMultiple, help_text="Per-area figures are asked for each."
    )

    def __init__(self, *args, areas, councils=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.area_objects = {str(area.pk): area for area in areas}
        self.fields["areas"].choices = [(str(area.pk), area.name) for area in areas]
        self.fields["areas"].initial = list(self.area_objects)
        # The fix on the same screen: an area without a council gets a choice of one here.
        for area in areas:
            if area.council_id is None:
                self.fields[self.council_field(area)] = forms.ModelChoiceField(
                    queryset=councils,
                    required=False,
                    label=f"{area.name}'s council",
                    help_text=f"Asked for {area.name}'s figures that name no other supplier. Saved on the area.",
                )
        self.helper = FormHelper()
        self.helper.add_input(Submit("preview", "Preview who will be asked", css_class="btn-outline-primary"))

    @staticmethod
    def council_field(area):
        return f"council_{area.pk}"

    def chosen_councils(self):
        return {
            area.pk: self.cleaned_data[self.council_field(area)]
            for area in self.area_objects.values()
            if self.cleaned_data.get(self.council_field(area)) is not None
        }

    def clean(self):
        cleaned = super().clean()
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", "The round must close after it opens.")
        year = cleaned.get("year")
        if year and opens_on and opens_on < year.starts_on:
            self.add_error(
                "opens_on",
                f"A round for {year} collects figures for a year that starts on {year.starts_on:%-d %B %Y}; open it after that.",
            )
        return cleaned

    def chosen_areas(self):
        return [self.area_objects[pk] for pk in self.cleaned_data["areas"]]


class MetricForm(forms.ModelForm):
    """A metric of the catalogue, as the business unit edits it. The code names the metric in
    spreadsheets, so it is fixed once the metric exists; the unit and level are fixed once it has figures."""

    # Declared here because their models' scoped managers cannot be queried at import time.
    framework_item = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Framework indicator",
        help_text="The framework indicator (or objective) this metric evidences.",
        widget=PlainSelect,
    )
    part_of = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Part of",
        help_text="A value of this metric may never exceed the value of that one (same area, same year).",
        widget=PlainSelect,
    )

    class Meta:
        model = Metric
        formfield_callback = plain_select_formfield
        fields = [
            "code",
            "name",
            "definition",
            "group",
            "unit",
            "decimals",
            "level",
            "polarity",
            "agency",
            "framework_item",
            "part_of",
            "minimum",
            "maximum",
            "suppress_small",
            "retired_in",
            "position",
        ]
        labels = {
            "agency": "Supplied by",
            "framework_item": "Framework indicator",
            "part_of": "Part of",
            "retired_in": "Retired from",
            "position": "Order in forms and lists",
            "suppress_small": "Suppress small numbers",
        }
        help_texts = {
            "code": "Letters, digits, - and _; used in spreadsheets. Fixed once saved.",
            "agency": "The agency whose return asks for this figure. Leave empty for figures the business unit "
            "supplies itself (upload them on the Upload figures page).",
            "decimals": "Places shown after the point (counts are whole numbers).",
        }
        widgets = {"definition": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, partnership, has_values=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        self.fields["agency"].queryset = (
            Agency.objects.filter(
                Q(memberships__partnership=partnership) | Q(metrics__partnership=partnership), ended_on__isnull=True
            )
            .distinct()
            .order_by("name")
        )
        self.fields["agency"].empty_label = "No agency: the business unit supplies it"
        self.fields["framework_item"].queryset = FrameworkItem.objects.filter(partnership=partnership)
        self.fields["part_of"].queryset = Metric.objects.filter(partnership=partnership).exclude(pk=self.instance.pk)
        if self.instance.pk:
            self.fields["code"].disabled = True
        if has_values:
            for name in ("unit", "level"):
                self.fields[name].disabled = True
                self.fields[name].help_text = "Fixed: the metric already has figures."

    def clean_code(self):
        code = self.cleaned_data["code"]
        others = Metric.objects.filter(partnership=self.instance.partnership, code=code).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("Another metric already has this code.")
        return code


class StatementForm(forms.Form):
    """How one figure is stated. Every box is text as typed; `presentation.read_details` applies the rules."""

    decimals = forms.CharField(
        required=False, label="Decimals as published", help_text="Empty: as typed. 31% stays 31%; 92.4 stays 92.4."
    )
    period_kind = forms.ChoiceField(required=False, label="Period covered", choices=periods.KINDS, widget=PlainSelect)
    period_start = forms.DateField(
        required=False,
        label="First day",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Part years and several years.",
    )
    period_end = forms.DateField(required=False, label="Last day", widget=forms.DateInput(attrs={"type": "date"}))
    period_label = forms.CharField(required=False, label="Label for readers", help_text="Only when it differs.")
    commentary = forms.CharField(required=False, help_text="A few words a table prints beside the figure.")
    rank = forms.CharField(required=False, label="Rank", help_text="A rate's rank, e.g. 3.")
    rank_scope = forms.CharField(required=False, label="Ranked", help_text='e.g. "in the region".')
    numerator = forms.CharField(required=False, help_text='A percentage\'s "12" in "12 of 42".')
    denominator = forms.CharField(required=False, help_text='…and its "42".')
    published_by = forms.ChoiceField(required=False, label="Published by", widget=PlainSelect)

    def __init__(self, *args, predecessors=(), partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["published_by"].choices = [("", f"{partnership or 'This partnership'}")] + [
            (board.slug, board.name) for board in predecessors
        ]

    def texts(self):
        """The boxes as the import layout spells them (dates ISO, empty for nothing)."""
        data = self.cleaned_data
        return {
            name: (data[name].isoformat() if hasattr(data.get(name), "isoformat") else (data.get(name) or ""))
            for name in self.fields
        }
