"""Rules for a figure, declared once per metric and used by the form, imports and the CLI.

`parse_entry` reads what a person typed; `check_value` applies the metric's rules;
`check_parts` compares a part with its whole. Messages are written for the person
typing the figure, not for a developer.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import SimpleNamespace

from .formatting import plain_number

NOT_KNOWN_SPELLINGS = {"n/k", "nk", "n.k.", "not known", "unknown"}
LARGE_CHANGE_PERCENT = Decimal(50)
MAX_RANK_OUT_OF = 1_000_000
MAX_DECIMAL_PLACES = 4  # what the database keeps
MAX_EXPLANATION_LENGTH = 2_000  # also the longest cell an upload accepts
# Every text a figure carries, with its longest length: the model's max_length, the form's
# check and the upload's check all read it from here, so nothing is ever cut silently.
TEXT_LIMITS = {"note": 200, "qualifier": 100, "explanation": MAX_EXPLANATION_LENGTH}
# Control characters no one types on purpose: PostgreSQL refuses NUL in text, SQLite keeps it, so
# both are refused here, the same way, before either database sees them. Tab and line ends stay.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Entry:
    """A parsed entry: a number, "not known", or nothing typed."""

    value: Decimal | None = None
    not_known: bool = False

    @property
    def is_blank(self):
        return self.value is None and not self.not_known


class EntryError(ValueError):
    pass


def parse_entry(raw) -> Entry:
    if raw is None:
        return Entry()
    if isinstance(raw, (int, float, Decimal)):
        return Entry(Decimal(str(raw)))
    text = str(raw).strip()
    shown = text if len(text) <= 40 else text[:40] + "…"
    if not text:
        return Entry()
    if text.lower() in NOT_KNOWN_SPELLINGS:
        return Entry(not_known=True)
    cleaned = text.replace(",", "").replace("£", "").replace("%", "").replace(" ", "")
    if "e" in cleaned.lower():
        try:
            read = Decimal(cleaned)
            in_full = f"{read:f}" if read.is_finite() and (not read or read.adjusted() <= 12) else None
        except InvalidOperation:
            in_full = None
        if in_full is not None:
            # Decimal reads "1.5e3" as 1500; a person may have meant something else, so ask.
            raise EntryError(f'"{shown}" is in scientific notation: type the number in full (for example {in_full}).')
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise EntryError(
            f'"{shown}" is not a number. Type digits only (for example 1234 or 12.5), '
            "or N/K if your agency cannot supply this figure."
        ) from None
    if not number.is_finite():
        raise EntryError(f'"{shown}" is not a number.')
    if number and number.adjusted() > 12:
        raise EntryError("This number is too large to be right.")
    return Entry(number)


def check_text(name, text, limit=None) -> list[str]:
    """Errors for one of a figure's texts (`name` in TEXT_LIMITS, else give `limit`): too long, or a control
    character."""
    errors = []
    limit = TEXT_LIMITS[name] if limit is None else limit
    if len(text) > limit:
        errors.append(f"The {name} can be at most {limit:,} characters; this one has {len(text):,}. Shorten it.")
    found = _CONTROL_CHARACTERS.search(text)
    if found:
        code = f"U+{ord(found.group()):04X}"
        errors.append(
            f"The {name} contains an invisible control character ({code}, at character {found.start() + 1}), "
            "often pasted from another program. Retype that part."
        )
    return errors


def check_texts(cell) -> list[str]:
    """Errors for every text of a figure (note, qualifier, explanation) as typed or uploaded."""
    return [error for name in TEXT_LIMITS for error in check_text(name, getattr(cell, name))]


RANK_OUT_OF_ERROR = '"Out of" (rank_out_of in a file) must be a whole number, e.g. 152 for "12 of 152".'


def parse_rank_out_of(text) -> tuple[int | None, str | None]:
    """(N, None) for the N of "x of N", (None, None) when empty, (None, message) when wrong."""
    text = (text or "").strip()
    if not text:
        return None, None
    try:
        number = Decimal(text)
        out_of = int(number)
    except (ArithmeticError, ValueError):
        return None, RANK_OUT_OF_ERROR
    if out_of != number or not 1 <= out_of <= MAX_RANK_OUT_OF:
        return None, RANK_OUT_OF_ERROR
    return out_of, None


def check_rank_within(metric, value: Decimal | None, out_of: int | None) -> str | None:
    if metric is not None and metric.unit == "rank" and value is not None and out_of is not None and value > out_of:
        return f"A rank cannot be higher than the number ranked ({out_of})."
    return None


def check_symbols(metric, raw) -> list[str]:
    """A % or £ typed with a figure of another unit is a sign of the wrong figure, not decoration."""
    text, unit, errors = str(raw or ""), metric.unit, []
    if "%" in text and unit != "percentage":
        errors.append("This figure is not a percentage: remove the % sign, or check it is the right figure.")
    if "£" in text and unit != "pounds":
        errors.append("This figure is not an amount of money: remove the £ sign, or check it is the right figure.")
    return errors


def check_value(metric, value: Decimal) -> list[str]:
    """Errors for one number against its metric's declared rules."""
    errors = []
    unit = metric.unit
    if unit in {"count", "rank"} and value != value.to_integral_value():
        errors.append("This is a count: enter a whole number, without decimals.")
    if unit in {"count", "rank", "percentage", "rate_per_10k", "rate_per_1k", "rate_per_100k"} and value < 0:
        errors.append("A count or rate cannot be below zero. Enter 0 if there were none.")
    if unit == "percentage" and value > 100:
        errors.append("A percentage must be between 0 and 100.")
    if unit == "rank" and value < 1:
        errors.append("A rank starts at 1.")
    exponent = value.normalize().as_tuple().exponent
    if unit not in {"count", "rank"} and isinstance(exponent, int) and -exponent > MAX_DECIMAL_PLACES:
        errors.append(f"Give at most {MAX_DECIMAL_PLACES} decimal places.")
    if metric.minimum is not None and value < metric.minimum:
        errors.append(f"This figure cannot be below {plain_number(metric.minimum)}.")
    if metric.maximum is not None and value > metric.maximum:
        errors.append(f"This figure cannot be above {plain_number(metric.maximum)}.")
    if abs(value) >= Decimal("1e10"):
        errors.append("This number is too large to be right.")
    return errors


def check_comparator_value(metric, value: Decimal) -> list[str]:
    """A comparator keeps the unit's rules (a percentage is 0-100) but not the metric's local
    minimum and maximum: England's count of referrals is far above any one area's."""
    unit_rules = SimpleNamespace(unit=metric.unit, decimals=metric.decimals, minimum=None, maximum=None)
    return check_value(unit_rules, value)


def check_part(part_metric, part: Decimal | None, whole_metric, whole: Decimal | None) -> str | None:
    if part is None or whole is None or part <= whole:
        return None
    return f"This cannot be more than “{whole_metric.name}” for the same area and year ({plain_number(whole)})."


def large_change_warning(value: Decimal | None, last_year: Decimal | None) -> str | None:
    """A warning (never an error) when a figure moved by more than half on last year."""
    if value is None or last_year is None or last_year == 0:
        return None
    percent = (value - last_year) / abs(last_year) * 100
    if abs(percent) <= LARGE_CHANGE_PERCENT:
        return None
    word = "up" if percent > 0 else "down"
    return (
        f"This is {word} {abs(percent):.0f}% on last year ({plain_number(last_year)}). "
        "Check it, and explain the change before you submit."
    )
