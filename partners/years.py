"""The reporting year: April to March, written "2024-25".

A value object with no Django dependency, so forms, models, URLs and data
files all agree on one spelling and one ordering.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering

FIRST_START = 2000
LAST_START = 2099

_PATTERN = re.compile(r"^\s*(?P<start>\d{4})\s*[-/\u2013\u2014]\s*(?P<end>\d{2}|\d{4})\s*$")


class InvalidReportingYear(ValueError):
    """Raised with a message fit to show a user beside the field."""


@total_ordering
@dataclass(frozen=True)
class ReportingYear:
    start: int

    def __post_init__(self):
        # Wider than what people may type (parse), so the year before the first still exists.
        if not isinstance(self.start, int) or not 1900 <= self.start <= LAST_START + 1:
            raise InvalidReportingYear(f"A reporting year must start between {FIRST_START} and {LAST_START}.")

    @classmethod
    def parse(cls, text: str | ReportingYear) -> ReportingYear:
        """Read "2024-25" (also "2024/25", "2024-2025"); anything else is refused."""
        if isinstance(text, ReportingYear):
            return text
        if not isinstance(text, str) or not text.strip():
            raise InvalidReportingYear('Enter a reporting year such as "2024-25".')
        match = _PATTERN.match(text)
        if not match:
            raise InvalidReportingYear(
                f'"{text.strip()}" is not a reporting year. Write it as "2024-25": '
                "the year it starts in April, a dash, and the last two digits of the next year."
            )
        start = int(match["start"])
        if not FIRST_START <= start <= LAST_START:
            raise InvalidReportingYear(f"A reporting year must start between {FIRST_START} and {LAST_START}.")
        end = match["end"]
        expected = str(start + 1)
        if end != expected and end != expected[-2:]:
            raise InvalidReportingYear(
                f'"{text.strip()}" is not a reporting year: a year that starts in April {start} '
                f'ends in March {start + 1}, so write "{start}-{expected[-2:]}".'
            )
        return cls(start)

    @classmethod
    def containing(cls, day: dt.date) -> ReportingYear:
        return cls(day.year if day.month >= 4 else day.year - 1)

    @classmethod
    def current(cls) -> ReportingYear:
        return cls.containing(dt.date.today())

    @property
    def starts_on(self) -> dt.date:
        return dt.date(self.start, 4, 1)

    @property
    def ends_on(self) -> dt.date:
        return dt.date(self.start + 1, 3, 31)

    @property
    def label(self) -> str:
        return f"April {self.start} to March {self.start + 1}"

    def previous(self) -> ReportingYear:
        return ReportingYear(self.start - 1)

    def next(self) -> ReportingYear:
        return ReportingYear(self.start + 1)

    def __str__(self) -> str:
        return f"{self.start}-{str(self.start + 1)[-2:]}"

    def __lt__(self, other):
        if not isinstance(other, ReportingYear):
            return NotImplemented
        return self.start < other.start


def year_range(first: ReportingYear, last: ReportingYear) -> list[ReportingYear]:
    return [ReportingYear(start) for start in range(first.start, last.start + 1)]
