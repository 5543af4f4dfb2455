"""The demo report's PDF, as `render_report` makes it: twenty pages or more with eight charts or
more, tagged PDF/UA-1 with title, language and subject, fonts embedded, bookmarks mirroring the
headings, and contents page numbers that are the pages the headings land on.

One render of the demo shared by the tests of this module (WeasyPrint and the chart export are
the slow part).
"""

import re
import subprocess
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django_scopes import scope, scopes_disabled
from pypdf import PdfReader

from partnership_portal.demo import loader
from reports.rendering.context import build_render_document, report_for
from reports.rendering.pipeline import render_pdf

from .helpers import make_report

_SHARED = {}


@pytest.fixture
def rendered(db, tmp_path_factory):
    """`render_report hsscp 2024-25 --format pdf` on the demo, run once for the module."""
    if "pdf" not in _SHARED:
        loader.load()
        path = tmp_path_factory.mktemp("pdf") / "hsscp-2024-25.pdf"
        out = StringIO()
        call_command("render_report", "hsscp", "2024-25", "--format", "pdf", "--output", str(path), stdout=out)
        with scopes_disabled():
            report = report_for("hsscp", "2024-25")
        with scope(partnership=report.partnership):
            document = build_render_document(report)
        _SHARED["pdf"] = (path, document, out.getvalue())
    return _SHARED["pdf"][:2]


def test_render_report_gives_the_demo_as_twenty_pages_or_more_with_eight_charts_or_more(rendered):
    path, document = rendered
    progress = _SHARED["pdf"][2].splitlines()
    assert [line.split(" (")[0] for line in progress[:2]] == ["Gathering data", f"Charts 0 of {len(document.charts)}"]
    assert progress[-2].startswith("Done")
    reader = PdfReader(path)
    assert len(reader.pages) >= 20
    captions = re.findall(r"^Figure (\d+):", "\n".join(p.extract_text() for p in reader.pages), re.M)
    assert len(document.charts) >= 8 and len(set(captions)) == len(document.charts)


def _run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def test_the_pdf_is_tagged_with_title_language_and_subject(rendered):
    path, document = rendered
    info = _run("pdfinfo", str(path))
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Title:\s+Annual report 2024-25$", info, re.M)
    assert re.search(r"^Subject:\s+The statutory annual report of Hartlepool and Stockton-on-Tees", info, re.M)
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
    assert len(entries) >= 12
    for heading in entries:
        words = r"\s+".join(map(re.escape, heading.split()))
        match = re.search(words + r"[ .]*?(\d+)\s*$", contents, re.M)
        assert match, f"{heading!r} not in the contents:\n{contents}"
        page_number = int(match.group(1))
        assert heading in " ".join(pages[page_number - 1].split()), (heading, page_number)
        if page_number > 3:  # not already on the page before (page 2 is the contents itself)
            assert heading not in " ".join(pages[page_number - 2].split()), (heading, page_number - 1)


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


def test_the_footer_says_page_x_of_y(rendered):
    path, _ = rendered
    reader = PdfReader(path)
    total = len(reader.pages)
    for number in (2, total):
        assert f"Page {number} of {total}" in reader.pages[number - 1].extract_text()


def test_a_long_tables_rows_never_split_its_header_repeats_and_the_pdf_is_reproducible(world):
    plan = {
        "type": "action_plan",
        "value": {
            "caption": "Action plan",
            "rows": [
                {"what": f"Action {i}", "how": "Words " * (i % 7 * 6), "rag": ["red", "amber", "green"][i % 3]}
                for i in range(60)
            ],
        },
    }
    report = make_report(world, sections=[("Action plan", [plan])])
    with scope(partnership=world.partnership):
        pdf = render_pdf(build_render_document(report_for("hsscp", report.year)))
        again = render_pdf(build_render_document(report_for("hsscp", report.year)))
    assert pdf == again, "the same data must give the same PDF, byte for byte"
    pages = [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]
    plan_pages = [text for text in pages if re.search(r"\bAction\s+\d+", text)]
    assert len(plan_pages) >= 3, pages
    assert all("Phase" in text and "Status" in text for text in plan_pages)
    # Each row whole on one page: its words never begin on one page and end on the next.
    for i in range(60):
        holding = [text for text in plan_pages if re.search(rf"\bAction\s+{i}\b", text)]
        assert len(holding) == 1, i
