"""Open data: every figure a published report cites, as CSV and JSON, frozen with the report.

Built once, at publication, from the same figures the report shows (suppression applied exactly as
the report applies it: a suppressed figure has no value and says how the report shows it), then
stored as artefacts with their sha256. A later change to a figure never reaches a published file.
Framework-free: rows in, bytes out.
"""

import csv
import io
import json
from dataclasses import asdict, dataclass, fields


@dataclass(frozen=True)
class CitedFigure:
    metric_code: str
    metric: str
    definition: str
    unit: str
    period: str  # the reporting year, "2024-25"
    area: str  # an area's name, or the partnership's for a partnership-wide figure
    ons_code: str  # empty for a partnership-wide figure
    value: str  # the number as published; empty when suppressed
    shown_in_report_as: str  # exactly as the report prints it ("142", "12.5%", "fewer than 5")
    suppressed: bool
    source: str  # the agency that supplied it
    section: str  # where the report cites it


COLUMNS = [f.name for f in fields(CitedFigure)]


def figures_csv(rows: list[CitedFigure]) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read accents and £ correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        record = asdict(row)
        record["suppressed"] = "yes" if row.suppressed else "no"
        writer.writerow([_safe_cell(record[column]) for column in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def figures_json(rows: list[CitedFigure], *, about: dict) -> bytes:
    """{"about": {partnership, report, year, version, published_at, …}, "figures": [ … ]}."""
    document = {"about": about, "columns": COLUMNS, "figures": [asdict(row) for row in rows]}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False).encode("utf-8")


def _safe_cell(value):
    """Text a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(value):
        return "'" + value
    return value


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True
