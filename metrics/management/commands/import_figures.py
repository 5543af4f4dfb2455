"""Load figures (and comparators) from a CSV or Excel file: every row, or none.

    python manage.py import_figures hsscp figures.xlsx

Same layout and checks as the web import. Figures arrive approved, except rows marked
approved=no (drafts in an earlier export), so an export → import round trip changes nothing.
This is the administrator's route for historical data and corrections. Rejected rows are listed on
stderr as `row 7: …` (the header is row 1) and the command exits non-zero.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from metrics import services, tabular

from .export_figures import partnership_or_error


def _plural(count, word):
    return f"{count} {word}{'' if count == 1 else 's'}"


class Command(BaseCommand):
    help = "Import figures and comparators from CSV or XLSX into a partnership: all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("partnership", metavar="partnership-slug", help="e.g. hsscp")
        parser.add_argument("path", metavar="PATH", help="a .csv or .xlsx file in the export layout")
        parser.add_argument("--dry-run", action="store_true", help="check every row, import nothing")

    def handle(self, *args, partnership, path, dry_run, **options):
        partnership = partnership_or_error(partnership)
        path = Path(path)
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Could not read {path}: {error.strerror}.") from None
        with scope(partnership=partnership):
            try:
                dataset = tabular.read_upload(content, path.name)
            except services.FigureError as error:
                raise CommandError(f"{path}: {error}") from None
            rows = tabular.match_rows(partnership, dataset)
            if not rows:
                raise CommandError(f"{path} has no figures in it (every value is empty): nothing was imported.")
            rejected = [row for row in rows if row.errors]
            if rejected:
                for row in rejected:
                    for error in row.errors:
                        self.stderr.write(f"row {row.line}: {error}")
                raise CommandError(
                    f"{_plural(len(rejected), 'row')} of {len(rows)} rejected: nothing was imported from {path}."
                )
            comparators = sum(1 for row in rows if row.geography)
            figures = len(rows) - comparators
            if dry_run:
                self.stdout.write(
                    f"{path} is fine: {_plural(figures, 'figure')} and {_plural(comparators, 'comparator')} "
                    "would be imported (dry run: nothing was)."
                )
                return
            written = services.import_figures(partnership, rows, by=None, via="command")
        self.stdout.write(
            f"Imported {path} into {partnership}: {_plural(figures, 'figure')} and "
            f"{_plural(comparators, 'comparator')}; {written} new or changed, {len(rows) - written} unchanged."
        )
