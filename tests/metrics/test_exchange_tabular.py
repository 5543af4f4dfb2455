"""metrics/tabular.py: the spreadsheet layout exports write and imports read, and every row's checks."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from metrics import selectors, services, tabular
from metrics.models import ComparatorKind, Level, Unit
from metrics.presentation import DETAIL_COLUMNS
from partners.years import ReportingYear
from tests import factories as f

pytestmark = pytest.mark.usefixtures("scopes_off")

HEADER = "metric_code,metric_name,area_code,area_name,year,value,note,qualifier,rank_out_of,explanation," + ",".join(
    DETAIL_COLUMNS
)
FORMULA_NOTE = '=HYPERLINK("http://example.org","click")'


@pytest.fixture
def scopes_off():
    with scopes_disabled():
        yield


def fill_and_approve(world):
    """Last year's approved figures, the police return filled in, submitted and approved, three comparators.

    Covers what a round trip must keep: N/K, notes (one that looks like a formula, one with £),
    a qualifier, a rank "12 of 152", a multi-line explanation, a whole-partnership figure.
    """
    m, (hartlepool, stockton) = world.metrics, world.areas
    with scopes_disabled():
        rank = f.MetricFactory(
            partnership=world.partnership,
            code="ofsted-rank",
            name="Ofsted rank",
            unit=Unit.RANK,
            level=Level.PARTNERSHIP,
            position=5,
        )
        world.police_return.metrics.add(rank)
        m["ofsted-rank"] = rank
        for code, area, value in [
            ("referrals", hartlepool, "100"),
            ("referrals", stockton, "1100"),
            ("re-referral-rate", stockton, "20"),
        ]:
            f.ValueFactory(
                metric=m[code], area=area, year=ReportingYear(2024), value=Decimal(value), approved_at=timezone.now()
            )
        key = services.cell_key
        cells = {
            key(m["referrals"].pk, hartlepool.pk): services.CellInput(raw="120", note="as at 31 March 2026"),
            key(m["referrals"].pk, stockton.pk): services.CellInput(raw="1,204"),
            key(m["re-referrals"].pk, hartlepool.pk): services.CellInput(raw="30", qualifier="Q2-Q4 only"),
            key(m["re-referrals"].pk, stockton.pk): services.CellInput(raw="N/K", note=FORMULA_NOTE),
            key(m["re-referral-rate"].pk, hartlepool.pk): services.CellInput(raw="25.5"),
            key(m["re-referral-rate"].pk, stockton.pk): services.CellInput(
                raw="18.25",
                note="£ not applicable, -2 on plan",
                explanation='A new "front door",\nso more contacts are screened out.',
            ),
            key(m["training-sessions"].pk, None): services.CellInput(raw="14", note="-2 cancelled"),
            key(rank.pk, None): services.CellInput(raw="12", rank_out_of="152"),
        }
        checks = services.save_return(world.police_return, cells, by=world.submitter)
        assert not any(check.errors for check in checks.values())
        services.submit_return(world.police_return, by=world.submitter)
        services.approve_return(world.police_return, by=world.approver)
        rate = m["re-referral-rate"]
        for year, geography, value, source in [
            (2025, ComparatorKind.ENGLAND, "22.4", "DfE children in need census 2025"),
            (2025, ComparatorKind.NORTH_EAST, "26.1", ""),
            (2024, ComparatorKind.ENGLAND, "21.9", "DfE children in need census 2024"),
        ]:
            services.set_comparator(
                metric=rate,
                year=ReportingYear(year),
                geography=geography,
                value=Decimal(value),
                source=source,
                by=world.editor,
            )
    return world


def snapshot(partnership):
    """Every figure and comparator by codes (not ids), so two partnerships can be compared."""
    with scopes_disabled():
        values, comparators = selectors.values_for_export(partnership)
    return (
        sorted(
            (
                v.metric.code,
                v.area.ons_code if v.area else "",
                str(v.year),
                v.value,
                v.status,
                v.note,
                v.qualifier,
                v.rank_out_of,
                v.explanation,
                v.is_approved,
            )
            for v in values
        ),
        sorted((c.metric.code, str(c.year), c.geography, c.value, c.source) for c in comparators),
    )


def export_all(partnership):
    with scopes_disabled():
        return tabular.export_dataset(*selectors.values_for_export(partnership))


def read_csv(world, text):
    return tabular.match_rows(world.partnership, tabular.read_upload(text.encode(), "figures.csv"))


def errors_by_line(rows):
    return {row.line: row.errors for row in rows if row.errors}


# --- Export -------------------------------------------------------------------------------


def test_an_export_has_one_row_per_figure_and_per_comparator_in_the_documented_columns(world):
    fill_and_approve(world)
    dataset = export_all(world.partnership)
    assert dataset.headers == list(tabular.EXPORT_COLUMNS)
    rows = dataset.dict
    assert len(rows) == 8 + 3 + 3  # this year's return, last year's figures, comparators
    hartlepool_referrals = next(r for r in rows if r["metric_code"] == "referrals" and r["year"] == "2025-26")
    assert hartlepool_referrals["area_code"] == "E06000001"
    assert hartlepool_referrals["value"] == "120"
    assert hartlepool_referrals["note"] == "as at 31 March 2026"
    assert hartlepool_referrals["approved"] == "yes"


def test_an_export_writes_not_known_as_nk_and_whole_partnership_figures_without_an_area(world):
    fill_and_approve(world)
    rows = export_all(world.partnership).dict
    not_known = next(r for r in rows if r["metric_code"] == "re-referrals" and r["area_code"] == "E06000004")
    assert not_known["value"] == "N/K"
    rank = next(r for r in rows if r["metric_code"] == "ofsted-rank")
    assert (rank["area_code"], rank["value"], rank["rank_out_of"]) == ("", "12", "152")


def test_an_export_writes_comparators_as_rows_whose_area_is_the_comparator_with_its_source_in_note(world):
    fill_and_approve(world)
    rows = export_all(world.partnership).dict
    england = next(r for r in rows if r["area_code"] == "E92000001" and r["year"] == "2025-26")
    assert england["area_name"] == "England"
    assert england["value"] == "22.4"
    assert england["note"] == "DfE children in need census 2025"


def test_a_csv_export_escapes_formulas_and_an_import_reads_them_back_unchanged(world):
    fill_and_approve(world)
    content = tabular.dataset_bytes(export_all(world.partnership), "csv")
    assert content.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    assert "'=HYPERLINK" in content.decode("utf-8-sig")
    rows = tabular.match_rows(world.partnership, tabular.read_upload(content, "csv"))
    assert FORMULA_NOTE in [row.cell.note for row in rows]


def test_an_xlsx_export_has_numbers_as_numbers_and_formula_like_text_as_text(world):
    fill_and_approve(world)
    content = tabular.dataset_bytes(export_all(world.partnership), "xlsx")
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    value_column, note_column = headers.index("value"), headers.index("note")
    cells = list(sheet.iter_rows(min_row=2))
    assert {row[value_column].data_type for row in cells} == {"n", "s"}  # numbers, and N/K
    formula_cell = next(row[note_column] for row in cells if str(row[note_column].value).startswith("=HYPER"))
    assert formula_cell.data_type == "s"


# --- Round trips --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_round_trip_export_then_import_changes_nothing(world, fmt):
    fill_and_approve(world)
    before = snapshot(world.partnership)
    content = tabular.dataset_bytes(export_all(world.partnership), fmt)
    with scopes_disabled():
        rows = tabular.match_rows(world.partnership, tabular.read_upload(content, f"figures.{fmt}"))
        assert errors_by_line(rows) == {}
        written = services.import_figures(world.partnership, rows, by=None)
    assert written == 0
    assert snapshot(world.partnership) == before


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_figure_exported_and_imported_into_an_empty_copy_reproduces_identical_values(world, fmt):
    fill_and_approve(world)
    copy = copy_of_catalogue(world)
    content = tabular.dataset_bytes(export_all(world.partnership), fmt)
    with scopes_disabled():
        rows = tabular.match_rows(copy, tabular.read_upload(content, fmt))
        assert errors_by_line(rows) == {}
        services.import_figures(copy, rows, by=None)
    assert snapshot(copy) == snapshot(world.partnership)
    assert tabular.dataset_bytes(export_all(copy), "csv") == tabular.dataset_bytes(export_all(world.partnership), "csv")


def copy_of_catalogue(world):
    """A new partnership with HSSCP's areas and metrics (same codes) and no figures."""
    copy = f.PartnershipFactory(name="HSSCP copy", short_name="COPY", slug="hsscp-copy")
    with scopes_disabled():
        for area in world.areas:
            f.AreaFactory(partnership=copy, name=area.name, ons_code=area.ons_code)
        copied = {}
        for metric in sorted(selectors.catalogue(world.partnership), key=lambda m: m.part_of_id is not None):
            copied[metric.pk] = f.MetricFactory(
                partnership=copy,
                code=metric.code,
                name=metric.name,
                unit=metric.unit,
                decimals=metric.decimals,
                level=metric.level,
                position=metric.position,
                part_of=copied.get(metric.part_of_id),
            )
    return copy


# --- Reading files ------------------------------------------------------------------------


def test_reading_a_csv_saved_by_excel_with_semicolons_and_windows_characters_works(world):
    text = HEADER.replace(",", ";") + "\nreferrals;;E06000001;;2025-26;120;£ as at March;;;\n"
    dataset = tabular.read_upload(text.encode("cp1252"), "figures.csv")
    assert dataset.dict[0]["note"] == "£ as at March"


def test_reading_a_file_without_the_required_columns_says_which_are_missing(world):
    with pytest.raises(services.FigureError, match="no area_code, year column"):
        tabular.read_upload(b"metric_code,value\nreferrals,12\n", "figures.csv")


def test_reading_a_file_that_is_not_a_spreadsheet_says_so(world):
    with pytest.raises(services.FigureError, match="could not be read as an Excel workbook"):
        tabular.read_upload(b"this is not a zip file", "figures.xlsx")
    with pytest.raises(services.FigureError, match="not a CSV or Excel"):
        tabular.read_upload(b"%PDF-1.4", "figures.pdf")
    with pytest.raises(services.FigureError, match="The file is empty"):
        tabular.read_upload(b"\n\n", "figures.csv")


def test_reading_ignores_extra_columns_column_order_and_name_columns(world):
    text = "Year,Value,Comments,Area code,metric_code,metric_name\n2025-26,120,ignored,E06000001,referrals,Wrong name\n"
    rows = read_csv(world, text)
    assert errors_by_line(rows) == {}
    assert (rows[0].metric, rows[0].area_id, rows[0].cell.raw) == (world.metrics["referrals"], world.areas[0].pk, "120")


# --- Row-level checks ---------------------------------------------------------------------


def test_row_numbers_count_the_header_as_row_1_and_keep_blank_lines(world):
    text = "\n".join([HEADER, "referrals,,E06000001,,2025-26,12,,,,", "", "referrals,,E06000004,,2025-26,lots,,,,"])
    rows = read_csv(world, text)
    assert list(errors_by_line(rows)) == [4]
    assert '"lots" is not a number' in errors_by_line(rows)[4][0]


def test_a_row_with_an_empty_value_is_left_out_so_an_import_never_clears_a_figure(world):
    text = "\n".join([HEADER, "referrals,,E06000001,,2025-26,,,,,", "referrals,,E06000004,,2025-26,7,,,,"])
    rows = read_csv(world, text)
    assert [row.line for row in rows] == [3]


def test_a_note_without_a_figure_is_an_error_rather_than_lost(world):
    rows = read_csv(world, HEADER + "\nreferrals,,E06000001,,2025-26,,provisional,,,")
    assert "no figure in the value column" in errors_by_line(rows)[2][0]


def test_unknown_codes_and_bad_years_get_messages_that_say_what_to_write(world):
    text = "\n".join(
        [
            HEADER,
            "referals,,E06000001,,2025-26,12,,,,",
            "referrals,,E06000099,,2025-26,12,,,,",
            "referrals,,E06000001,,2025-27,12,,,,",
            "referrals,,,,2025-26,12,,,,",
            "training-sessions,,E06000001,,2025-26,12,,,,",
        ]
    )
    errors = errors_by_line(read_csv(world, text))
    assert errors[2] == ["“referals” is not a metric code of HSSCP. Did you mean “referrals”?"]
    assert "“E06000099” is not an area of HSSCP" in errors[3][0]
    assert 'so write "2025-26"' in errors[4][0]
    assert errors[5] == ["“Referrals” is given per area: fill in area_code (e.g. E06000001)."]
    assert errors[6] == ["“Training sessions” is a whole-partnership figure: leave area_code empty."]


def test_values_are_checked_against_the_metrics_rules(world):
    text = "\n".join(
        [
            HEADER,
            "re-referral-rate,,E06000001,,2025-26,120,,,,",
            "referrals,,E06000001,,2025-26,12.5,,,,",
            "referrals,,E06000004,,2025-26,12,,,x,",
            "referrals,,E06000004,,2024-25,12," + "n" * 201 + ",,,",
        ]
    )
    errors = errors_by_line(read_csv(world, text))
    assert errors[2] == ["A percentage must be between 0 and 100."]
    assert errors[3] == ["This is a count: enter a whole number, without decimals."]
    assert errors[4] == ['"Out of" (rank_out_of in a file) must be a whole number, e.g. 152 for "12 of 152".']
    assert errors[5] == ["The note can be at most 200 characters; this one has 201. Shorten it."]


def test_the_same_figure_twice_is_an_error_on_the_second_row(world):
    text = "\n".join([HEADER, "referrals,,E06000001,,2025-26,12,,,,", "referrals,,E06000001,,2025/26,13,,,,"])
    assert errors_by_line(read_csv(world, text)) == {
        3: ["Row 2 has the same metric, area and year: keep one of the two."]
    }


def test_a_part_larger_than_its_whole_in_the_same_file_is_an_error(world):
    text = "\n".join([HEADER, "referrals,,E06000001,,2025-26,10,,,,", "re-referrals,,E06000001,,2025-26,12,,,,"])
    errors = errors_by_line(read_csv(world, text))
    assert errors == {3: ["This cannot be more than “Referrals” for the same area and year (10)."]}


def test_a_part_or_whole_that_disagrees_with_a_stored_figure_is_an_error(world):
    f.ValueFactory(metric=world.metrics["referrals"], area=world.areas[0], year=ReportingYear(2025), value=50)
    f.ValueFactory(metric=world.metrics["re-referrals"], area=world.areas[1], year=ReportingYear(2025), value=40)
    text = "\n".join([HEADER, "re-referrals,,E06000001,,2025-26,60,,,,", "referrals,,E06000004,,2025-26,30,,,,"])
    errors = errors_by_line(read_csv(world, text))
    assert errors[2] == ["This cannot be more than “Referrals” for the same area and year (50)."]
    assert errors[3] == [
        "This cannot be less than “Re-referrals”, which is part of it, for the same area and year (40)."
    ]


def test_a_comparator_row_needs_a_number_and_takes_only_a_source_and_a_qualifier(world):
    text = "\n".join(
        [
            HEADER,
            "re-referral-rate,,E92000001,,2025-26,N/K,,,,",
            "re-referral-rate,,E12000001,,2025-26,21,DfE,Q1 only,,",
            "referrals,,E92000001,,2025-26,640000,DfE,,,",
            "referrals,,E12000001,,2025-26,31000,DfE,Approximate,,",
            "referrals,,E12000002,,2025-26,31000,DfE,,12,",
        ]
    )
    rows = read_csv(world, text)
    errors = errors_by_line(rows)
    assert errors[2] == ["A comparator needs a number: delete the row if you do not have it."]
    assert errors[3] == ["A comparator's qualifier is one of: approximate, estimate, provisional (or empty)."]
    assert rows[2].geography == "E92000001" and not rows[2].errors  # England's count is not an area's
    assert not rows[3].errors and rows[3].cell.qualifier == "approximate"  # an approximate figure says so
    assert errors[6] == [
        "A comparator takes only a value, its source (in note) and a qualifier: empty the other columns."
    ]


def test_a_return_accepts_only_its_own_metrics_areas_and_year(world):
    text = "\n".join(
        [
            HEADER,
            "training-attendees,,,,2025-26,3,,,,",
            "referrals,,E06000001,,2025-26,12,,,,",
            "training-attendees,,,,2024-25,3,,,,",
            "re-referral-rate,,E92000001,,2025-26,21,,,,",
        ]
    )
    preview = tabular.return_preview(world.council_return, read_csv(world, text))
    errors = {item.line: item.errors for item in preview if item.errors}
    assert 2 not in errors
    assert errors[3] == ["“Referrals” is not part of this return: delete this row."]
    assert errors[4] == ["This return is for 2025-26: change the year to 2025-26 or delete this row."]
    assert "comparators are set by the business unit" in errors[5][0]


def test_a_return_preview_shows_what_is_stored_last_year_and_large_changes(world):
    f.ValueFactory(
        metric=world.metrics["referrals"], area=world.areas[0], year=ReportingYear(2024), value=Decimal("100")
    )
    text = HEADER + "\nreferrals,,E06000001,,2025-26,400,,,,"
    (item,) = tabular.return_preview(world.police_return, read_csv(world, text))
    assert (item.state, item.value, item.last_year_value, item.area_name) == ("new", "400", "100", "Hartlepool")
    assert item.warnings == ["This is up 300% on last year (100). Check it, and explain the change before you submit."]


def test_template_rows_cover_every_cell_of_the_return_with_what_is_stored(world):
    fill_and_approve(world)
    dataset = tabular.template_dataset(selectors.return_sheet(world.police_return))
    assert dataset.headers == list(tabular.COLUMNS)
    assert len(dataset) == 3 * 2 + 2  # three per-area metrics in two areas, two whole-partnership metrics
    assert {row["year"] for row in dataset.dict} == {"2025-26"}
    assert ("ofsted-rank", "12", "152") in [(r["metric_code"], r["value"], r["rank_out_of"]) for r in dataset.dict]


def test_an_export_of_a_retired_metric_reads_back_for_the_years_it_was_collected(world):
    metric = f.MetricFactory(partnership=world.partnership, code="old", retired_in=ReportingYear(2025))
    rows = read_csv(world, "\n".join([HEADER, "old,,E06000001,,2024-25,5,,,,", "old,,E06000001,,2025-26,5,,,,"]))
    assert errors_by_line(rows) == {3: [f"“{metric.name}” is not collected from 2025-26 on."]}


def test_an_import_row_from_an_xlsx_file_reads_typed_numbers_and_dates_as_text(world):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["metric_code", "area_code", "year", "value", "rank_out_of"])
    sheet.append(["referrals", "E06000001", "2025-26", 120, None])
    sheet.append(["re-referral-rate", "E06000001", "2025-26", 12.5, None])
    sheet.append(["referrals", "E06000004", dt.datetime(2025, 1, 26), 3, None])
    out = io.BytesIO()
    workbook.save(out)
    rows = tabular.match_rows(world.partnership, tabular.read_upload(out.getvalue(), "xlsx"))
    assert [row.cell.raw for row in rows] == ["120", "12.5", "3"]
    assert "is not a reporting year" in errors_by_line(rows)[4][0]


def test_a_file_with_hundreds_of_columns_is_refused_without_reading_them_all():

    header = ",".join(["metric_code", "area_code", "year", "value"] + [f"extra{n}" for n in range(20_000)])
    rows = "\n".join([header] + [","] * 2_000)
    with pytest.raises(services.FigureError, match="more than 40 columns"):
        tabular.read_upload(rows.encode(), "wide.csv")


def test_empty_columns_after_the_last_used_one_are_ignored():
    header = "metric_code,area_code,year,value" + "," * 200
    dataset = tabular.read_upload((header + "\nreferrals,E06000001,2025-26,5").encode(), "padded.csv")
    assert dataset.headers == ["metric_code", "area_code", "year", "value"]


def test_rows_beyond_the_limit_are_refused_even_after_a_blank_row(monkeypatch):
    monkeypatch.setattr(tabular, "MAX_ROWS", 3)
    text = (
        "metric_code,area_code,year,value\n"
        + "referrals,E06000001,2025-26,1\n" * 3
        + "\nreferrals,E06000004,2025-26,2\n"
    )
    with pytest.raises(services.FigureError, match="more than 3 rows"):
        tabular.read_upload(text.encode(), "long.csv")


def test_a_workbook_that_unzips_to_a_huge_size_is_refused(monkeypatch):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["metric_code", "area_code", "year", "value"])
    workbook.active.append(["referrals", "E06000001", "2025-26", "x" * 30_000])
    buffer = io.BytesIO()
    workbook.save(buffer)
    monkeypatch.setattr(tabular, "MAX_XLSX_EXPANDED_BYTES", 20_000)
    with pytest.raises(services.FigureError, match="too large once opened"):
        tabular.read_upload(buffer.getvalue(), "bomb.xlsx")


def test_an_overlong_cell_is_refused_with_its_row():
    text = "metric_code,area_code,year,value,explanation\nreferrals,E06000001,2025-26,1," + "y" * 3_000
    with pytest.raises(services.FigureError, match="Row 2 has a cell longer than 2,000 characters"):
        tabular.read_upload(text.encode(), "long-cell.csv")


def test_a_damaged_workbook_is_refused_in_words(monkeypatch):
    def damaged(*args, **kwargs):
        raise NotImplementedError("zip file version 9.9")  # what zipfile raises for some damage

    monkeypatch.setattr(tabular.zipfile, "ZipFile", damaged)
    with pytest.raises(services.FigureError, match="could not be read as an Excel workbook"):
        tabular.read_upload(b"PK\x03\x04 damaged", "damaged.xlsx")


# --- Text that must come back exactly, or be refused at its row ---------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("note", ["'=x", "=x", "'hello", "''=y", "-2 cancelled", "+44 1642"])
def test_notes_that_look_like_formulas_or_start_with_an_apostrophe_come_back_exactly(world, fmt, note):
    key = (world.metrics["referrals"].pk, world.areas[0].pk)
    services.save_return(world.police_return, {key: services.CellInput(raw="5", note=note)}, by=world.submitter)
    content = tabular.dataset_bytes(export_all(world.partnership), fmt)
    rows = tabular.match_rows(world.partnership, tabular.read_upload(content, f"figures.{fmt}"))
    assert [row.cell.note for row in rows] == [note]


def test_a_csv_with_an_unclosed_quote_is_refused_with_the_row_where_it_opens(world):
    text = HEADER + '\nreferrals,,E06000001,,2025-26,5,"as at 31 March,,,\nreferrals,,E06000004,,2025-26,6,,,,\n'
    with pytest.raises(services.FigureError, match=r"Row 2 opens a quotation mark \(\"\) that is never closed"):
        tabular.read_upload(text.encode(), "figures.csv")


def test_a_nul_or_control_character_in_a_csv_text_is_an_error_at_its_row_not_at_confirmation(world):
    text = HEADER + "\nreferrals,,E06000001,,2025-26,5,as at\x00 31 March,,,\nreferrals,,E06000004,,2025-26,6,,Q2\x07,,"
    errors = errors_by_line(read_csv(world, text))
    assert errors[2] == [
        "The note contains an invisible control character (U+0000, at character 6), often pasted from another "
        "program. Retype that part."
    ]
    assert "The qualifier contains an invisible control character (U+0007" in errors[3][0]


def test_the_form_and_the_upload_apply_the_same_text_rules(world):
    from metrics.validation import TEXT_LIMITS

    long_qualifier = "q" * (TEXT_LIMITS["qualifier"] + 1)
    file_errors = errors_by_line(read_csv(world, HEADER + f"\nreferrals,,E06000001,,2025-26,5,,{long_qualifier},,"))
    key = (world.metrics["referrals"].pk, world.areas[0].pk)
    checks = services.save_return(
        world.police_return, {key: services.CellInput(raw="5", qualifier=long_qualifier)}, by=world.submitter
    )
    assert file_errors[2] == checks[key].errors


def test_the_model_lengths_are_the_validation_limits():
    from metrics.models import MetricValue
    from metrics.validation import TEXT_LIMITS

    assert MetricValue._meta.get_field("note").max_length == TEXT_LIMITS["note"]
    assert MetricValue._meta.get_field("qualifier").max_length == TEXT_LIMITS["qualifier"]
