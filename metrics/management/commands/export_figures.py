"""Write a partnership's figures (and comparators) to a CSV or Excel file an import can read back.

python manage.py export_figures hsscp --format xlsx --output figures.xlsx
python manage.py export_figures hsscp --format csv --output 2025-26.csv --year 2025-26 --approved-only
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from metrics import selectors, tabular
from partners.models import Partnership
from partners.years import InvalidReportingYear, ReportingYear


def partnership_or_error(slug):
    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None:
        known = ", ".join(Partnership.objects.order_by("slug").values_list("slug", flat=True)) or "none yet"
        raise CommandError(f'No partnership has the slug "{slug}". Known slugs: {known}.')
    return partnership


class Command(BaseCommand):
    help = "Export a partnership's figures and comparators as CSV or XLSX (the layout import_figures reads)."

    def add_arguments(self, parser):
        parser.add_argument("partnership", metavar="partnership-slug", help="e.g. hsscp")
        parser.add_argument("--format", choices=sorted(tabular.CONTENT_TYPES), default="csv")
        parser.add_argument("--output", required=True, metavar="PATH", help="the file to write")
        parser.add_argument("--year", action="append", default=[], help='only this year, e.g. "2025-26"; repeatable')
        parser.add_argument("--area", action="append", default=[], help="only this ONS or comparator code; repeatable")
        parser.add_argument("--metric", action="append", default=[], help="only this metric code; repeatable")
        parser.add_argument("--approved-only", action="store_true", help="leave out figures not yet approved")

    def handle(self, *args, partnership, format, output, year, area, metric, approved_only, **options):
        partnership = partnership_or_error(partnership)
        try:
            years = [ReportingYear.parse(text) for text in year]
        except InvalidReportingYear as error:
            raise CommandError(str(error)) from None
        path = Path(output)
        if not path.parent.is_dir():
            raise CommandError(f"There is no folder {path.parent} to write {path.name} into.")
        with scope(partnership=partnership):
            values, comparators = selectors.values_for_export(
                partnership,
                years=years or None,
                area_codes=area or None,
                metric_codes=metric or None,
                approved_only=approved_only,
            )
            content = tabular.dataset_bytes(tabular.export_dataset(values, comparators), format)
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(f"Could not write {path}: {error.strerror}.") from None
        self.stdout.write(
            f"Wrote {len(values)} figure{'s' if len(values) != 1 else ''} and {len(comparators)} "
            f"comparator{'s' if len(comparators) != 1 else ''} of {partnership} to {path}."
        )
