"""The period a figure covers, as structured data: kind, first and last day, and a label a reader understands.

Framework-free. A figure is still *reported in* a reporting year (`MetricValue.year`, what reports
look figures up by); the period says what it *covers*: by default that same April-to-March year,
else a calendar year, an academic year (September to August), part of a year (quarters or months)
or several years (a cohort of reviews over four years, a three-year rolling figure).
Change on the previous period is only worked out between comparable periods (`comparable`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from partners.years import ReportingYear

REPORTING_YEAR = "reporting_year"
CALENDAR_YEAR = "calendar_year"
ACADEMIC_YEAR = "academic_year"
PART_YEAR = "part_year"
MULTI_YEAR = "multi_year"

KINDS = [
    (REPORTING_YEAR, "Reporting year (April to March)"),
    (CALENDAR_YEAR, "Calendar year (January to December)"),
    (ACADEMIC_YEAR, "Academic year (September to August)"),
    (PART_YEAR, "Part of a year"),
    (MULTI_YEAR, "Several years"),
]
KIND_VALUES = [value for value, _ in KINDS]
_FIRST_MONTH = {REPORTING_YEAR: 4, CALENDAR_YEAR: 1, ACADEMIC_YEAR: 9}


class PeriodError(ValueError):
    """Raised with a message fit to show beside the field."""


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from the first of start's month to the end of end's month."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _year_of(kind, start_year: int) -> tuple[dt.date, dt.date]:
    first = dt.date(start_year, _FIRST_MONTH[kind], 1)
    return first, _month_end(_add_months(first, 11))


@dataclass(frozen=True)
class Period:
    kind: str
    starts_on: dt.date
    ends_on: dt.date
    custom_label: str = ""

    @classmethod
    def of(cls, kind: str, starts_on=None, ends_on=None, *, year: ReportingYear, label: str = "") -> Period:
        """The period stored on a figure; empty dates mean "the year the figure is reported in"."""
        kind = kind or REPORTING_YEAR
        if kind not in KIND_VALUES:
            raise PeriodError(f'"{kind}" is not a kind of period. Use one of: {", ".join(KIND_VALUES)}.')
        if starts_on is None and ends_on is None:
            if kind in (PART_YEAR, MULTI_YEAR):
                raise PeriodError("Give the first and last day of a part-year or multi-year period.")
            starts_on, ends_on = _year_of(kind, year.start)  # a calendar year: the one the reporting year starts in
        if starts_on is None or ends_on is None:
            raise PeriodError("Give both the first and the last day of the period, or neither.")
        period = cls(kind, starts_on, ends_on, label.strip())
        period._check()
        return period

    def _check(self):
        start, end = self.starts_on, self.ends_on
        if end < start:
            raise PeriodError("The period cannot end before it starts.")
        if start.day != 1 or end != _month_end(end):
            raise PeriodError("A period runs in whole months: from the 1st of a month to the last day of a month.")
        months = self.months
        if self.kind in _FIRST_MONTH:
            if start.month != _FIRST_MONTH[self.kind] or months != 12:
                first, last = _year_of(self.kind, start.year)
                name = {REPORTING_YEAR: "A reporting year", CALENDAR_YEAR: "A calendar year"}.get(
                    self.kind, "An academic year"
                )
                raise PeriodError(f"{name} runs from {first:%-d %B} to {last:%-d %B}.")
        elif self.kind == PART_YEAR:
            if months >= 12 or ReportingYear.containing(start) != ReportingYear.containing(end):
                raise PeriodError("Part of a year lies within one reporting year (April to March) and is shorter.")
        elif months <= 12:
            raise PeriodError("A multi-year period is longer than a year.")

    @property
    def kind_label(self) -> str:
        return dict(KINDS)[self.kind]

    @property
    def months(self) -> int:
        return _months_between(self.starts_on, self.ends_on)

    @property
    def is_partial(self) -> bool:
        return self.kind == PART_YEAR

    @property
    def reporting_year(self) -> ReportingYear:
        """The reporting year the period starts in (a multi-year period: its first)."""
        return ReportingYear.containing(self.starts_on)

    @property
    def quarters(self) -> list[int]:
        """Reporting-year quarters covered (Q1 April-June … Q4 January-March), when aligned to quarters."""
        first = self.reporting_year.starts_on
        offset = _months_between(first, self.starts_on) - 1
        if offset % 3 or self.months % 3:
            return []
        return list(range(offset // 3 + 1, offset // 3 + self.months // 3 + 1))

    @property
    def label(self) -> str:
        if self.custom_label:
            return self.custom_label
        start, end = self.starts_on, self.ends_on
        if self.kind == REPORTING_YEAR:
            return str(self.reporting_year)
        if self.kind == CALENDAR_YEAR:
            return str(start.year)
        if self.kind == ACADEMIC_YEAR:
            return f"{start.year}/{str(end.year)[-2:]} academic year"
        if self.kind == PART_YEAR:
            quarters = self.quarters
            if quarters:
                span = f"Q{quarters[0]}" if len(quarters) == 1 else f"Q{quarters[0]}–Q{quarters[-1]}"
                return f"{self.reporting_year}, {span} only"
            return f"{self.reporting_year}, {_month_span(start, end)} only"
        if start.month == 4 and end.month == 3:
            return f"{self.reporting_year} to {ReportingYear.containing(end)} ({self.months // 12} years)"
        if start.month == 1 and end.month == 12:
            return f"{start.year} to {end.year} ({self.months // 12} years)"
        return _month_span(start, end)

    @property
    def midpoint(self) -> dt.date:
        return self.starts_on + (self.ends_on - self.starts_on) / 2

    def is_default_for(self, year: ReportingYear) -> bool:
        """True for the plain reporting year a figure is reported in (stored as empty dates)."""
        return self.kind == REPORTING_YEAR and self.reporting_year == year and not self.custom_label


def _month_span(start: dt.date, end: dt.date) -> str:
    if start.year == end.year:
        return f"{start:%B} to {end:%B %Y}" if start.month != end.month else f"{start:%B %Y}"
    return f"{start:%B %Y} to {end:%B %Y}"


def comparable(current: Period | None, previous: Period | None) -> bool:
    """Change is worked out only between periods of the same kind and length (Q2–Q4 with Q2–Q4)."""
    if current is None or previous is None:
        return False
    if current.kind != previous.kind or current.months != previous.months:
        return False
    if current.kind == PART_YEAR:
        return current.quarters == previous.quarters and _months_between(
            current.reporting_year.starts_on, current.starts_on
        ) == _months_between(previous.reporting_year.starts_on, previous.starts_on)
    return True


def parse_date(text: str, name: str) -> dt.date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise PeriodError(f'{name} "{text[:20]}" is not a date: write it as 2024-07-01.') from None
