from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat

from partners.fields import ReportingYearFormField
from partners.widgets import PlainSelect, PlainSelectMultiple

from . import tabular
from .cells import CellInput
from .errors import FigureError
from .models import ComparatorKind, MetricGroup
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
    years = forms.MultipleChoiceField(
        required=False,
        widget=PlainSelectMultiple,
        help_text="Hold Ctrl (Cmd on a Mac) to choose several. Choose none for every year.",
    )
    areas = forms.MultipleChoiceField(
        required=False,
        widget=PlainSelectMultiple,
        help_text="Areas, whole-partnership figures and comparators. Choose none for all of them.",
    )
    metrics = forms.MultipleChoiceField(
        required=False, widget=PlainSelectMultiple, help_text="Choose none for every metric."
    )
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
        self.fields["metrics"].choices = [(m.code, f"{m.label} ({m.code})") for m in options.metrics]
        for name in ("years", "areas", "metrics"):
            choices = self.fields[name].choices
            self.fields[name].initial = [value for value, _ in choices]
            self.fields[name].widget.attrs["size"] = min(max(len(choices), 3), 12)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.add_input(Submit("download", "Download"))

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
    metric = forms.ChoiceField(label="Metric", widget=PlainSelect)
    area = forms.ChoiceField(label="Area", required=False, widget=PlainSelect, help_text="Per-area metrics only.")
    first_year = ReportingYearFormField(label="From year", required=False, help_text='For example "2021-22".')
    last_year = ReportingYearFormField(label="To year", required=False, help_text='For example "2024-25".')

    def __init__(self, *args, metrics, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_metrics(metrics)
        self.fields["area"].choices = [("", "All areas")] + [(area.ons_code, area.name) for area in areas]
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.disable_csrf = True
        self.helper.form_id = "explorer-form"
        self.helper.layout = Layout(
            Row(
                Column("metric", css_class="col-md-5"),
                Column("area", css_class="col-md-3"),
                Column("first_year", css_class="col-md-2"),
                Column("last_year", css_class="col-md-2"),
            ),
        )
        self.helper.add_input(Submit("show", "Show figures"))

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_year"), cleaned.get("last_year")
        if first and last and last < first:
            self.add_error("last_year", f"The last year must not be before the first ({first}).")
        return cleaned


class ComparatorForm(MetricChoiceMixin, forms.Form):
    metric = forms.ChoiceField(label="Metric", widget=PlainSelect)
    year = ReportingYearFormField(label="Reporting year")
    geography = forms.ChoiceField(label="Geography", choices=ComparatorKind.choices, initial=ComparatorKind.ENGLAND)
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
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.form_id = "comparator-form"
        self.helper.layout = Layout(
            "metric",
            Row(Column("year", css_class="col-md-4"), Column("geography", css_class="col-md-4")),
            Row(Column("value", css_class="col-md-4"), Column("source", css_class="col-md-8")),
        )
        self.helper.add_input(Submit("save", "Save comparator"))

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

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.area_objects = {str(area.pk): area for area in areas}
        self.fields["areas"].choices = [(str(area.pk), area.name) for area in areas]
        self.fields["areas"].initial = list(self.area_objects)
        self.helper = FormHelper()
        self.helper.add_input(Submit("open", "Open the round"))

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
