"""Figures as rows of a spreadsheet: the one layout exports write and imports read.

One row per figure: ``metric_code, metric_name, area_code, area_name, year, value, note,
qualifier, rank_out_of, explanation``, then how the figure is stated (``presentation.DETAIL_COLUMNS``:
decimals, period_kind, period_start, period_end, period_label, commentary, rank, rank_scope,
numerator, denominator, published_by); exports add ``approved``. ``area_code`` is the area's
ONS code, blank for a whole-partnership figure, or a comparator geography (E92000001
England, E12… regions), whose source sits in ``note`` and qualifier (approximate…) in
``qualifier``. ``value`` is the exact number with the trailing zeros its precision keeps
(``formatting.typed_number``: "31.0") or ``N/K``. Files without the detail columns leave the
stored details as they are.

Reading is forgiving about layout (extra columns, column order, name columns, blank lines)
and strict about content: every problem becomes a message on the row, numbered as a
spreadsheet shows it (the header is row 1). The web import and the ``import_figures``
command both go ``read_upload`` → ``match_rows``; nothing here writes.
"""

import csv
import datetime as dt
import difflib
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from pathlib import PurePath

import openpyxl.reader.excel
import tablib
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from partners.selectors import areas_of
from partners.years import InvalidReportingYear, ReportingYear

from . import selectors
from .cells import CellInput, ImportRow, cell_input_from, cell_key, return_scope
from .errors import FigureError
from .formatting import NOT_KNOWN, SUPPRESSED, decimals_of, is_suppressed, plain_number, typed_number
from .models import COMPARATOR_QUALIFIERS, ComparatorKind
from .presentation import DETAIL_COLUMNS, Publishers, details_text, plain_typed, read_details
from .presentation import TEXT_LIMITS as TEXT_LIMITS_OF_DETAILS
from .services.checks import check_cells
from .validation import (
    MAX_EXPLANATION_LENGTH,
    EntryError,
    check_comparator_value,
    check_part,
    check_rank_within,
    check_symbols,
    check_texts,
    check_value,
    parse_entry,
    parse_rank_out_of,
)

COLUMNS = (
    "metric_code",
    "metric_name",
    "area_code",
    "area_name",
    "year",
    "value",
    "note",
    "qualifier",
    "rank_out_of",
    "explanation",
    *DETAIL_COLUMNS,
)
EXPORT_COLUMNS = (*COLUMNS, "approved")
REQUIRED_COLUMNS = ("metric_code", "area_code", "year", "value")
CONTENT_COLUMNS = ("value", "note", "qualifier", "rank_out_of", "explanation")
MAX_ROWS = 50_000
MAX_COLUMNS = 40  # the template has 11; reading stops there, so a crafted wide file costs nothing
MAX_CELL_LENGTH = MAX_EXPLANATION_LENGTH  # the longest field a figure has
MAX_XLSX_EXPANDED_BYTES = 50 * 1024 * 1024  # a 2 MB workbook may unzip to far more: refuse bombs

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

# A spreadsheet runs a cell that starts with one of these as a formula ("CSV injection").
# CSV text cells get a leading apostrophe on the way out, which reading takes off again
# (text that starts with an apostrophe gets a second one, so the round trip is exact).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GUARDED_STARTS = (*_FORMULA_STARTS, "'")
_ESCAPED_COLUMNS = ("metric_name", "area_name", "note", "qualifier", "explanation", *TEXT_LIMITS_OF_DETAILS)
_NUMBER_COLUMNS = ("value", "rank_out_of", "decimals", "rank", "numerator", "denominator")


# --- Writing ------------------------------------------------------------------------------


def export_dataset(values, comparators, *, public=False) -> tablib.Dataset:
    """Stored figures and comparators as rows, each metric's figures then its comparators.

    `values` need `metric` and `area` loaded, `comparators` their `metric`
    (as `selectors.values_for_export` returns them). `public`: for anyone outside the business
    unit, a suppressed small number is written as "fewer than 5" (such a file is not for import).
    """
    rows = []
    for v in values:
        m, area = v.metric, v.area
        rows.append(
            (
                (m.position, m.code, 0, area.name if area else "", str(v.year)),
                (
                    m.code,
                    m.name,
                    area.ons_code if area else "",
                    area.name if area else "",
                    str(v.year),
                    SUPPRESSED
                    if is_suppressed(v.value, suppress_small=m.suppress_small, public=public)
                    else v.as_typed,
                    v.note,
                    v.qualifier,
                    "" if v.rank_out_of is None else str(v.rank_out_of),
                    v.explanation,
                    *details_text(v).values(),
                    "yes" if v.is_approved else "no",
                ),
            )
        )
    for c in comparators:
        m = c.metric
        rows.append(
            (
                (m.position, m.code, 1, c.geography, str(c.year)),
                # Comparators are published benchmarks: approval does not apply to them.
                (m.code, m.name, c.geography, c.get_geography_display(), str(c.year), plain_number(c.value))
                + (c.source, c.qualifier, "", "")
                + ("",) * len(DETAIL_COLUMNS)
                + ("",),
            )
        )
    rows.sort(key=lambda pair: pair[0])
    return tablib.Dataset(*(row for _, row in rows), headers=list(EXPORT_COLUMNS), title="Figures")


def template_dataset(sheet) -> tablib.Dataset:
    """Every cell a return expects, with what is stored now: the file an agency fills in.

    `sheet` is `selectors.return_sheet(ret)`.
    """
    year = str(sheet.ret.year)
    dataset = tablib.Dataset(headers=list(COLUMNS), title=f"{sheet.ret.agency} {year}"[:31])
    for section in sheet.sections:
        for sheet_row in section.rows:
            metric = sheet_row.metric
            for cell in sheet_row.cells:
                entry = cell.input
                dataset.append(
                    (
                        metric.code,
                        metric.name,
                        cell.area.ons_code if cell.area else "",
                        cell.area.name if cell.area else "",
                        year,
                        entry.raw,
                        entry.note,
                        entry.qualifier,
                        entry.rank_out_of,
                        entry.explanation,
                        *(entry.details.get(name, "") for name in DETAIL_COLUMNS),
                    )
                )
    return dataset


def _escape(text):
    """Guard a CSV text cell a spreadsheet would run as a formula with a leading apostrophe, and
    give text that already starts with an apostrophe a second one, so `_unescape` is its exact
    inverse: "=x" -> "'=x" -> "=x", and "'=x" -> "''=x" -> "'=x"."""
    return "'" + text if isinstance(text, str) and text.startswith(_GUARDED_STARTS) else text


def _unescape(text):
    return text[1:] if text.startswith("'") and text[1:].startswith(_GUARDED_STARTS) else text


def _csv_bytes(dataset):
    escaped = {i for i, name in enumerate(dataset.headers) if name in _ESCAPED_COLUMNS}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(dataset.headers)
    for row in dataset:
        writer.writerow([_escape(cell) if i in escaped else cell for i, cell in enumerate(row)])
    # The byte-order mark makes Excel read the file as UTF-8 (£, accents); reading strips it.
    return out.getvalue().encode("utf-8-sig")


def _xlsx_cell_value(name, text):
    """Numbers as numbers, so the sheet adds up and Excel shows no "number stored as text"."""
    if name in _NUMBER_COLUMNS and text not in ("", NOT_KNOWN):
        try:
            number = Decimal(text)
        except ArithmeticError:
            return text
        return int(number) if number == number.to_integral_value() and abs(number) < 10**15 else number
    return text


def _xlsx_bytes(dataset):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = re.sub(r"[\\*?:/\[\]]", "-", dataset.title or "Figures")[:31]  # Excel's forbidden characters
    headers = list(dataset.headers)
    for column, name in enumerate(headers, start=1):
        sheet.cell(1, column, name).font = Font(bold=True)
    widths = [len(name) for name in headers]
    for row_number, row in enumerate(dataset, start=2):
        for column, (name, text) in enumerate(zip(headers, row, strict=True), start=1):
            cell = sheet.cell(row_number, column, _xlsx_cell_value(name, text))
            if cell.data_type == "f":
                cell.data_type = "s"  # text that starts with "=" stays text, never a formula
            widths[column - 1] = max(widths[column - 1], min(len(str(text)), 60))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width + 2
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def dataset_bytes(dataset: tablib.Dataset, fmt: str) -> bytes:
    if fmt == "csv":
        return _csv_bytes(dataset)
    if fmt == "xlsx":
        return _xlsx_bytes(dataset)
    raise ValueError(f"Unknown format {fmt!r}: use csv or xlsx.")


def download(dataset, fmt, basename) -> tuple[str, str, bytes]:
    """(filename, content type, bytes): what a view or command needs to hand a file over."""
    return f"{basename}.{fmt}", CONTENT_TYPES[fmt], dataset_bytes(dataset, fmt)


# --- Reading ------------------------------------------------------------------------------


def _format_of(filename_or_fmt):
    text = str(filename_or_fmt or "").strip().lower()
    fmt = text if text in CONTENT_TYPES else PurePath(text).suffix.lstrip(".")
    if fmt not in CONTENT_TYPES:
        raise FigureError(
            f"“{filename_or_fmt}” is not a CSV or Excel (.xlsx) file. Save your spreadsheet as CSV or as "
            "“Excel Workbook (.xlsx)” and upload that."
        )
    return fmt


def _text(value):
    """A cell as text: Excel hands over numbers, dates and booleans; imports read text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return plain_number(Decimal(repr(value)))
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, dt.datetime | dt.date):  # a period typed as a date in Excel
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


def _csv_rows(file_bytes, max_rows):
    if file_bytes.startswith(b"PK\x03\x04"):
        raise FigureError("This is an Excel workbook, not a CSV file: give it a name ending in .xlsx.")
    if file_bytes[:4096].count(b"\x00") > 16:  # UTF-16 or binary; a stray NUL is an error at its row
        raise FigureError("This file is not a CSV file. Save your spreadsheet as “CSV UTF-8” and upload that.")
    try:
        text = file_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = file_bytes.decode("cp1252")  # Excel's plain "CSV" on Windows
        except UnicodeDecodeError:
            raise FigureError(
                "This file's characters could not be read. Save your spreadsheet as “CSV UTF-8” and upload that."
            ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)  # Excel in some locales separates with ";"
    # strict: a quote that never closes is an error, not a note that swallows the rows after it.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    try:
        for row in reader:
            rows.append(row[: MAX_COLUMNS + 1])
            if len(rows) > max_rows + 1:  # header + rows: stop reading, the caller refuses the file
                break
    except csv.Error as error:
        number = len(rows) + 1  # the spreadsheet row that could not be read (the header is row 1)
        if "unexpected end of data" in str(error) or "EOF" in str(error):
            raise FigureError(
                f'Row {number} opens a quotation mark (") that is never closed, so the rest of the file '
                "cannot be read. Close the quote (or remove it) and upload the file again."
            ) from None
        raise FigureError(f"Row {number} of the file could not be read ({error}).") from None
    return rows


class _StreamedSheet(ReadOnlyWorksheet):
    """A read-only sheet that never measures itself. openpyxl reads a sheet's whole XML to find
    its size when the file declares none (0.7 s per 50,000 rows), and trusts a declared size that
    may be false (rows beyond it would vanish). We read row by row and stop at our own limit."""

    def _get_size(self):
        pass


# load_workbook(read_only=True) builds its sheets from this name.
openpyxl.reader.excel.ReadOnlyWorksheet = _StreamedSheet


def _xlsx_rows(file_bytes, max_rows):
    try:
        expanded = sum(item.file_size for item in zipfile.ZipFile(io.BytesIO(file_bytes)).infolist())
    except Exception:  # noqa: BLE001 - a damaged zip raises many types; openpyxl below says so in words
        expanded = 0
    if expanded > MAX_XLSX_EXPANDED_BYTES:
        raise FigureError("This workbook is too large once opened. Save only the figures sheet and upload it again.")
    try:
        workbook = load_workbook(io.BytesIO(file_bytes), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1, max_row=max_rows + 2)
            return [list(row) for row in islice(rows, max_rows + 2)]
        finally:
            workbook.close()
    except Exception:  # noqa: BLE001 - openpyxl raises many types for a damaged or foreign file
        raise FigureError(
            "This file could not be read as an Excel workbook. Open it in Excel and save it as "
            "“Excel Workbook (.xlsx)”, or as CSV, and upload it again."
        ) from None


def _column_name(header):
    return _text(header).lower().replace(" ", "_").replace("-", "_")


def read_upload(file_bytes: bytes, filename_or_fmt: str, *, max_rows=None, too_many=None) -> tablib.Dataset:
    """The file's rows as text under normalised column names, blank rows kept for numbering.

    Data row `i` of the dataset is row `i + 2` of the spreadsheet. Reading stops after
    `max_rows` rows (MAX_ROWS, the administrators' limit, unless a smaller one is given, such as
    the number of figures a return asks for), so a long file costs no more than a short one;
    such a file is refused with `too_many` or a message saying the limit. Raises FigureError
    with a message for the person who uploaded the file.
    """
    max_rows = MAX_ROWS if max_rows is None else max_rows
    fmt = _format_of(filename_or_fmt)
    raw_rows = _csv_rows(file_bytes, max_rows) if fmt == "csv" else _xlsx_rows(file_bytes, max_rows)
    if len(raw_rows) - 1 > max_rows:  # counted before blank rows go, so none is dropped unseen
        raise FigureError(too_many or f"The file has more than {max_rows:,} rows. Split it into smaller files.")
    rows = [[_text(cell) for cell in row] for row in raw_rows]
    for number, row in enumerate(rows, start=1):
        if any(len(cell) > MAX_CELL_LENGTH for cell in row):
            raise FigureError(f"Row {number} has a cell longer than {MAX_CELL_LENGTH:,} characters. Shorten it.")
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        raise FigureError("The file is empty. Start from the template, which has the columns already.")
    header_row = list(rows[0])
    while header_row and not header_row[-1]:
        header_row.pop()  # spreadsheets often carry empty columns after the last one used
    if len(header_row) > MAX_COLUMNS:
        raise FigureError(
            f"The file has more than {MAX_COLUMNS} columns. Start from the template, which has {len(COLUMNS)}."
        )
    headers = []
    for number, header in enumerate(header_row, start=1):
        name = _column_name(header) or f"column_{number}"
        if name in headers:
            raise FigureError(f"The file has two “{name}” columns. Keep one and upload it again.")
        headers.append(name)
    missing = [name for name in REQUIRED_COLUMNS if name not in headers]
    if missing:
        raise FigureError(
            f"The file has no {', '.join(missing)} column{'s' if len(missing) > 1 else ''}. Row 1 must name the "
            f"columns ({', '.join(COLUMNS)}); start from the template, which has them."
        )
    width = len(headers)
    data = [(row + [""] * width)[:width] for row in rows[1:]]  # extra cells have no column: ignored
    if fmt == "csv":  # only CSV text carries the export's formula guard (a workbook keeps text as text)
        guarded = [i for i, name in enumerate(headers) if name in _ESCAPED_COLUMNS]
        for row in data:
            for i in guarded:
                row[i] = _unescape(row[i])
    return tablib.Dataset(*data, headers=headers)


# --- Matching rows to the catalogue -------------------------------------------------------

SOURCE_COLUMNS = ("metric_code", "area_code", "year", "value")


@dataclass
class FileRow(ImportRow):
    """An import row that remembers what the file said, to show it back beside the errors."""

    source: dict = field(default_factory=dict)  # SOURCE_COLUMNS as typed
    resolved: bool = False  # metric, year and place all found: the row has a (metric, place, year) key

    @property
    def place(self):
        return self.geography or self.area_id or 0

    @property
    def key(self):
        return (self.metric.pk, self.place, self.year.start) if self.resolved else None


def _metric_error(code, metrics_by_code, partnership):
    close = difflib.get_close_matches(code, list(metrics_by_code), n=1)
    hint = f" Did you mean “{close[0]}”?" if close else " Check metric_code against the metric catalogue."
    return f"“{code}” is not a metric code of {partnership}.{hint}"


def _read_rank_out_of(row, entry):
    out_of, error = parse_rank_out_of(row.cell.rank_out_of)
    if error:
        row.errors.append(error)
        return
    row.cell.rank_out_of = str(out_of)
    beyond = check_rank_within(row.metric, entry.value if entry is not None else None, out_of)
    if beyond:
        row.errors.append(beyond)


def _read_row(line, get, *, partnership, metrics_by_code, areas_by_code, detail_columns=(), publishers=None):
    """One row: resolve its codes and parse its value. None for a row with nothing to import."""
    row = FileRow(
        line=line,
        metric=None,
        area_id=None,
        geography=None,
        year=None,
        cell=CellInput(
            raw=get("value"),
            note=get("note"),
            qualifier=get("qualifier"),
            explanation=get("explanation"),
            rank_out_of=get("rank_out_of"),
            details={name: _unescape(get(name)) for name in detail_columns},
        ),
        source={name: get(name) for name in SOURCE_COLUMNS},
        approved=get("approved").strip().lower() != "no",
    )
    errors = row.errors
    try:
        entry = parse_entry(row.cell.raw)
    except EntryError as error:
        entry = None
        errors.append(str(error))
    if entry is not None and entry.is_blank:
        if not any(get(name) for name in CONTENT_COLUMNS):
            return None  # an empty value leaves the stored figure as it is: an import never clears one
        errors.append("There is no figure in the value column: enter it, or N/K if it is not known.")

    code = get("metric_code").lower()
    row.metric = metric = metrics_by_code.get(code)
    if not code:
        errors.append("Fill in metric_code: which metric is this figure for?")
    elif metric is None:
        errors.append(_metric_error(code, metrics_by_code, partnership))
    try:
        row.year = ReportingYear.parse(get("year"))
    except InvalidReportingYear as error:
        errors.append(str(error))

    area_code = get("area_code").upper()
    area = areas_by_code.get(area_code)
    row.area_id = area.pk if area is not None else None
    row.geography = area_code if area_code in ComparatorKind.values else None
    place_found = not area_code or area is not None or row.geography is not None
    if not place_found:
        known = ", ".join(f"{a.ons_code} {a.name}" for a in areas_by_code.values())
        errors.append(
            f"“{area_code}” is not an area of {partnership} ({known}) nor a comparator such as E92000001 England."
        )
    level_fits = True
    if metric is not None and place_found and row.geography is None:
        if metric.is_per_area and area is None:
            example = next(iter(areas_by_code), "E06000001")
            errors.append(f"“{metric.name}” is given per area: fill in area_code (e.g. {example}).")
            level_fits = False
        elif not metric.is_per_area and area is not None:
            errors.append(f"“{metric.name}” is a whole-partnership figure: leave area_code empty.")
            level_fits = False
        elif row.year is not None and not metric.is_collected_in(row.year):
            errors.append(f"“{metric.name}” is not collected from {metric.retired_in} on.")
    row.resolved = metric is not None and row.year is not None and place_found and level_fits

    if entry is not None and entry.value is not None:
        if metric is not None:
            errors += check_symbols(metric, row.cell.raw)
        row.cell.raw = typed_number(entry.value, decimals_of(plain_typed(row.cell.raw)))
        if metric is not None:
            errors += check_comparator_value(metric, entry.value) if row.geography else check_value(metric, entry.value)
    elif entry is not None and entry.not_known:
        row.cell.raw = NOT_KNOWN
        if row.geography:
            errors.append("A comparator needs a number: delete the row if you do not have it.")
    if row.cell.rank_out_of:
        _read_rank_out_of(row, entry)
    errors += check_texts(row.cell)
    if row.geography and (row.cell.rank_out_of or row.cell.explanation or any(row.cell.details.values())):
        errors.append("A comparator takes only a value, its source (in note) and a qualifier: empty the other columns.")
    qualifiers = [value for value, _ in COMPARATOR_QUALIFIERS]
    if row.geography and row.cell.qualifier and row.cell.qualifier.lower() not in qualifiers:
        errors.append(f"A comparator's qualifier is one of: {', '.join(qualifiers)} (or empty).")
    elif row.geography:
        row.cell.qualifier = row.cell.qualifier.lower()
    if not row.geography and metric is not None and row.year is not None and entry is not None and not entry.is_blank:
        errors += read_details(row.cell.details, metric=metric, year=row.year, raw=row.cell.raw, publishers=publishers)[
            1
        ]
    return row


def _check_duplicates(rows):
    first_line = {}
    for row in rows:
        if row.key is None:
            continue
        if row.key in first_line:
            row.errors.append(f"Row {first_line[row.key]} has the same metric, area and year: keep one of the two.")
        else:
            first_line[row.key] = row.line


def _number(raw):
    try:
        return parse_entry(raw).value
    except EntryError:
        return None


def _check_parts(partnership, rows, metrics):
    """A part may not exceed its whole, whether the whole is in the file or already stored."""
    figures = [row for row in rows if row.key is not None and not row.geography]
    if not figures:
        return
    parts_of = {}
    for metric in metrics:
        if metric.part_of_id:
            parts_of.setdefault(metric.part_of_id, []).append(metric)
    in_file = {row.key: _number(row.cell.raw) for row in figures}
    wanted = {row.metric.pk for row in figures}
    wanted |= {row.metric.part_of_id for row in figures if row.metric.part_of_id}
    wanted |= {part.pk for row in figures for part in parts_of.get(row.metric.pk, [])}
    stored = selectors.stored_values(partnership, metric_ids=wanted, years={row.year for row in figures})

    def figure(key):
        if key in in_file:
            return in_file[key]
        value = stored.get(key)
        return value.value if value is not None else None

    for row in figures:
        value = in_file[row.key]
        if value is None:
            continue
        _, place, year = row.key
        if row.metric.part_of_id:
            message = check_part(row.metric, value, row.metric.part_of, figure((row.metric.part_of_id, place, year)))
            if message:
                row.errors.append(message)
        for part in parts_of.get(row.metric.pk, []):
            key = (part.pk, place, year)
            part_value = None if key in in_file else figure(key)  # a part in the file is checked on its row
            if part_value is not None and part_value > value:
                row.errors.append(
                    f"This cannot be less than “{part.name}”, which is part of it, for the same area and "
                    f"year ({plain_number(part_value)})."
                )


def match_rows(partnership, dataset: tablib.Dataset) -> list[ImportRow]:
    """Every row with something to import, matched to the catalogue, each with its errors.

    Rows with an empty value are left out: an import never clears a stored figure.
    Runs four queries (metrics, areas, predecessors, stored figures for the part/whole checks).
    """
    metrics = selectors.catalogue(partnership)
    metrics_by_code = {m.code: m for m in metrics}
    areas_by_code = {a.ons_code.upper(): a for a in areas_of(partnership)}
    headers = dataset.headers or []
    detail_columns = [name for name in DETAIL_COLUMNS if name in headers]  # absent columns change nothing
    publishers = Publishers.of(partnership)
    rows = []
    for index, values in enumerate(dataset):
        by_name = dict(zip(headers, values, strict=False))
        if not any(by_name.values()):
            continue
        row = _read_row(
            index + 2,
            lambda name, by_name=by_name: (by_name.get(name) or "").strip(),
            partnership=partnership,
            metrics_by_code=metrics_by_code,
            areas_by_code=areas_by_code,
            detail_columns=detail_columns,
            publishers=publishers,
        )
        if row is not None:
            rows.append(row)
    _check_duplicates(rows)
    _check_parts(partnership, rows, metrics)
    return rows


def blank_row_count(dataset: tablib.Dataset) -> int:
    """Rows that name a figure but leave every content column empty (and so change nothing)."""
    headers = dataset.headers or []
    count = 0
    for values in dataset:
        by_name = dict(zip(headers, values, strict=False))
        if any(by_name.values()) and not any(by_name.get(name) for name in CONTENT_COLUMNS):
            count += 1
    return count


def rows_to_data(rows) -> list:
    """Matched rows as plain JSON-able data (e.g. to carry a preview to its confirmation)."""
    return [
        {
            "line": row.line,
            "metric": row.metric.pk,
            "area": row.area_id,
            "year": str(row.year),
            "cell": [row.cell.raw, row.cell.note, row.cell.qualifier, row.cell.explanation, row.cell.rank_out_of],
            "details": row.cell.details,
            "source": row.source,
        }
        for row in rows
    ]


def rows_from_data(data, metrics) -> list[FileRow]:
    """The reverse of `rows_to_data`; rows whose metric is not among `metrics` are dropped."""
    by_id = {m.pk: m for m in metrics}
    rows = []
    for item in data:
        metric = by_id.get(item["metric"])
        if metric is None:
            continue
        raw, note, qualifier, explanation, rank_out_of = item["cell"]
        rows.append(
            FileRow(
                line=item["line"],
                metric=metric,
                area_id=item["area"],
                geography=None,
                year=ReportingYear.parse(item["year"]),
                cell=CellInput(raw, note, qualifier, explanation, rank_out_of, item.get("details", {})),
                source=item["source"],
                resolved=True,
            )
        )
    return rows


# --- An agency's return -------------------------------------------------------------------


def restrict_to_return(ret, rows, *, metrics, area_ids):
    """Add an error to each row that is not a cell of this return (`return_scope(ret)`)."""
    metric_ids = {m.pk for m in metrics}
    area_ids = set(area_ids)
    for row in rows:
        if row.geography:
            row.errors.append(
                "England and regional comparators are set by the business unit, not in a return: delete this row."
            )
            continue
        if row.metric is not None and row.metric.pk not in metric_ids:
            row.errors.append(f"“{row.metric.name}” is not part of this return: delete this row.")
        if row.year is not None and row.year != ret.year:
            row.errors.append(f"This return is for {ret.year}: change the year to {ret.year} or delete this row.")
        if row.area_id is not None and row.area_id not in area_ids:
            row.errors.append("This return does not cover this area: delete this row.")
    return rows


@dataclass
class PreviewRow:
    row: FileRow
    area_name: str = ""
    stored: object = None  # the MetricValue stored now, or None
    last_year: object = None  # the MetricValue of the year before, or None
    warnings: list = field(default_factory=list)

    @property
    def line(self):
        return self.row.line

    @property
    def errors(self):
        return self.row.errors

    @property
    def value(self):
        return self.row.cell.raw

    @property
    def stored_value(self):
        return cell_input_from(self.stored).raw

    @property
    def last_year_value(self):
        return cell_input_from(self.last_year).raw

    @property
    def state(self):
        """'new', 'changed' or 'unchanged' against what is stored now."""
        if self.stored is None:
            return "new"
        current, cell = cell_input_from(self.stored), self.row.cell
        same = all(
            getattr(current, name).strip() == getattr(cell, name).strip()
            for name in ("raw", "note", "qualifier", "explanation", "rank_out_of")
        ) and all(current.details.get(name, "") == text for name, text in cell.details.items())
        return "unchanged" if same else "changed"


def return_preview(ret, rows) -> list[PreviewRow]:
    """The rows of an upload checked as the return form checks them, beside what is stored now.

    Adds the errors of `restrict_to_return` and of `check_cells` (those a row
    does not have yet), and the large-change warnings. Runs about eight queries.
    """
    metrics, area_ids = return_scope(ret)
    restrict_to_return(ret, rows, metrics=metrics, area_ids=area_ids)
    sheet_cells = {cell.key: cell for cell in selectors.return_sheet(ret).cells}
    valid = {cell_key(row.metric.pk, row.area_id): row for row in rows if not row.errors}
    checks = check_cells(ret, {key: row.cell for key, row in valid.items()}, metrics=metrics, area_ids=area_ids)
    preview = []
    for row in rows:
        item = PreviewRow(row)
        key = cell_key(row.metric.pk, row.area_id) if row.metric is not None else None
        sheet_cell = sheet_cells.get(key)
        if sheet_cell is not None:
            item.stored, item.last_year = sheet_cell.value, sheet_cell.last_year
            item.area_name = sheet_cell.area.name if sheet_cell.area else "Whole partnership"
        check = checks.get(key) if valid.get(key) is row else None
        if check is not None:
            row.errors += [message for message in check.errors if message not in row.errors]
            item.warnings = list(check.warnings)
        preview.append(item)
    return preview
