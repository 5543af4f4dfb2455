"""The police fill in their 2025-26 return offline: download the CSV, fill it in, upload it.

A wrong percentage is caught on its row before anything is saved; the corrected file is
previewed, imported as a draft, shown in the return's boxes and recorded in its history.
"""

import csv
import io
import re
from pathlib import Path

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from metrics.models import MetricValue
from partners.years import ReportingYear

from .helpers import figure, log_in, messages, return_status, save_download

pytestmark = pytest.mark.e2e

POLICE = "Cleveland Police"
PERCENT = "da_incidents_children_present_pct"
PERCENT_NAME = "Domestic abuse incidents with a child present"
PERCENT_RULE = "A percentage must be between 0 and 100."
# What the police type, near last year's figures (no large-change warnings); parts within their wholes.
FIGURES = {
    "cse_risk": {"Hartlepool": "6", "Stockton-on-Tees": "17"},
    "cce_risk": {"Hartlepool": "23", "Stockton-on-Tees": "30"},
    "missing_episodes": {"Hartlepool": "840", "Stockton-on-Tees": "1495"},
    "missing_young_people": {"Hartlepool": "280", "Stockton-on-Tees": "470"},
    "lac_missing_episodes": {"Hartlepool": "330", "Stockton-on-Tees": "640"},
    "lac_missing_young_people": {"Hartlepool": "58", "Stockton-on-Tees": "101"},
    "da_children_present": {"Hartlepool": "1400", "Stockton-on-Tees": "2290"},
    "da_repeat_incidents_children": {"Hartlepool": "300", "Stockton-on-Tees": "310"},
    PERCENT: {"Hartlepool": "37.5", "Stockton-on-Tees": "41.2"},
}
FIGURE_COUNT = sum(len(by_area) for by_area in FIGURES.values())  # 18: 9 metrics for 2 areas


# --- The file, as the police edit it in a spreadsheet ---------------------------------------


def read_csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def write_csv(path: Path, rows: list[dict]):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8-sig"))  # as Excel saves "CSV UTF-8"


def fill_in(path: Path, *, percent_for_hartlepool: str) -> int:
    """Every value filled in; returns the spreadsheet row (header is row 1) of Hartlepool's percentage."""
    rows = read_csv(path)
    for row in rows:
        row["value"] = FIGURES[row["metric_code"]][row["area_name"]]
    [line] = [
        i for i, row in enumerate(rows, start=2) if (row["metric_code"], row["area_name"]) == (PERCENT, "Hartlepool")
    ]
    rows[line - 2]["value"] = percent_for_hartlepool
    write_csv(path, rows)
    return line


def police_figures_for_2025_26() -> int:
    """How many of the return's figures are stored (a refused or previewed file stores none)."""
    with scopes_disabled():
        return MetricValue.objects.filter(
            partnership__slug="hsscp", year=ReportingYear(2025), metric__code__in=list(FIGURES)
        ).count()


# --- The browser ---------------------------------------------------------------------------


def partner_opens_the_return(page: Page):
    page.get_by_role("link", name="Dashboard", exact=True).click()
    page.get_by_role("link", name=f"Enter and submit {POLICE}'s figures").click()
    page.get_by_role("link", name="Open the 2025-26 return").click()
    expect(page.get_by_role("heading", name=f"{POLICE}: figures for 2025-26")).to_be_visible()


def partner_downloads_the_csv(page: Page, folder: Path) -> Path:
    path = save_download(page, page.get_by_role("link", name="Download CSV"), folder)
    assert path.name == "hsscp-cleveland-police-2025-26.csv"
    rows = read_csv(path)
    assert sorted((row["metric_code"], row["area_name"]) for row in rows) == sorted(
        (code, area) for code, by_area in FIGURES.items() for area in by_area
    )
    assert {row["year"] for row in rows} == {"2025-26"}
    assert {row["value"] for row in rows} == {""}  # nothing entered yet
    return path


def upload(page: Page, path: Path):
    page.get_by_label("Your completed file").set_input_files(path)
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", name="Check your import")).to_be_visible()


def the_wrong_percentage_is_shown_on_its_row_and_nothing_is_imported(page: Page, path: Path, line: int):
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(f"Nothing has been imported: 1 row of {path.name} needs correcting")
    expect(summary.get_by_role("listitem")).to_have_count(1)
    expect(summary.get_by_role("listitem")).to_have_text(f"Row {line}: {PERCENT_RULE}")
    row = page.locator(f"#row-{line}")
    expect(row.get_by_role("rowheader")).to_have_text(f"Row {line}")
    expect(row).to_contain_text(PERCENT_NAME)
    expect(row).to_contain_text("Hartlepool")
    expect(row).to_contain_text("120")
    expect(row).to_contain_text(PERCENT_RULE)
    expect(page.locator("tbody tr.table-danger")).to_have_count(1)
    expect(page.get_by_role("button", name=re.compile(r"^Import \d+ figures?$"))).to_have_count(0)
    assert police_figures_for_2025_26() == 0


def the_corrected_file_passes_and_is_imported(page: Page, path: Path):
    expect(page.get_by_role("alert")).to_have_count(0)
    preview = page.get_by_role("status").filter(has_text="Nothing is saved yet.")
    expect(preview).to_contain_text(
        f"{path.name} has {FIGURE_COUNT} figures for this return: {FIGURE_COUNT} new, 0 changed, 0 unchanged."
    )
    expect(preview).not_to_contain_text("large change")
    expect(page.locator("tbody tr")).to_have_count(0)  # a summary; rows are listed only when they need attention
    assert police_figures_for_2025_26() == 0  # a preview saves nothing

    page.get_by_role("button", name=f"Import {FIGURE_COUNT} figures").click()

    expect(page.get_by_role("heading", name=f"{POLICE}: figures for 2025-26")).to_be_visible()
    expect(messages(page)).to_contain_text(
        f"Imported {path.name}: {FIGURE_COUNT} new, 0 changed, 0 unchanged. "
        "Check them here, then submit the return when it is complete."
    )
    expect(return_status(page)).to_contain_text(re.compile(r"Status:\s*Draft\s*$"))


def the_boxes_show_the_imported_figures(page: Page, names: dict):
    for code, by_area in FIGURES.items():
        for area, value in by_area.items():
            expect(figure(page, names[code], area)).to_have_value(value)
    assert police_figures_for_2025_26() == FIGURE_COUNT


def history_shows_the_changes_made_by_the_import(page: Page, names: dict):
    page.get_by_role("link", name="History and audit").click()
    expect(page.get_by_role("heading", name=f"History: {POLICE}, 2025-26")).to_be_visible()
    events = page.locator(".event-list > li")
    by_import = events.filter(has_text="via import")
    expect(by_import).to_have_count(FIGURE_COUNT + 1)  # a change per figure, and the draft saved
    expect(by_import.filter(has_text="Draft saved")).to_have_count(1)
    for code, by_area in FIGURES.items():
        for area, value in by_area.items():
            expect(by_import.filter(has_text=f"{names[code]}, {area}: empty → {value}")).to_have_count(1)
    expect(events.filter(has_text="→ 120")).to_have_count(0)  # the refused file left no trace
    expect(events.filter(has_text="Pat Analyst")).to_have_count(FIGURE_COUNT + 1)


def test_a_partner_fills_in_the_return_offline_and_a_wrong_row_is_caught_before_the_import(page: Page, demo, tmp_path):
    log_in(page, "partner")
    partner_opens_the_return(page)
    expect(return_status(page)).to_contain_text(re.compile(r"Status:\s*Not started\s*$"))
    path = partner_downloads_the_csv(page, tmp_path)
    names = {row["metric_code"]: row["metric_name"] for row in read_csv(path)}

    line = fill_in(path, percent_for_hartlepool="120")
    page.get_by_role("link", name="Upload a filled-in file").click()
    expect(page.get_by_role("heading", name="Import figures from a spreadsheet")).to_be_visible()
    upload(page, path)
    the_wrong_percentage_is_shown_on_its_row_and_nothing_is_imported(page, path, line)

    fill_in(path, percent_for_hartlepool=FIGURES[PERCENT]["Hartlepool"])
    upload(page, path)  # with the form under "Upload the corrected file"
    the_corrected_file_passes_and_is_imported(page, path)
    the_boxes_show_the_imported_figures(page, names)
    history_shows_the_changes_made_by_the_import(page, names)
