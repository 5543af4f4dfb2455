"""An administrator's import of figures and comparators: all rows or none."""

from django.db import transaction
from django.utils import timezone

from partners import audit

from ..cells import CellCheck, ImportRow, cell_key
from ..errors import FigureError
from ..models import Comparator, Return
from ..presentation import Publishers, read_details
from ..validation import parse_entry
from .writer import write_values


@transaction.atomic
def import_figures(partnership, rows: list[ImportRow], *, by, via="command"):
    """Apply an administrator's import: all rows or none. Values arrive approved unless the row
    says approved=no (a draft exported earlier), so an export → import round trip changes nothing.

    Rows come checked from `metrics.tabular.match_rows`; any error refuses the whole file.
    A re-import of unchanged figures writes nothing, not even an audit event.
    """
    if any(row.errors for row in rows):
        raise FigureError("The file has errors; nothing was imported.")
    years = {str(row.year) for row in rows if not row.geography}
    # Lock the years' returns first: an agency saving at the same moment waits, and its open pages
    # and previews become out of date (their version changes below) instead of overwriting the import.
    affected = list(
        Return.objects.select_for_update(of=("self",))
        .filter(partnership=partnership, round__year__in=sorted(years))
        .order_by("pk")
    )
    batches, comparators = {}, []
    for row in rows:
        if row.geography:
            comparators.append(row)
        else:
            batches.setdefault((row.year, row.approved), {})[cell_key(row.metric.pk, row.area_id)] = row
    now = timezone.now()
    publishers = Publishers.of(partnership)
    written = 0
    for (year, approved), by_key in batches.items():
        cells = {key: row.cell for key, row in by_key.items()}
        checks = {}
        for key, row in by_key.items():
            entry = parse_entry(row.cell.raw)
            checks[key] = CellCheck(
                value=entry.value,
                not_known=entry.not_known,
                blank=entry.is_blank,
                rank_out_of=int(row.cell.rank_out_of) if row.cell.rank_out_of.strip() else None,
                details=read_details(
                    row.cell.details, metric=row.metric, year=year, raw=row.cell.raw, publishers=publishers
                )[0],
            )
        written += write_values(partnership, year, cells, checks, by=by, via=via, approved_at=now if approved else None)
    for row in comparators:
        value = parse_entry(row.cell.raw).value
        current = Comparator.objects.filter(metric=row.metric, year=row.year, geography=row.geography).first()
        if current is None:
            Comparator.objects.create(
                partnership=partnership,
                metric=row.metric,
                year=row.year,
                geography=row.geography,
                value=value,
                source=row.cell.note,
                qualifier=row.cell.qualifier,
            )
        elif current.value != value or current.source != row.cell.note or current.qualifier != row.cell.qualifier:
            current.value, current.source, current.qualifier = value, row.cell.note, row.cell.qualifier
            current.save(update_fields=["value", "source", "qualifier"])
        else:
            continue
        written += 1
    if written:
        Return.objects.filter(pk__in=[ret.pk for ret in affected]).update(updated_at=timezone.now())
        audit.record(
            "metrics.figures.imported",
            partnership=partnership,
            by=by,
            via=via,
            rows=len(rows),
            changed=written,
        )
    return written
