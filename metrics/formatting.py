"""Turning a metric's number into the words and digits a reader sees.

Framework-free on purpose: the form, the explorer, exports and (later) report
rendering all call these, so "38.0%" and "£65,620" are spelt in one place.
"""

from decimal import ROUND_HALF_UP, Decimal

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
        return f"{number} of {rank_out_of}" if rank_out_of and with_unit else number
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
