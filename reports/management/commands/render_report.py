"""`manage.py render_report hsscp 2024-25 --format pdf --output report.pdf`: any report, draft or not."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django_scopes import scope, scopes_disabled

from partners.years import InvalidReportingYear, ReportingYear
from reports.rendering.context import build_render_document, report_for
from reports.rendering.pipeline import DONE, GATHERING, WEB, Timings, render_html, render_pdf, stage_text


class Command(BaseCommand):
    help = "Render a partnership's report for a year to PDF or HTML, printing a line per stage."

    def add_arguments(self, parser):
        parser.add_argument("partnership", help="The partnership's slug, e.g. hsscp.")
        parser.add_argument("year", help="The reporting year, e.g. 2024-25.")
        parser.add_argument("--format", choices=["pdf", "html"], default="pdf")
        parser.add_argument("--output", required=True, help="Where to write the file ('-' for standard output).")

    def handle(self, *args, partnership, year, format, output, **options):
        try:
            year = ReportingYear.parse(year)
        except InvalidReportingYear as error:
            raise CommandError(str(error)) from error
        started = time.perf_counter()
        # Progress goes to standard error, so `--output -` can pipe the file itself.
        say = (lambda text: self.stderr.write(text)) if output == "-" else (lambda text: self.stdout.write(text))

        def progress(stage, done=None, total=None):
            say(f"{stage_text(stage, done, total)} ({time.perf_counter() - started:.1f} s)")

        with scopes_disabled():
            try:
                report = report_for(partnership, year)
            except Http404 as error:
                raise CommandError(f"No report of {partnership!r} for {year}.") from error
        with scope(partnership=report.partnership):
            progress(GATHERING)
            document = build_render_document(report)
            if format == "pdf":
                timings = Timings()
                data = render_pdf(document, progress=progress, timings=timings)
                summary = f"{timings.pages} pages, {len(document.charts)} charts"
            else:
                data = render_html(document, target=WEB).encode("utf-8")
                progress(DONE)
                summary = f"{len(document.sections)} sections, {len(document.charts)} charts"
        if output == "-":
            sys.stdout.buffer.write(data)
        else:
            with open(output, "wb") as handle:
                handle.write(data)
            say(f"Wrote {output}: {summary}, {len(data):,} bytes")
