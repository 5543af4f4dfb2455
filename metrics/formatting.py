"""Turning a metric's number into the words and digits a reader sees.

Framework-free on purpose: the form, the explorer, exports and (later) report
rendering all call these, so "38.0%" and "£65,620" are spelt in one place.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from partners.accounts import format_accounts as format_accounts  # money in accounts style: one place

SMALL_NUMBER_LIMIT = 5
SUPPRESSED = f"fewer than {SMALL_NUMBER_LIMIT}"
NOT_KNOWN = "N/K"


def is_suppressed(value, *, suppress_small: bool, public: bool) -> bool:
    """THE small-number rule, the one place every output asks: a metric marked `suppress_small`
    shows 1 to 4 as "fewer than 5" to anyone outside the business unit (`public`), in tables,
    chart points and hover text, chart descriptions, exports and reports. A suppressed figure
    gives no number anywhere: no chart point, no change on the year before."""
    return bool(public and suppress_small and value is not None and 0 < value < SMALL_NUMBER_LIMIT)


def plain_text(text) -> str:
    """Text for a Plotly chart (names, titles, hover): Plotly reads <b>, <a href> and <br> in
    text as markup, so the markup characters are written as entities, which it shows as typed."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_SUFFIX = {
    "percentage": "%",
    "rate_per_10k": " per 10,000",
    "rate_per_1k": " per 1,000",
    "rate_per_100k": " per 100,000",
}


def quantize(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def plain_number(value: Decimal | None) -> str:
    """The exact stored number without trailing zeros: what exports write and imports read."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def typed_number(value: Decimal | None, decimals: int | None) -> str:
    """The stored number as it was typed: exact, with the trailing zeros its precision keeps ("31.0")."""
    text = plain_number(value)
    if value is None or decimals is None:
        return text
    shown = decimals_of(text) or 0
    return format(value.quantize(Decimal(1).scaleb(-decimals)), "f") if shown < decimals else text


def format_number(value: Decimal, decimals: int) -> str:
    return f"{quantize(value, decimals):,.{decimals}f}"


def format_value(
    value: Decimal | None,
    *,
    unit: str,
    decimals: int = 0,
    not_known: bool = False,
    rank_out_of: int | None = None,
    suppress_small: bool = False,
    public: bool = False,
    with_unit: bool = True,
    rank_scope: str = "",
) -> str:
    if not_known:
        return NOT_KNOWN
    if value is None:
        return "–"
    if is_suppressed(value, suppress_small=suppress_small, public=public):
        return SUPPRESSED
    if unit == "pounds":
        return f"£{format_number(value, decimals)}" if with_unit else format_number(value, decimals)
    number = format_number(value, decimals)
    if unit == "rank":
        return format_rank(quantize(value, 0), rank_out_of, rank_scope) if with_unit else number
    return number + (_SUFFIX.get(unit, "") if with_unit else "")


def change(current: Decimal | None, previous: Decimal | None):
    """(absolute change, percentage change or None); None when either side is missing."""
    if current is None or previous is None:
        return None
    difference = current - previous
    percent = None if previous == 0 else (difference / abs(previous) * 100)
    return difference, percent


def direction(current, previous, polarity: str) -> str:
    """'better', 'worse', 'same' or 'neutral' (for a metric whose polarity is neither)."""
    delta = change(current, previous)
    if delta is None:
        return ""
    if delta[0] == 0:
        return "same"
    if polarity == "neutral":
        return "up" if delta[0] > 0 else "down"
    rising_is_good = polarity == "higher_is_better"
    return "better" if (delta[0] > 0) == rising_is_good else "worse"


def format_change(current, previous, decimals: int = 0) -> str:
    delta = change(current, previous)
    if delta is None:
        return ""
    difference, percent = delta
    sign = "+" if difference > 0 else ("−" if difference < 0 else "±")
    text = f"{sign}{format_number(abs(difference), decimals)}"
    if percent is not None:
        text += f" ({sign}{format_number(abs(percent), 1)}%)"
    return text


# --- Figures as reports state them: precision per value, ranks, changes, direction words -----------

# The one place direction words come from: tables, charts' text and reports all use these.
DIRECTION_WORDS = {"up": "Up", "down": "Down", "same": "No change"}
QUALIFIER_WORDS = {"approximate": "about", "estimate": "an estimated", "provisional": "provisional"}


def decimals_of(typed: Decimal | str | None) -> int | None:
    """How many decimals a number was written with ("31" → 0, "92.40" → 2); None for nothing typed."""
    if typed is None or typed == "":
        return None
    exponent = Decimal(str(typed).replace(",", "").strip()).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else None


def shown_decimals(own: int | None, metric_decimals: int) -> int:
    """A figure prints with its own precision as published; the metric's decimals are default and maximum."""
    return metric_decimals if own is None else min(own, metric_decimals)


def ordinal(number: int) -> str:
    """1 → "1st", 12 → "12th", 23 → "23rd"."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def format_rank(rank, out_of: int | None = None, scope: str = "") -> str:
    """ "3rd" without a total, "12 of 12" with one; a scope follows ("12 of 12 in the region")."""
    if rank is None:
        return ""
    rank = int(rank)
    text = f"{rank} of {out_of}" if out_of else ordinal(rank)
    return f"{text} {scope.strip()}" if scope.strip() else text


def format_share(numerator, denominator, noun: str = "") -> str:
    """ "12 of 42 children": a percentage's numerator and denominator as a reader sees them."""
    if numerator is None or denominator is None:
        return ""
    text = f"{format_number(Decimal(numerator), 0)} of {format_number(Decimal(denominator), 0)}"
    return f"{text} {noun.strip()}" if noun.strip() else text


def format_comparator(value, *, unit: str, decimals: int = 0, qualifier: str = "") -> str:
    """A comparator with its qualifier: "about 31%" for an approximate national figure."""
    text = format_value(value, unit=unit, decimals=decimals)
    if not qualifier or value is None:
        return text
    if qualifier == "provisional":
        return f"{text} (provisional)"
    return f"{QUALIFIER_WORDS.get(qualifier, qualifier)} {text}"


@dataclass(frozen=True)
class Change:
    movement: str  # which way the number in the table moved: up / down / same (a rank "up" is a smaller number)
    direction: str  # better / worse / same, or up / down for a metric whose polarity is neither
    text: str  # "Up 2.1 points", "Down 12 (−5.0%)", "Up 5 places", "No change"

    @property
    def word(self) -> str:
        return DIRECTION_WORDS[self.movement]


def _plural(number_text: str, word: str) -> str:
    return f"{number_text} {word}" if number_text == "1" else f"{number_text} {word}s"


def describe_change(
    current, previous, *, unit: str, decimals: int = 0, polarity: str = "neutral", relative: bool = False
) -> Change | None:
    """Change on the previous period as a report says it, or None when either side is missing.

    Percentages change in percentage points ("Up 2.1 points"; `relative` adds the relative per cent),
    ranks in places ("Up 5 places" when the rank number fell, never a per cent), everything else by
    its amount and per cent ("Up 500 (+50.0%)").
    """
    delta = change(current, previous)
    if delta is None:
        return None
    difference, percent = delta
    better = direction(current, previous, polarity)
    if unit == "rank":
        places = -difference  # moving from 8th to 3rd is up five places
        movement = "up" if places > 0 else ("down" if places < 0 else "same")
        if movement == "same":
            return Change("same", better, DIRECTION_WORDS["same"])
        return Change(
            movement, better, f"{DIRECTION_WORDS[movement]} {_plural(format_number(abs(places), 0), 'place')}"
        )
    movement = "up" if difference > 0 else ("down" if difference < 0 else "same")
    if quantize(abs(difference), decimals) == 0:
        return Change("same", "same", DIRECTION_WORDS["same"])
    amount = format_number(abs(difference), decimals)
    sign = "+" if difference > 0 else "−"
    if unit == "percentage":
        text = f"{DIRECTION_WORDS[movement]} {_plural(amount, 'point')}"
        if relative and percent is not None:
            text += f" ({sign}{format_number(abs(percent), 1)}%)"
    else:
        prefix = "£" if unit == "pounds" else ""
        text = f"{DIRECTION_WORDS[movement]} {prefix}{amount}"
        if percent is not None:
            text += f" ({sign}{format_number(abs(percent), 1)}%)"
    return Change(movement, better, text)
