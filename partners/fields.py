from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from .years import InvalidReportingYear, ReportingYear


class ReportingYearFormField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)  # the value is a ReportingYear, not a string
        kwargs.setdefault("help_text", 'For example "2024-25" (April 2024 to March 2025).')
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return str(value) if isinstance(value, ReportingYear) else value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return ReportingYear.parse(value)
        except InvalidReportingYear as error:
            raise ValidationError(str(error), code="invalid_year") from error


class ReportingYearField(models.CharField):
    """Stores "2024-25"; that spelling sorts in year order, so SQL ordering is right."""

    description = "Reporting year (April to March)"

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = 7
        super().__init__(*args, **kwargs)
        # CharField's length check measures strings; a ReportingYear always has seven characters.
        self.validators[:] = [v for v in self.validators if not isinstance(v, MaxLengthValidator)]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return None if value is None else ReportingYear.parse(value)

    def to_python(self, value):
        if value is None or isinstance(value, ReportingYear):
            return value
        try:
            return ReportingYear.parse(value)
        except InvalidReportingYear as error:
            raise ValidationError(str(error), code="invalid_year") from error

    def get_prep_value(self, value):
        value = self.to_python(value)
        return None if value is None else str(value)

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return "" if value is None else str(value)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ReportingYearFormField, **kwargs})


class ReportingYearConverter:
    """URL converter: /…/2024-25/ reaches the view as a ReportingYear."""

    regex = r"[0-9]{4}-[0-9]{2}"

    def to_python(self, value):
        try:
            return ReportingYear.parse(value)
        except InvalidReportingYear as error:
            raise ValueError(str(error)) from error

    def to_url(self, value):
        return str(ReportingYear.parse(value))
