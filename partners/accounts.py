"""Money as finance tables print it: thousands separated, a negative in brackets.

Framework-free; `metrics.formatting` re-exports it so every output spells money one way.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


def format_accounts(amount: Decimal | None, decimals: int = 0) -> str:
    """65620 -> "65,620"; -38356 -> "(38,356)"; None -> "–" (nothing recorded); zero -> "0"."""
    if amount is None:
        return "–"
    rounded = Decimal(amount).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{abs(rounded):,.{decimals}f}"
    return f"({text})" if rounded < 0 else text


def accounts_decimals(amounts) -> int:
    """0 when every amount is whole pounds, else 2: one table prints all its amounts alike."""
    return 0 if all(Decimal(a) == Decimal(a).to_integral_value() for a in amounts if a is not None) else 2


INCOME_KINDS = ("contribution", "other_income", "use_of_reserves")


@dataclass(frozen=True)
class AccountsRow:
    label: str
    amount: str
    note: str = ""
    is_total: bool = False


def accounts_rows(lines) -> list[AccountsRow]:
    """A funding year's lines in the business unit's order, with subtotals where a finance table prints them.

    `lines` have kind, display_label, amount and note. "Total contributions" follows the last contribution
    when other income follows it; "Total income" follows the last income line; "Total expenditure" and
    "Net" follow the last expenditure line. Every amount uses the same number of decimals.
    """
    lines = list(lines)
    places = accounts_decimals([line.amount for line in lines])
    last = {kind: max((i for i, line in enumerate(lines) if line.kind == kind), default=None) for kind in _KINDS}
    last_income = max((last[k] for k in INCOME_KINDS if last[k] is not None), default=None)
    totals = {kind: sum((line.amount for line in lines if line.kind == kind), Decimal("0")) for kind in _KINDS}
    income = sum((totals[k] for k in INCOME_KINDS), Decimal("0"))
    has_other_income = last_income is not None and last_income != last["contribution"]
    rows = []
    for i, line in enumerate(lines):
        rows.append(AccountsRow(line.display_label, format_accounts(line.amount, places), line.note))
        if i == last["contribution"] and has_other_income:
            rows.append(
                AccountsRow("Total contributions", format_accounts(totals["contribution"], places), is_total=True)
            )
        if i == last_income:
            rows.append(AccountsRow("Total income", format_accounts(income, places), is_total=True))
        if i == last["expenditure"]:
            rows.append(AccountsRow("Total expenditure", format_accounts(totals["expenditure"], places), is_total=True))
            net = income + totals["expenditure"]
            rows.append(AccountsRow("Surplus (deficit) for the year", format_accounts(net, places), is_total=True))
    return rows


_KINDS = (*INCOME_KINDS, "expenditure")
