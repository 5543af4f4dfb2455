"""A return's cells as plain data, and the reads that fill them.

Nothing here writes: selectors, the spreadsheet reader and the write services all build on it.
A cell is one figure a person types: a metric in an area (area 0: the whole partnership).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from partners.prepared import A_YEAR, NO_ID, PreparedQuery

from .formatting import NOT_KNOWN, plain_number
from .models import Metric, MetricValue, Return
from .presentation import details_text
from .validation import EntryError, parse_entry


@dataclass
class CellInput:
    """What a person typed for one metric in one area (area_id 0: whole partnership)."""

    raw: str = ""
    note: str = ""
    qualifier: str = ""
    explanation: str = ""
    rank_out_of: str = ""
    details: dict = field(default_factory=dict)  # presentation.DETAIL_COLUMNS given, as typed


@dataclass
class CellCheck:
    value: Decimal | None = None
    not_known: bool = False
    rank_out_of: int | None = None
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    blank: bool = True
    locked: bool = False  # an approved figure: shown, never written by a return
    details: dict = field(default_factory=dict)  # MetricValue fields from presentation.read_details


@dataclass
class ImportRow:
    """One row of an import file, already matched to the catalogue."""

    line: int
    metric: Metric | None
    area_id: int | None
    geography: str | None
    year: object
    cell: CellInput
    errors: list = field(default_factory=list)
    approved: bool = True  # an exported draft (approved=no) goes back in as a draft


def cell_key(metric_id, area_id):
    return (metric_id, area_id or 0)


def stored_values(partnership, metric_ids, year, *, related=True):
    """{cell key: MetricValue} of the given metrics in one year. One query.

    `related=False` leaves out each figure's metric and area (pages that have them already)."""
    read = _values_with_names if related else _values
    values = read(
        partnership_id=partnership.pk, year=str(year), metric_ids=sorted(pk for pk in metric_ids if pk is not None)
    )
    return {cell_key(v.metric_id, v.area_id): v for v in values}


def _stored(partnership_id, year, metric_ids):
    # read into a dict: the model's default order would join metrics and areas for nothing
    return MetricValue.objects.filter(partnership_id=partnership_id, metric_id__in=metric_ids, year=year).order_by()


# Every return form, save and check reads its figures so: its SQL, built once per number of
# metrics, cost more than running it.
_values = PreparedQuery(_stored, id_lists=("metric_ids",), partnership_id=NO_ID, year=A_YEAR)
_values_with_names = PreparedQuery(
    lambda **values: _stored(**values).select_related("metric", "area"),
    id_lists=("metric_ids",),
    partnership_id=NO_ID,
    year=A_YEAR,
)


def expected_cells(ret: Return, metrics, area_ids):
    """Every (metric, area) the return must answer: per-area metrics once per area."""
    keys = []
    for metric in metrics:
        if metric.is_per_area:
            keys += [cell_key(metric.pk, area_id) for area_id in area_ids]
        else:
            keys.append(cell_key(metric.pk, None))
    return keys


def _metrics_of_return(partnership_id, return_id):
    return Metric.objects.filter(partnership_id=partnership_id, returns=return_id).order_by("position", "code")


# A return's metrics, each with the whole it is part of (and, for the form's section titles, its
# framework indicator with its parents): read on every view and save of a return.
_return_metrics = PreparedQuery(
    lambda **values: _metrics_of_return(**values).select_related("part_of"), partnership_id=NO_ID, return_id=NO_ID - 1
)
_return_metrics_with_framework = PreparedQuery(
    lambda **values: _metrics_of_return(**values).select_related("framework_item__parent__parent", "part_of"),
    partnership_id=NO_ID,
    return_id=NO_ID - 1,
)


def return_metrics(ret, *, with_framework=False):
    read = _return_metrics_with_framework if with_framework else _return_metrics
    return read(partnership_id=ret.partnership_id, return_id=ret.pk)


def return_scope(ret):
    metrics = return_metrics(ret)
    area_ids = sorted(ret.areas.values_list("pk", flat=True))
    return metrics, area_ids


def cell_input_from(value: MetricValue | None) -> CellInput:
    if value is None:
        return CellInput()
    return CellInput(
        raw=value.as_typed,
        note=value.note,
        qualifier=value.qualifier,
        explanation=value.explanation,
        rank_out_of=str(value.rank_out_of or ""),
        details=details_text(value),
    )


def stored_cells(ret, metrics, area_ids, stored=None):
    """The return's figures as form inputs; `stored` may be passed when already fetched."""
    if stored is None:
        stored = stored_values(ret.partnership, [m.pk for m in metrics], ret.round.year)
    return {key: cell_input_from(stored.get(key)) for key in expected_cells(ret, metrics, area_ids)}


def normalised(cell: CellInput) -> CellInput:
    """What a stored figure would look like once saved: spaces trimmed, line ends unified, numbers plain."""
    try:
        entry = parse_entry(cell.raw)
        raw = NOT_KNOWN if entry.not_known else plain_number(entry.value)
    except EntryError:
        raw = cell.raw.strip()
    return CellInput(
        raw=raw,
        note=cell.note.strip(),
        qualifier=cell.qualifier.strip(),
        explanation=cell.explanation.replace("\r\n", "\n").strip(),
        rank_out_of=cell.rank_out_of.strip(),
        details={name: (text or "").strip() for name, text in cell.details.items()},
    )
