"""The PDF itself: tagged PDF/UA-1 with title, language and subject, fonts embedded, bookmarks
mirroring the headings, and contents page numbers that are the pages the headings land on.

One render shared by the tests of this module (WeasyPrint and the chart export are the slow part).
"""

import re
import subprocess
from io import BytesIO

import pytest
from django_scopes import scope
from pypdf import PdfReader

from reports.rendering.context import build_render_document, report_for
from reports.rendering.pipeline import Timings, render_pdf

from .helpers import approve, make_report, rich

LONG_TEXT = "<p>" + "Partners met, agreed and checked the work that keeps children safe. " * 40 + "</p>"


_SHARED = {}


@pytest.fixture
def rendered(world, tmp_path_factory):
    """A report of eight sections (charts, a long action plan) rendered once for the module."""
    if "pdf" not in _SHARED:
        for year, value in (("2022-23", 1100), ("2023-24", 1200), ("2024-25", 1510)):
            approve(world, "referrals", value, year)
            approve(world, "referrals", value + 300, year, area_index=1)
        referrals = world.metrics["referrals"]
        chart = {"type": "chart", "value": {"title": "Referrals", "kind": "trend", "metrics": [referrals.pk]}}
        plan = {
            "type": "action_plan",
            "value": {
                "caption": "Action plan",
                "rows": [{"what": f"Action {i}", "rag": ["red", "amber", "green"][i % 3]} for i in range(40)],
            },
        }
        sections = [(f"Chapter {i}", [rich(LONG_TEXT * (i % 3 + 1)), chart]) for i in range(1, 8)]
        sections.append(("Action plan", [plan]))
        report = make_report(world, sections=sections)
        with scope(partnership=world.partnership):
            document = build_render_document(report_for("hsscp", report.year))
        path = tmp_path_factory.mktemp("pdf") / "report.pdf"
        path.write_bytes(render_pdf(document, timings=Timings()))
        _SHARED["pdf"] = (path, document)
    return _SHARED["pdf"]


def _run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def test_the_pdf_is_tagged_with_title_language_and_subject(rendered):
    path, document = rendered
    info = _run("pdfinfo", str(path))
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Title:\s+Annual report 2024-25$", info, re.M)
    assert re.search(r"^Subject:\s+The statutory annual report of Hartlepool and Stockton", info, re.M)
    reader = PdfReader(path)
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_every_font_is_embedded_and_none_comes_from_the_system(rendered):
    path, _ = rendered
    lines = _run("pdffonts", str(path)).splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        assert "Atkinson-Hyperlegible" in line, line
        assert line.split()[-5] == "yes", f"not embedded: {line}"


def test_each_contents_entry_gives_the_page_its_heading_is_on(rendered):
    path, document = rendered
    pages = [page.extract_text() for page in PdfReader(path).pages]
    contents = pages[1]
    assert contents.startswith("Contents") or "Contents" in contents.splitlines()[:3]
    entries = [section.heading for section in document.sections]
    assert len(entries) == 8
    for heading in entries:
        match = re.search(re.escape(heading) + r"[ .]*?(\d+)\s*$", contents, re.M)
        assert match, f"{heading!r} not in the contents:\n{contents}"
        page_number = int(match.group(1))
        first_lines = pages[page_number - 1].splitlines()[:4]
        assert any(line.strip() == heading for line in first_lines), (heading, page_number, first_lines)


def test_bookmarks_mirror_the_headings(rendered):
    path, document = rendered
    outline = PdfReader(path).outline
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(outline)
    for section in document.sections:
        assert section.heading in titles


def test_the_footer_says_page_x_of_y_and_long_tables_repeat_their_header(rendered):
    path, _ = rendered
    reader = PdfReader(BytesIO(path.read_bytes()))
    total = len(reader.pages)
    last = reader.pages[-1].extract_text()
    assert f"Page {total} of {total}" in last
    plan_pages = [p.extract_text() for p in reader.pages if re.search(r"^Action \d+", p.extract_text(), re.M)]
    assert len(plan_pages) >= 2
    assert all("Phase" in text and "Status" in text for text in plan_pages)
