"""How a figure is stated, besides its number: the period it covers, its precision as published, a
commentary, a rate's rank, a percentage's numerator and denominator, and the body that published it.

One set of rules for every way in (the return form, an upload, an administrator's import): texts as
typed, keyed by the layout's column names (`DETAIL_COLUMNS`), become model fields or messages for
the person typing. Only the columns given are read, so a form or file without them leaves the
stored details as they are.
"""

from dataclasses import dataclass

from partners.years import ReportingYear

from . import periods
from .formatting import decimals_of, plain_number
from .validation import MAX_RANK_OUT_OF, EntryError, check_text, parse_entry

DETAIL_COLUMNS = (
    "decimals",
    "period_kind",
    "period_start",
    "period_end",
    "period_label",
    "commentary",
    "rank",
    "rank_scope",
    "numerator",
    "denominator",
    "published_by",
)
TEXT_LIMITS = {"period_label": 60, "commentary": 80, "rank_scope": 60}
MAX_DECIMALS = 4


@dataclass(frozen=True)
class Publishers:
    """The partnership a figure is stored in and the predecessors that may have published it."""

    partnership: object
    predecessors: dict  # slug -> Partnership

    @classmethod
    def of(cls, partnership):
        """One query: the partnership's predecessor boards."""
        return cls(partnership, {p.slug: p for p in type(partnership).objects.filter(succeeded_by=partnership)})


def details_text(value) -> dict:
    """A stored figure's details as the layout writes them (empty text for "not given")."""
    custom_period = value.period_start is not None
    return {
        "decimals": "" if value.decimals is None else str(value.decimals),
        "period_kind": value.period_kind if value.period_kind != periods.REPORTING_YEAR or custom_period else "",
        "period_start": value.period_start.isoformat() if custom_period else "",
        "period_end": value.period_end.isoformat() if custom_period else "",
        "period_label": value.period_label,
        "commentary": value.commentary,
        "rank": "" if value.rank is None else str(value.rank),
        "rank_scope": value.rank_scope,
        "numerator": plain_number(value.numerator),
        "denominator": plain_number(value.denominator),
        "published_by": value.published_by.slug if value.published_by_id else "",
    }


def read_details(texts: dict, *, metric, year: ReportingYear, raw: str, publishers: Publishers):
    """(fields for MetricValue, errors). Only keys present in `texts` become fields; decimals always do."""
    errors, fields = [], {}

    def given(name):
        return name in texts

    def text(name):
        return (texts.get(name) or "").strip()

    for name, limit in TEXT_LIMITS.items():
        if given(name):
            problems = check_text(name.replace("_", " "), text(name), limit)
            errors += problems
            if not problems:
                fields[name] = text(name)

    fields["decimals"] = _decimals(text("decimals"), raw, metric, errors)

    if any(given(name) for name in ("period_kind", "period_start", "period_end", "period_label")):
        period = _period(text, year, errors)
        if period is not None:
            default = period.is_default_for(year) and not text("period_start")
            fields |= {
                "period_kind": period.kind,
                "period_start": None if default else period.starts_on,
                "period_end": None if default else period.ends_on,
            }
    for name in ("rank", "numerator", "denominator"):
        if given(name):
            fields[name] = _number(name, text(name), errors, whole=name == "rank")
    if fields.get("rank") is not None and metric.unit == "rank":
        errors.append("A rank metric's value is the rank: leave the rank column empty.")
    numerator, denominator = fields.get("numerator"), fields.get("denominator")
    if (given("numerator") or given("denominator")) and (numerator is None) != (denominator is None):
        errors.append("Give both the numerator and the denominator, or neither.")
    if numerator is not None and denominator is not None:
        if metric.unit != "percentage":
            errors.append("Only a percentage carries a numerator and denominator.")
        elif denominator == 0 or numerator > denominator:
            errors.append("The numerator must be between 0 and the denominator, which cannot be 0.")
    publisher = _publisher(text("published_by"), fields, year, publishers, errors)
    if given("published_by"):
        fields["published_by_id"] = publisher.pk if publisher else None  # an id: comparing costs no query
    return fields, errors


def _decimals(given_text, raw, metric, errors):
    if given_text:
        try:
            decimals = int(given_text)
            if not 0 <= decimals <= MAX_DECIMALS:
                raise ValueError
        except ValueError:
            errors.append(f"Decimals must be a whole number from 0 to {MAX_DECIMALS}.")
            return None
        if decimals > metric.decimals:
            errors.append(f"“{metric.name}” is published with at most {metric.decimals} decimals.")
        return min(decimals, metric.decimals)
    try:
        entry = parse_entry(raw)
    except EntryError:
        return None
    if entry.value is None:
        return None
    typed = decimals_of(plain_typed(raw))
    return None if typed is None else min(typed, metric.decimals)


def plain_typed(raw) -> str:
    """What a person typed without thousands separators, £, % or spaces ("1,510" → "1510")."""
    return str(raw or "").replace(",", "").replace("£", "").replace("%", "").replace(" ", "").strip()


def _period(text, year, errors):
    try:
        return periods.Period.of(
            text("period_kind"),
            periods.parse_date(text("period_start"), "period_start"),
            periods.parse_date(text("period_end"), "period_end"),
            year=year,
            label=text("period_label"),
        )
    except periods.PeriodError as error:
        errors.append(str(error))
        return None


def _number(name, text, errors, *, whole):
    if not text:
        return None
    try:
        number = parse_entry(text).value
    except EntryError:
        number = None
    if number is None or number < 0 or (whole and (number != number.to_integral_value() or number < 1)):
        kind = "a whole number from 1" if whole else "a number, 0 or more"
        errors.append(f"The {name} must be {kind}.")
        return None
    if whole and number > MAX_RANK_OUT_OF:
        errors.append("This rank is too large to be right.")
        return None
    return int(number) if whole else number


def _publisher(slug, fields, year, publishers, errors):
    """A figure from before the partnership existed must name the predecessor that published it."""
    partnership = publishers.partnership
    start = fields.get("period_start") or year.starts_on
    end = fields.get("period_end") or year.ends_on
    if slug:
        board = publishers.predecessors.get(slug.lower())
        if board is None:
            known = ", ".join(sorted(publishers.predecessors)) or "none recorded"
            errors.append(f"“{slug}” is not a predecessor of {partnership} (its predecessors: {known}).")
            return None
        if not board.existed_during(start, end):
            errors.append(f"{board} did not exist between {start:%-d %B %Y} and {end:%-d %B %Y}.")
        return board
    if not partnership.existed_during(start, end):
        since = f"began on {partnership.started_on:%-d %B %Y}" if partnership.started_on else "did not exist then"
        names = ", ".join(sorted(publishers.predecessors))
        hint = f" Name the board that published it in published_by ({names})." if names else ""
        errors.append(f"{partnership} {since}: a figure for {year} is refused unless a predecessor published it.{hint}")
    return None
