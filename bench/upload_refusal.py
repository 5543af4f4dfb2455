"""Benchmark: a 50,000-row workbook posted to a return's import (a return of 18 figures).

Run: .venv/bin/python bench/upload_refusal.py   Prints `name: value` lines: the file's size, and
the time to read it as far as needed and refuse it (median of 5), against the administrators'
full read of the same file.
"""

import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnership_portal.settings")

import django  # noqa: E402

django.setup()

from openpyxl import Workbook  # noqa: E402

from metrics import tabular  # noqa: E402
from metrics.errors import FigureError  # noqa: E402

ROWS, RETURN_FIGURES = 50_000, 18


def workbook_bytes():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Figures")
    sheet.append(["metric_code", "area_code", "year", "value"])
    for _ in range(ROWS):
        sheet.append(["missing_episodes", "E06000001", "2025-26", 1])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def timed(data, max_rows):
    started = time.perf_counter()
    try:
        tabular.read_upload(data, "huge.xlsx", max_rows=max_rows)
    except FigureError:
        pass
    return time.perf_counter() - started


data = workbook_bytes()
print(f"upload_file_kib: {len(data) / 1024:.0f}")
print(f"upload_return_refusal_seconds: {statistics.median(timed(data, RETURN_FIGURES) for _ in range(5)):.3f}")
print(f"upload_admin_full_read_seconds: {timed(data, None):.3f}")
