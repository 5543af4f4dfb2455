"""The bulk value writer: inserts and updates figures with one audit event per changed value."""

from django.db import connection
from django.utils import timezone

from partners import audit, versions
from partners.models import Area

from ..cells import stored_values
from ..models import Metric, MetricValue, ValueStatus


def value_snapshot(value: MetricValue | None):
    return None if value is None else value.as_typed


def write_values(partnership, year, cells, checks, *, by, via, ret=None, approved_at=None, existing=None, metrics=None):
    """Bulk insert/update the given cells; one audit event per changed value.

    `existing` ({cell key: MetricValue} of this year, as `cells.stored_values` reads them) and
    `metrics` may be passed when the caller has read them already, so nothing is read twice."""
    if existing is None:
        existing = stored_values(partnership, {key[0] for key in cells}, year, related=False)
    to_create, to_update = [], []
    changed_fields, only_approved = set(), set()
    changed_pairs, cleared = [], []
    for key, cell in cells.items():
        check = checks[key]
        current = existing.get(key)
        if check.blank:
            if current is not None and current.approved_at is None:
                cleared.append(current)  # clearing a box removes the draft figure; the audit keeps what it was
            continue
        new = dict(
            value=None if check.not_known else check.value,
            status=ValueStatus.NOT_KNOWN if check.not_known else ValueStatus.REPORTED,
            # Lengths were checked (validation.TEXT_LIMITS) before any write: never cut here.
            note=cell.note.strip(),
            qualifier=cell.qualifier.strip(),
            explanation=cell.explanation.replace("\r\n", "\n").strip(),
            rank_out_of=check.rank_out_of,
            **check.details,
        )
        if current is None:
            current = MetricValue(
                partnership=partnership,
                metric_id=key[0],
                area_id=key[1] or None,
                year=year,
                collected_in=ret,
                approved_at=approved_at,
                **new,
            )
            to_create.append(current)
            changed_pairs.append((current, None))
            continue
        old_snapshot = value_snapshot(current)
        differing = {name for name, wanted in new.items() if getattr(current, name) != wanted}
        if not differing and (approved_at is None or current.approved_at is not None):
            continue
        for name in differing:
            setattr(current, name, new[name])
        changed_fields |= differing
        current.updated_at = timezone.now()  # bulk_update skips auto_now
        if ret is not None and current.collected_in_id != ret.pk:
            current.collected_in = ret
            changed_fields.add("collected_in")
        if approved_at is not None or (current.approved_at is not None and differing):
            # A changed figure is approved only by the write that approves it; never keep an old stamp.
            current.approved_at = approved_at
            changed_fields.add("approved_at")
        if not differing:
            only_approved.add(current.pk)
        to_update.append(current)
        changed_pairs.append((current, old_snapshot))
    _attach_names(partnership, [value for value, _ in changed_pairs] + cleared, metrics)
    events = audit.EventBatch(partnership=partnership, by=by, via=via, within=ret)
    for value in cleared:
        events.add("metrics.value.cleared", subject=value, old=value_snapshot(value), new=None, year=str(year))
    if cleared:
        MetricValue.objects.filter(pk__in=[value.pk for value in cleared]).delete()
    MetricValue.objects.bulk_create(to_create)
    if to_update:
        _update_in_bulk(to_update, sorted(changed_fields | {"updated_at"}))
    if cleared or to_create or to_update:
        versions.changed(partnership.pk)  # bulk writes send no signals
    for value, old in changed_pairs:
        new_snapshot = value_snapshot(value)
        if old is None or old != new_snapshot:
            action = "metrics.value.changed"
        elif value.pk in only_approved:
            action = "metrics.value.approved"
        else:
            action = "metrics.value.annotated"
        events.add(action, subject=value, old=old, new=new_snapshot, note=value.note, qualifier=value.qualifier)
    events.record()
    return len(changed_pairs)


def _update_in_bulk(values, names):
    """Write the named columns of the given figures: one `UPDATE … FROM (VALUES …)` per batch.

    Only the changed columns are prepared and sent, and no model machinery runs per row:
    Django's bulk_update writes a CASE … WHEN per row and column, and an upsert through
    bulk_create prepares every column of every row (bench/figures_save.py measures this).
    SQLite (3.33 or later) and PostgreSQL both name a VALUES list's columns column1, column2….
    """
    fields = [MetricValue._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    on_postgres = connection.vendor == "postgresql"
    # PostgreSQL types a VALUES column from its first row; cast so NULLs and text fit the column.
    slots = ["%s"] + [f"CAST(%s AS {field.db_type(connection)})" if on_postgres else "%s" for field in fields]
    row = f"({', '.join(slots)})"
    table = quote(MetricValue._meta.db_table)
    assignments = ", ".join(f"{quote(field.column)} = v.column{n}" for n, field in enumerate(fields, start=2))
    size = connection.ops.bulk_batch_size(["id", *names], values) or len(values)
    with connection.cursor() as cursor:
        for start in range(0, len(values), size):
            batch = values[start : start + size]
            params = []
            for value in batch:
                params.append(value.pk)
                params += [field.get_db_prep_save(getattr(value, field.attname), connection) for field in fields]
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM (VALUES {', '.join([row] * len(batch))}) AS v "
                f"WHERE {table}.{quote('id')} = v.column1",
                params,
            )


def _attach_names(partnership, values, metrics=None):
    """Give the figures their metric and area objects (at most two queries in all, none for the
    metrics when the caller passes them), so their audit events are labelled without a query per figure."""
    if not values:
        return
    by_id = {m.pk: m for m in metrics or ()}
    missing = {v.metric_id for v in values} - set(by_id)
    if missing:
        by_id |= Metric.objects.filter(partnership=partnership).in_bulk(missing)
    area_ids = {v.area_id for v in values if v.area_id}
    areas = Area.objects.filter(partnership=partnership).in_bulk(area_ids) if area_ids else {}
    for value in values:
        value.metric = by_id[value.metric_id]
        value.area = areas.get(value.area_id)
