"""The bulk value writer: inserts and updates figures with one audit event per changed value."""

from django.utils import timezone

from partners import audit
from partners.models import Area, AuditEvent

from ..cells import stored_values
from ..models import Metric, MetricValue, ValueStatus


def value_snapshot(value: MetricValue | None):
    return None if value is None else value.as_typed


def write_values(partnership, year, cells, checks, *, by, via, ret=None, approved_at=None):
    """Bulk insert/update the given cells; one audit event per changed value."""
    metric_ids = {key[0] for key in cells}
    existing = stored_values(partnership, metric_ids, year)
    to_create, to_update, events = [], [], []
    changed_fields, only_approved = set(), set()
    changed_pairs = []
    for key, cell in cells.items():
        check = checks[key]
        current = existing.get(key)
        if check.blank:
            if current is not None and current.approved_at is None:
                # Clearing a box removes the draft figure; the audit keeps what it was.
                events.append(
                    audit.event(
                        "metrics.value.cleared",
                        partnership=partnership,
                        by=by,
                        via=via,
                        subject=current,
                        within=ret,
                        old=value_snapshot(current),
                        new=None,
                        year=str(year),
                    )
                )
                current.delete()
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
    _attach_names(partnership, to_create)
    MetricValue.objects.bulk_create(to_create)
    if to_update:
        # An upsert keyed on the primary key: one INSERT … ON CONFLICT (id) DO UPDATE per batch,
        # far cheaper than bulk_update's CASE … WHEN per row and column (tested in bench/figures_save.py).
        MetricValue.objects.bulk_create(
            to_update,
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=sorted(changed_fields | {"updated_at"}),
        )
    for value, old in changed_pairs:
        new_snapshot = value_snapshot(value)
        if old is None or old != new_snapshot:
            action = "metrics.value.changed"
        elif value.pk in only_approved:
            action = "metrics.value.approved"
        else:
            action = "metrics.value.annotated"
        events.append(
            audit.event(
                action,
                partnership=partnership,
                by=by,
                via=via,
                subject=value,
                within=ret,
                old=old,
                new=new_snapshot,
                note=value.note,
                qualifier=value.qualifier,
            )
        )
    AuditEvent.objects.bulk_create(events)
    return len(changed_pairs)


def _attach_names(partnership, values):
    """Give new figures their metric and area objects (two queries in all), so their audit
    events are labelled without a query per figure."""
    if not values:
        return
    metrics = Metric.objects.filter(partnership=partnership).in_bulk({v.metric_id for v in values})
    area_ids = {v.area_id for v in values if v.area_id}
    areas = Area.objects.filter(partnership=partnership).in_bulk(area_ids) if area_ids else {}
    for value in values:
        value.metric = metrics[value.metric_id]
        if value.area_id:
            value.area = areas[value.area_id]
