"""Figure references: how a report points at an approved figure.

A reference stores the metric's and the area's identity (primary keys), never the metric's
code, so renaming a code breaks nothing, and a period relative to the report ("this year",
"last year") or a fixed year. Relative references move on by themselves when a report is
started from last year's; fixed ones stay where they are.

In rich text a reference is an inline element `<span data-figure="12|3|this|">1,234</span>`
(metric | area, empty for the whole partnership | period | fixed year); the text inside is the
value when it was inserted, and every preview and render replaces it with the current one.
"""

import re
from dataclasses import dataclass

from partners.years import InvalidReportingYear, ReportingYear

PERIODS = {"this": "This year", "last": "Last year", "fixed": "A fixed year"}
SPAN_RE = re.compile(r'<span data-figure="([^"]*)"[^>]*>(.*?)</span>', re.DOTALL)


class InvalidReference(ValueError):
    pass


@dataclass(frozen=True)
class FigureRef:
    metric: int
    area: int | None = None
    period: str = "this"
    year: str = ""

    def __post_init__(self):
        if self.period not in PERIODS:
            raise InvalidReference(f"Unknown period {self.period!r}.")
        if self.period == "fixed":
            try:
                ReportingYear.parse(self.year)
            except InvalidReportingYear as error:
                raise InvalidReference(str(error)) from error

    @classmethod
    def from_json(cls, data) -> "FigureRef | None":
        if not data or not data.get("metric"):
            return None
        try:
            return cls(
                metric=int(data["metric"]),
                area=int(data["area"]) if data.get("area") else None,
                period=data.get("period") or "this",
                year=data.get("year") or "",
            )
        except (TypeError, ValueError) as error:
            raise InvalidReference(f"Not a figure reference: {data!r}") from error

    def to_json(self) -> dict:
        return {"metric": self.metric, "area": self.area, "period": self.period, "year": self.year}

    @classmethod
    def from_attribute(cls, text: str) -> "FigureRef":
        parts = (text.split("|") + ["", "", "", ""])[:4]
        return cls.from_json({"metric": parts[0], "area": parts[1], "period": parts[2], "year": parts[3]})

    def to_attribute(self) -> str:
        return f"{self.metric}|{self.area or ''}|{self.period}|{self.year}"

    def year_for(self, report_year) -> ReportingYear:
        report_year = ReportingYear.parse(report_year)
        if self.period == "this":
            return report_year
        if self.period == "last":
            return report_year.previous()
        return ReportingYear.parse(self.year)

    @property
    def key(self):
        return (self.metric, self.area or 0, self.period, self.year)


def refs_in_html(html: str) -> list[FigureRef]:
    refs = []
    for match in SPAN_RE.finditer(html or ""):
        try:
            refs.append(FigureRef.from_attribute(match.group(1)))
        except InvalidReference:
            continue
    return refs


def replace_refs_in_html(html: str, text_for) -> str:
    """Each inline reference's text replaced with `text_for(ref)` (already escaped by the caller).

    A reference that cannot be read keeps a marker saying so, never the stale number.
    """

    def swap(match):
        try:
            ref = FigureRef.from_attribute(match.group(1))
        except InvalidReference:
            return '<span class="figure-ref figure-missing">[figure reference not readable]</span>'
        text, missing = text_for(ref)
        css = "figure-ref figure-missing" if missing else "figure-ref"
        return f'<span class="{css}" data-figure="{ref.to_attribute()}">{text}</span>'

    return SPAN_RE.sub(swap, html or "")
