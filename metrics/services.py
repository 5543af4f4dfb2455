"""Writes for the figures: one transaction each, the acting user passed as `by=`.

Views, management commands, the demo loader and tests all change figures through
these functions, so validation, locking and the audit trail cannot be bypassed.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .formatting import plain_number
from .models import (
    AuditEvent,
    CollectionRound,
    Comparator,
    Metric,
    MetricValue,
    Return,
    ReturnStatus,
    ValueStatus,
)
from .validation import (
    MAX_EXPLANATION_LENGTH,
    MAX_RANK_OUT_OF,
    EntryError,
    check_comparator_value,
    check_part,
    check_value,
    large_change_warning,
    parse_entry,
)


class FigureError(Exception):
    """An expected refusal; its message is shown to the user as it is."""


class StaleReturn(FigureError):
    """The user's page was built from an older version of the return."""


@dataclass
class CellInput:
    """What a person typed for one metric in one area (area_id 0: whole partnership)."""

    raw: str = ""
    note: str = ""
    qualifier: str = ""
    explanation: str = ""
    rank_out_of: str = ""


@dataclass
class CellCheck:
    value: Decimal | None = None
    not_known: bool = False
    rank_out_of: int | None = None
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    blank: bool = True
    locked: bool = False  # an approved figure: shown, never written by a return


def cell_key(metric_id, area_id):
    return (metric_id, area_id or 0)


def _stored_values(partnership, metric_ids, year):
    return {
        cell_key(v.metric_id, v.area_id): v
        for v in MetricValue.objects.filter(
            partnership=partnership, metric_id__in=metric_ids, year=year
        ).select_related("metric", "area")
    }


def check_cells(ret: Return, cells: dict, *, metrics, area_ids) -> dict:
    """Validate every cell of a return; returns {key: CellCheck}. Runs two queries."""
    year = ret.round.year
    metric_by_id = {m.pk: m for m in metrics}
    whole_ids = {m.part_of_id for m in metrics if m.part_of_id}
    stored = _stored_values(ret.partnership, set(metric_by_id) | whole_ids, year)  # wholes, locks
    last_year = _stored_values(ret.partnership, set(metric_by_id), year.previous())
    checks = {}
    for key, cell in cells.items():
        metric = metric_by_id[key[0]]
        check = CellCheck()
        try:
            entry = parse_entry(cell.raw)
        except EntryError as error:
            check.errors.append(str(error))
            check.blank = False
            checks[key] = check
            continue
        check.blank = entry.is_blank
        check.value, check.not_known = entry.value, entry.not_known
        if entry.value is not None:
            check.errors += check_value(metric, entry.value)
        if cell.rank_out_of.strip():
            try:
                check.rank_out_of = int(cell.rank_out_of)
                if not 1 <= check.rank_out_of <= MAX_RANK_OUT_OF:
                    raise ValueError
            except ValueError:
                check.rank_out_of = None
                check.errors.append('"Out of" must be a whole number, e.g. 152 for "12 of 152".')
        if len(cell.explanation) > MAX_EXPLANATION_LENGTH:
            check.errors.append(f"Keep the explanation under {MAX_EXPLANATION_LENGTH:,} characters.")
        if metric.unit == "rank" and check.value is not None and check.rank_out_of is not None:
            if check.value > check.rank_out_of:
                check.errors.append(f"A rank cannot be higher than the number ranked ({check.rank_out_of}).")
        locked = stored.get(key)
        if locked is not None and locked.is_approved:
            # An editable return never holds its own approved figures (re-opening withdraws them),
            # so an approved figure here came from an administrator's import: it is not the agency's.
            check.locked = True
            if not check.errors and normalised(cell).raw != cell_input_from(locked).raw:
                check.errors.append(
                    "This figure is already approved and cannot be changed here. "
                    "Ask the business unit if it needs correcting."
                )
            checks[key] = check
            continue
        previous = last_year.get(key)
        warning = large_change_warning(check.value, previous.value if previous else None)
        if warning and not check.errors:  # a number that is wrong anyway needs no second message
            check.warnings.append(warning)
        checks[key] = check
    for key, check in checks.items():
        metric = metric_by_id[key[0]]
        if not metric.part_of_id or check.value is None:
            continue
        whole_key = cell_key(metric.part_of_id, key[1])
        whole_check = checks.get(whole_key)
        if whole_check is not None:
            whole = whole_check.value
        else:
            stored_whole = stored.get(whole_key)
            whole = stored_whole.value if stored_whole else None
        message = check_part(metric, check.value, metric.part_of, whole)
        if message:
            check.errors.append(message)
    return checks


def normalised(cell: CellInput) -> CellInput:
    """What a stored figure would look like once saved: spaces trimmed, line ends unified, numbers plain."""
    try:
        entry = parse_entry(cell.raw)
        raw = "N/K" if entry.not_known else plain_number(entry.value)
    except EntryError:
        raw = cell.raw.strip()
    return CellInput(
        raw=raw,
        note=cell.note.strip(),
        qualifier=cell.qualifier.strip(),
        explanation=cell.explanation.replace("\r\n", "\n").strip(),
        rank_out_of=cell.rank_out_of.strip(),
    )


def _event(*, partnership, action, by, via="", ret=None, value=None, **data):
    """An unsaved audit event; callers bulk-create them with the change they describe."""
    return AuditEvent(
        partnership=partnership,
        action=action,
        actor=by,
        at=timezone.now(),
        via=via,
        return_record=ret,
        value=value,
        data=data,
    )


def _record(**kwargs):
    _event(**kwargs).save()


def _value_snapshot(value: MetricValue | None):
    if value is None:
        return None
    if value.status == ValueStatus.NOT_KNOWN:
        return "N/K"
    return plain_number(value.value)


def _write_values(partnership, year, cells, checks, *, by, via, ret=None, approved_at=None):
    """Bulk insert/update the given cells; one audit event per changed value."""
    metric_ids = {key[0] for key in cells}
    existing = _stored_values(partnership, metric_ids, year)
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
                    _event(
                        partnership=partnership,
                        action="metrics.value.cleared",
                        by=by,
                        via=via,
                        ret=ret,
                        value=None,
                        old=_value_snapshot(current),
                        new=None,
                        metric=current.metric.name,
                        area=current.area.name if current.area_id else "whole partnership",
                        year=str(year),
                    )
                )
                current.delete()
            continue
        new = dict(
            value=None if check.not_known else check.value,
            status=ValueStatus.NOT_KNOWN if check.not_known else ValueStatus.REPORTED,
            note=cell.note.strip()[:200],
            qualifier=cell.qualifier.strip()[:100],
            explanation=cell.explanation.replace("\r\n", "\n").strip(),
            rank_out_of=check.rank_out_of,
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
        old_snapshot = _value_snapshot(current)
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
        new_snapshot = _value_snapshot(value)
        if old is None or old != new_snapshot:
            action = "metrics.value.changed"
        elif value.pk in only_approved:
            action = "metrics.value.approved"
        else:
            action = "metrics.value.annotated"
        events.append(
            _event(
                partnership=partnership,
                action=action,
                by=by,
                via=via,
                ret=ret,
                value=value,
                old=old,
                new=new_snapshot,
                note=value.note,
                qualifier=value.qualifier,
            )
        )
    AuditEvent.objects.bulk_create(events)
    return len(changed_pairs)


def expected_cells(ret: Return, metrics, area_ids):
    """Every (metric, area) the return must answer: per-area metrics once per area."""
    keys = []
    for metric in metrics:
        if metric.is_per_area:
            keys += [cell_key(metric.pk, area_id) for area_id in area_ids]
        else:
            keys.append(cell_key(metric.pk, None))
    return keys


def return_scope(ret):
    metrics = list(ret.metrics.select_related("part_of").order_by("position", "code"))
    area_ids = sorted(ret.areas.values_list("pk", flat=True))
    return metrics, area_ids


@transaction.atomic
def save_return(ret: Return, cells: dict, *, by, via="form", expected_version=None) -> dict:
    """Save a draft. Refused whole (nothing written) when any cell has an error; warnings never block.

    `expected_version` is the `Return.version` the user's page was built from: a page that is out
    of date (another tab, an upload since) is refused rather than overwriting newer figures.
    Returns the checks so the caller can show errors and warnings at each field.
    """
    ret = _locked(ret)
    if expected_version is not None and expected_version != ret.version:
        raise StaleReturn(
            "Not saved: this return changed after you opened it (in another tab or by an upload). "
            "Your entries are below; check them against the figures now saved and save again."
        )
    if not ret.is_editable:
        raise FigureError(
            f"This return is {ret.get_status_display().lower()} and cannot be changed"
            + (": ask an approver to re-open it." if ret.is_approved else ".")
        )
    metrics, area_ids = return_scope(ret)
    allowed = set(expected_cells(ret, metrics, area_ids))
    unknown = set(cells) - allowed
    if unknown:
        raise FigureError("Some figures are not part of this return; reload the page and try again.")
    checks = check_cells(ret, cells, metrics=metrics, area_ids=area_ids)
    if any(check.errors for check in checks.values()):
        transaction.set_rollback(True)
        return checks
    editable = {key: cell for key, cell in cells.items() if not checks[key].locked}
    _write_values(ret.partnership, ret.round.year, editable, checks, by=by, via=via, ret=ret)
    if ret.status == ReturnStatus.NOT_STARTED:
        ret.status = ReturnStatus.DRAFT
    ret.save(update_fields=["status", "updated_at"])  # a new version, even when only a note changed
    _record(partnership=ret.partnership, action="metrics.return.saved", by=by, via=via, ret=ret)
    return checks


def cell_input_from(value: MetricValue | None) -> CellInput:
    if value is None:
        return CellInput()
    return CellInput(
        raw="N/K" if value.is_not_known else plain_number(value.value),
        note=value.note,
        qualifier=value.qualifier,
        explanation=value.explanation,
        rank_out_of=str(value.rank_out_of or ""),
    )


def stored_cells(ret, metrics, area_ids, stored=None):
    """The return's figures as form inputs; `stored` may be passed when already fetched."""
    if stored is None:
        stored = _stored_values(ret.partnership, [m.pk for m in metrics], ret.round.year)
    return {key: cell_input_from(stored.get(key)) for key in expected_cells(ret, metrics, area_ids)}


def differences_from_saved(ret, cells) -> dict:
    """For a refused out-of-date page: a warning at each box whose saved figure differs from what was typed."""
    metrics, area_ids = return_scope(ret)
    saved = stored_cells(ret, metrics, area_ids)
    differences = {}
    for key, typed in cells.items():
        now = saved.get(key, CellInput())
        if normalised(typed).raw != now.raw:
            shown = now.raw or "empty"
            differences[key] = CellCheck(
                warnings=[f"Saved now: {shown}. Check which is right before saving again."], blank=False
            )
    return differences


def _set_status(ret, status, *, by, action, reason="", **fields):
    ret.status = status
    ret.status_reason = reason
    for name, value in fields.items():
        setattr(ret, name, value)
    ret.save()
    _record(partnership=ret.partnership, action=action, by=by, via="form", ret=ret, reason=reason, status=status)


def _locked(ret):
    # Only the return's own row (of=self): locking its round too would deadlock with an import.
    return Return.objects.select_for_update(of=("self",)).select_related("round", "partnership").get(pk=ret.pk)


@transaction.atomic
def submit_return(ret: Return, *, by):
    """Submit for approval: every figure given (or N/K), no errors, every large change explained."""
    ret = _locked(ret)
    if not ret.is_editable:
        raise FigureError(f"This return is {ret.get_status_display().lower()} and cannot be submitted again.")
    metrics, area_ids = return_scope(ret)
    cells = stored_cells(ret, metrics, area_ids)
    checks = check_cells(ret, cells, metrics=metrics, area_ids=area_ids)
    missing = sum(1 for check in checks.values() if check.blank)
    unexplained = sum(1 for key, check in checks.items() if check.warnings and not cells[key].explanation.strip())
    errors = sum(1 for check in checks.values() if check.errors)
    problems = []
    if missing:
        problems.append(
            f"{missing} figure{'s are' if missing > 1 else ' is'} still empty (enter N/K if your agency cannot supply one)"
        )
    if errors:
        problems.append(f"{errors} figure{'s have' if errors > 1 else ' has'} an error")
    if unexplained:
        problems.append(f"{unexplained} large change{'s need' if unexplained > 1 else ' needs'} an explanation")
    if problems:
        raise FigureError("Not submitted: " + "; ".join(problems) + ".")
    _set_status(
        ret,
        ReturnStatus.SUBMITTED,
        by=by,
        action="metrics.return.submitted",
        submitted_at=timezone.now(),
        submitted_by=by,
    )
    return ret


def _return_values(ret):
    """The stored figures of the return's cells: its metrics, for its areas (or the whole partnership)."""
    metrics, area_ids = return_scope(ret)
    per_area = [m.pk for m in metrics if m.is_per_area]
    whole = [m.pk for m in metrics if not m.is_per_area]
    return MetricValue.objects.filter(partnership=ret.partnership, year=ret.round.year).filter(
        Q(metric_id__in=per_area, area_id__in=area_ids) | Q(metric_id__in=whole, area__isnull=True)
    )


def _require_reason(reason):
    reason = (reason or "").strip()
    if not reason:
        raise FigureError("Give a reason: the agency sees it beside its return.")
    return reason


@transaction.atomic
def send_back_return(ret: Return, *, by, reason):
    """The business unit returns a submitted return to the agency, saying why."""
    reason = _require_reason(reason)
    ret = _locked(ret)
    if not ret.is_submitted:
        raise FigureError("Only a submitted return can be sent back.")
    _set_status(ret, ReturnStatus.RETURNED, by=by, action="metrics.return.returned", reason=reason)
    return ret


@transaction.atomic
def approve_return(ret: Return, *, by):
    """Approve a submitted return: its figures become the approved values reports use, and lock."""
    ret = _locked(ret)
    if not ret.is_submitted:
        raise FigureError("Only a submitted return can be approved.")
    now = timezone.now()
    # Every cell of the return, including figures it left as they were (imported drafts).
    _return_values(ret).update(approved_at=now, collected_in=ret)
    _set_status(ret, ReturnStatus.APPROVED, by=by, action="metrics.return.approved", approved_at=now, approved_by=by)
    return ret


@transaction.atomic
def reopen_return(ret: Return, *, by, reason):
    """Unlock an approved return so the agency can correct it; its figures stop being approved."""
    reason = _require_reason(reason)
    ret = _locked(ret)
    if not ret.is_approved:
        raise FigureError("Only an approved return can be re-opened.")
    _return_values(ret).filter(collected_in=ret).update(approved_at=None)
    _set_status(
        ret,
        ReturnStatus.RETURNED,
        by=by,
        action="metrics.return.reopened",
        reason=reason,
        approved_at=None,
        approved_by=None,
    )
    return ret


@transaction.atomic
def open_round(*, partnership, year, opens_on, closes_on, areas, assignments, by):
    """Open the year's round, or extend it.

    `assignments` maps each agency either to a list of metrics, which are *added* to its return
    (a new return covers all the round's areas; a metric another agency already returns in this
    round is left with it), or to a (metrics, areas) pair that sets the return exactly (a council
    returns for its own area). Extending never removes a metric from a return,
    never changes the areas of a round that has returns, and never touches a submitted or approved
    return except to leave it as it is.
    """
    if closes_on < opens_on:
        raise FigureError("The round must close after it opens.")
    collection, created = CollectionRound.objects.get_or_create(
        partnership=partnership, year=year, defaults={"opens_on": opens_on, "closes_on": closes_on}
    )
    if not created:
        if set(collection.areas.all()) != set(areas) and collection.returns.exists():
            raise FigureError("The areas of a round that already has returns cannot change.")
        collection.opens_on, collection.closes_on = opens_on, closes_on
        collection.save()
    collection.areas.set(areas)
    returns, added = [], {}
    supplier = {
        metric_id: agency_id
        for agency_id, metric_id in Return.metrics.through.objects.filter(return__round=collection).values_list(
            "return__agency_id", "metric_id"
        )
    }
    for agency, assigned in assignments.items():
        exact = isinstance(assigned, tuple)
        metrics, agency_areas = assigned if exact else (assigned, areas)
        if not exact:
            # A metric already asked of another agency in this round stays with it (its supplier
            # changed in the catalogue since): moving figures between returns is not done silently.
            metrics = [m for m in metrics if supplier.get(m.pk, agency.pk) == agency.pk]
        ret, new = Return.objects.get_or_create(partnership=partnership, round=collection, agency=agency)
        current_metrics = set() if new else set(ret.metrics.all())
        wanted_metrics = set(metrics) if exact else current_metrics | set(metrics)
        wanted_areas = set(agency_areas) if (exact or new) else set(ret.areas.all())
        if not new and (wanted_metrics, wanted_areas) == (current_metrics, set(ret.areas.all())):
            returns.append(ret)
            continue
        if not ret.is_editable:
            raise FigureError(
                f"{agency}'s return is {ret.get_status_display().lower()}: it cannot be given other "
                "metrics or areas unless it is re-opened first."
            )
        ret.metrics.set(wanted_metrics)
        ret.areas.set(wanted_areas)
        added[str(agency)] = sorted(m.code for m in wanted_metrics - current_metrics)
        returns.append(ret)
    _assert_one_supplier_per_figure(collection)
    _record(
        partnership=partnership,
        action="metrics.round.opened" if created else "metrics.round.changed",
        by=by,
        year=str(year),
        opens_on=str(opens_on),
        closes_on=str(closes_on),
        metrics_added=added,
    )
    return collection, returns


def _assert_one_supplier_per_figure(collection):
    """Each figure of a round comes from one agency, or two returns would overwrite each other."""
    owners = {}
    returns = Return.objects.filter(round=collection).select_related("agency").prefetch_related("metrics", "areas")
    for ret in returns:
        area_ids = [area.pk for area in ret.areas.all()]
        for metric in ret.metrics.all():
            for area_id in area_ids if metric.is_per_area else [0]:
                owner = owners.setdefault((metric.pk, area_id), ret)
                if owner is not ret:
                    raise FigureError(
                        f"“{metric.name}” would be returned by both {owner.agency} and {ret.agency}: "
                        "choose one agency for each figure."
                    )


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
            )
        written += _write_values(
            partnership, year, cells, checks, by=by, via=via, approved_at=now if approved else None
        )
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
            )
        elif current.value != value or current.source != row.cell.note:
            current.value, current.source = value, row.cell.note
            current.save(update_fields=["value", "source"])
        else:
            continue
        written += 1
    if written:
        Return.objects.filter(pk__in=[ret.pk for ret in affected]).update(updated_at=timezone.now())
        _record(
            partnership=partnership,
            action="metrics.figures.imported",
            by=by,
            via=via,
            rows=len(rows),
            changed=written,
        )
    return written


@transaction.atomic
def set_comparator(*, metric, year, geography, value, source="", by):
    problems = check_comparator_value(metric, value)
    if problems:
        raise FigureError(" ".join(problems))
    comparator, _ = Comparator.objects.update_or_create(
        partnership=metric.partnership,
        metric=metric,
        year=year,
        geography=geography,
        defaults={"value": value, "source": source},
    )
    _record(
        partnership=metric.partnership,
        action="metrics.comparator.set",
        by=by,
        via="form",
        metric=metric.code,
        year=str(year),
        geography=geography,
        new=plain_number(value),
    )
    return comparator
