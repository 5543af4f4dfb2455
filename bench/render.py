"""Benchmark: rendering the demo 2024-25 report (HSSCP) to PDF, against bare WeasyPrint.

Run: .venv/bin/python bench/render.py   (a throw-away SQLite file with the demo loaded; set
DATABASE_URL to use another database). Prints `name: value` lines:

- cold render (empty chart cache: every chart exported through kaleido) and warm render (every
  chart from the cache), both from the database to PDF bytes;
- the floor: the same final print HTML through bare WeasyPrint (`HTML(string).write_pdf()`), and
  the ratios of the renders to it (targets: warm <= 1.1 x floor; cold <= 1.3 x floor + export),
  by the wall clock and, for warm and floor, by this process's CPU time (steadier on a busy machine);
- the context builder's query count for the demo report and for a report four times its size;
- section preview times (HTML and a one-section PDF; targets 200 ms and 1.5 s).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
workdir = tempfile.mkdtemp(prefix="bench-render-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnership_portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_scopes import scope, scopes_disabled  # noqa: E402

from partners.models import User  # noqa: E402
from reports import services  # noqa: E402
from reports.models import Section  # noqa: E402
from reports.rendering import pdf as pdf_module  # noqa: E402
from reports.rendering.context import build_render_document, report_for  # noqa: E402
from reports.rendering.pipeline import (  # noqa: E402
    PRINT,
    WEB,
    Timings,
    export_charts,
    print_stylesheet,
    render_html,
    render_pdf,
)

settings.RENDER_CHART_CACHE = Path(workdir) / "chart-cache"
RUNS = 3


def render(year="2024-25"):
    """Database to PDF bytes, as `render_report` does it."""
    with scopes_disabled():
        report = report_for("hsscp", year)
    with scope(partnership=report.partnership):
        document = build_render_document(report)
        timings = Timings()
        data = render_pdf(document, timings=timings)
    return data, document, timings


CPU = {}  # function name -> median CPU seconds of this process (the wall clock counts other load too)


def timed(function, runs=1):
    times, cpu = [], []
    result = None
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = function()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    CPU[function.__name__] = statistics.median(cpu)
    return statistics.median(times), result


def context_queries(year):
    with scopes_disabled():
        report = report_for("hsscp", year)
    with scope(partnership=report.partnership), CaptureQueriesContext(connection) as queries:
        document = build_render_document(report)
    return len(queries), document


def four_times_larger():
    """The demo report's sections four times over, as a 2030-31 report (same blocks, same figures)."""
    with scopes_disabled():
        demo = report_for("hsscp", "2024-25")
        editor = User.objects.get(username="editor")
        sections = list(Section.objects.filter(report=demo, parent=None).order_by("position"))
        children = {s.pk: list(s.children.order_by("position")) for s in sections}
    with scope(partnership=demo.partnership):
        big = services.create_report(demo.partnership, year="2030-31", title="Annual report (4x)", by=editor)
        for copy in range(4):
            for section in sections:
                top = services.add_section(big, title=f"{section.title} ({copy + 1})", body=section.body, by=editor)
                for child in children[section.pk]:
                    services.add_section(big, title=child.title, body=child.body, by=editor, parent=top)
    return big


def main():
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))

    cold, (data, document, cold_timings) = timed(render)
    warm, (data, document, warm_timings) = timed(render, RUNS)
    warm_cpu = CPU["render"]
    assert warm_timings.charts_exported == 0, "the warm render exported charts again"

    # The floor: the same final print HTML (charts already in it) through bare WeasyPrint.
    from weasyprint import CSS, HTML

    export_charts(document)
    html = render_html(document, target=PRINT)
    stylesheet = print_stylesheet(document)
    fetcher = pdf_module._fetcher()

    def bare():
        return HTML(string=html, base_url="file:///", url_fetcher=fetcher).write_pdf(
            stylesheets=[CSS(string=stylesheet)], pdf_variant=pdf_module.PDF_VARIANT
        )

    floor, _ = timed(bare, RUNS)
    export = cold_timings.stages.get("charts", 0.0)

    demo_queries, _ = context_queries("2024-25")
    four_times_larger()
    big_queries, big_document = context_queries("2030-31")

    with scopes_disabled():
        section = Section.objects.filter(report__partnership__slug="hsscp", report__year="2024-25").first()
        report = section.report
    with scope(partnership=report.partnership):

        def preview_html():
            return render_html(build_render_document(report, section_ids=[section.pk]), target=WEB)

        def preview_pdf():
            return render_pdf(build_render_document(report, section_ids=[section.pk]))

        preview_html()  # templates compiled once, as in a running server
        html_time, _ = timed(preview_html, 5)
        pdf_time, _ = timed(preview_pdf, RUNS)

    lines = {
        "demo_pages": warm_timings.pages,
        "demo_charts": len(document.charts),
        "cold_render_s": f"{cold:.2f}",
        "cold_chart_export_s": f"{export:.2f}",
        "warm_render_s": f"{warm:.2f}",
        "bare_weasyprint_s": f"{floor:.2f}",
        "warm_over_bare": f"{warm / floor:.2f}",
        "warm_render_cpu_s": f"{warm_cpu:.2f}",
        "bare_weasyprint_cpu_s": f"{CPU['bare']:.2f}",
        "warm_over_bare_cpu": f"{warm_cpu / CPU['bare']:.2f}",
        "cold_over_bare_plus_export": f"{cold / (floor + export):.2f}",
        "context_queries_demo": demo_queries,
        "context_queries_4x": big_queries,
        "sections_demo_vs_4x": f"{len(document.sections)} vs {len(big_document.sections)}",
        "section_preview_html_ms": f"{html_time * 1000:.0f}",
        "section_preview_html_cpu_ms": f"{CPU['preview_html'] * 1000:.0f}",
        "section_preview_pdf_s": f"{pdf_time:.2f}",
        "section_preview_pdf_cpu_s": f"{CPU['preview_pdf']:.2f}",
        "pdf_bytes": len(data),
    }
    for name, value in lines.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
