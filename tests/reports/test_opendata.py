"""Open data files say what the report says: every column, suppression as printed, safe in a spreadsheet."""

import csv
import io
import json

from reports.publishing.opendata import COLUMNS, CitedFigure, figures_csv, figures_json


def _figure(**changes):
    values = {
        "metric_code": "referrals",
        "metric": "Referrals to children's social care",
        "definition": "Contacts accepted as referrals in the year",
        "unit": "count",
        "period": "2024-25",
        "area": "Hartlepool",
        "ons_code": "E06000001",
        "value": "1432",
        "shown_in_report_as": "1,432",
        "suppressed": False,
        "source": "Hartlepool Borough Council",
        "section": "Early help and referrals",
    }
    return CitedFigure(**{**values, **changes})


def test_the_csv_has_a_header_and_one_row_per_cited_figure():
    suppressed = _figure(
        area="Stockton-on-Tees", ons_code="E06000004", value="", shown_in_report_as="fewer than 5", suppressed=True
    )
    data = figures_csv([_figure(), suppressed])
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == COLUMNS
    assert rows[0]["value"] == "1432" and rows[0]["ons_code"] == "E06000001" and rows[0]["suppressed"] == "no"
    assert rows[1]["value"] == "" and rows[1]["shown_in_report_as"] == "fewer than 5" and rows[1]["suppressed"] == "yes"


def test_text_that_a_spreadsheet_would_run_is_defused_but_negative_numbers_are_not():
    data = figures_csv([_figure(section='=HYPERLINK("http://x")', value="-3.5")])
    row = next(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert row["section"].startswith("'=")
    assert row["value"] == "-3.5"


def test_the_json_carries_what_it_is_about_and_the_same_figures():
    document = json.loads(figures_json([_figure()], about={"partnership": "HSSCP", "year": "2024-25", "version": 1}))
    assert document["about"]["version"] == 1
    assert document["columns"] == COLUMNS
    assert document["figures"][0]["shown_in_report_as"] == "1,432"
    assert document["figures"][0]["suppressed"] is False
