"""Benchmark: building the demo's 2024-25 report document (every block, every figure resolved)
and rendering it through the block templates, as the preview does.

Run: .venv/bin/python bench/report_document.py   (DATABASE_URL may point at PostgreSQL; default a
throw-away SQLite file with the demo loaded). Prints `name: value` lines.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
workdir = tempfile.mkdtemp(prefix="bench-report-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnership_portal.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_scopes import scope  # noqa: E402

from partners.models import Partnership  # noqa: E402
from reports.models import Report  # noqa: E402
from reports.selectors import build_document  # noqa: E402

RUNS = 7


def main():
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115 - silenced for the bench
    hsscp = Partnership.objects.get(slug="hsscp")
    with scope(partnership=hsscp):
        report = Report.objects.get(partnership=hsscp, year="2024-25")
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                document = build_document(report)
                html = render_to_string("reports/_document.html", {"sections": document.sections})
            timings.append(time.perf_counter() - start)
        blocks = sum(len(s.blocks) for s in document.all_sections())
    print(f"sections: {sum(1 for _ in document.all_sections())}")
    print(f"blocks: {blocks}")
    print(f"queries: {len(queries)}")
    print(f"html_kb: {len(html) // 1024}")
    print(f"build_and_render_median_ms: {statistics.median(timings) * 1000:.0f}")


if __name__ == "__main__":
    main()
