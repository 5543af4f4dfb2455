"""Benchmark: saving one return of 200 metrics × 4 areas (800 figures) as an agency would.

Run: .venv/bin/python bench/figures_save.py   (DATABASE_URL may point at PostgreSQL; default a
throw-away SQLite file). Prints `name: value` lines.
"""

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
workdir = tempfile.mkdtemp(prefix="bench-figures-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnership_portal.settings")

import django  # noqa: E402
from machine import print_machine_speed  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402

from metrics import services  # noqa: E402
from metrics.models import Metric  # noqa: E402
from partners import services as partners  # noqa: E402
from partners.models import User  # noqa: E402
from partners.years import ReportingYear  # noqa: E402

METRICS, AREAS, ROUNDS = 200, 4, 7


def build():
    call_command("migrate", verbosity=0)
    with scopes_disabled():
        partnership = partners.ensure_partnership(slug="bench", name="Bench partnership", short_name="BENCH")
        areas = [
            partners.ensure_area(partnership=partnership, ons_code=f"E060000{n:02d}", name=f"Area {n}")
            for n in range(1, AREAS + 1)
        ]
        agency = partners.ensure_agency(name="Bench Police", kind="police")
        user = User.objects.create(username="bench-analyst")
        metrics = Metric.objects.bulk_create(
            Metric(partnership=partnership, code=f"m{n:03d}", name=f"Metric {n}", unit="count", position=n)
            for n in range(METRICS)
        )
        _, (ret,) = services.open_round(
            partnership=partnership,
            year=ReportingYear(2025),
            opens_on=dt.date(2026, 4, 1),
            closes_on=dt.date(2026, 5, 31),
            areas=areas,
            assignments={agency: metrics},
            by=user,
        )
    return ret, metrics, areas, user


def cells(metrics, areas, offset):
    return {
        (m.pk, a.pk): services.CellInput(raw=str(100 + offset + i), note="as at 31 March")
        for i, m in enumerate(metrics)
        for a in areas
    }


def main():
    ret, metrics, areas, user = build()
    timings, cpu, queries = [], [], []
    with scopes_disabled():
        for attempt in range(ROUNDS):
            data = cells(metrics, areas, attempt)  # every figure differs from the last save
            reset_queries()
            with CaptureQueriesContext(connection) as captured:
                started, started_cpu = time.perf_counter(), time.process_time()
                checks = services.save_return(ret, data, by=user)
                timings.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            assert not any(c.errors for c in checks.values())
            queries.append(len(captured))
    print(f"figures_per_save: {METRICS * AREAS}")
    print(f"database: {connection.vendor}")
    print_machine_speed()
    print(f"first_save_seconds: {timings[0]:.3f}")
    print(f"median_save_seconds: {statistics.median(timings[1:]):.3f}")
    print(f"median_save_cpu_seconds: {statistics.median(cpu[1:]):.3f}")  # this process only (not PostgreSQL's)
    print(f"first_save_queries: {queries[0]}")
    print(f"update_save_queries: {queries[-1]}")


if __name__ == "__main__":
    main()
