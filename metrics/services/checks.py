"""Validation of a return's cells against the catalogue, the stored figures and last year's."""

from ..cells import (
    CellCheck,
    CellInput,
    cell_input_from,
    cell_key,
    normalised,
    return_scope,
    stored_cells,
    stored_values,
)
from ..presentation import Publishers, read_details
from ..validation import (
    EntryError,
    check_part,
    check_rank_within,
    check_symbols,
    check_texts,
    check_value,
    large_change_warning,
    parse_entry,
    parse_rank_out_of,
)


def check_cells(ret, cells: dict, *, metrics, area_ids, stored=None, last_year=None) -> dict:
    """Validate every cell of a return; returns {key: CellCheck}.

    Runs three queries (the publishers, and two none when the caller passes what it has read): `stored`, this
    year's figures of the metrics and of the wholes they are part of, and `last_year`, the
    metrics' figures a year before (as `selectors.return_sheet` keeps them)."""
    year = ret.round.year
    metric_by_id = {m.pk: m for m in metrics}
    whole_ids = {m.part_of_id for m in metrics if m.part_of_id}
    if stored is None:
        stored = stored_values(ret.partnership, set(metric_by_id) | whole_ids, year)  # wholes, locks
    if last_year is None:
        last_year = stored_values(ret.partnership, set(metric_by_id), year.previous())
    publishers = Publishers.of(ret.partnership)
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
            check.errors += check_value(metric, entry.value) + check_symbols(metric, cell.raw)
        if not entry.is_blank:
            check.details, detail_errors = read_details(
                cell.details, metric=metric, year=year, raw=cell.raw, publishers=publishers
            )
            check.errors += detail_errors
        check.rank_out_of, rank_error = parse_rank_out_of(cell.rank_out_of)
        check.errors += [rank_error] if rank_error else []
        check.errors += check_texts(cell)
        beyond = check_rank_within(metric, check.value, check.rank_out_of)
        check.errors += [beyond] if beyond else []
        locked = stored.get(key)
        if locked is not None and locked.is_approved:
            # An editable return never holds its own approved figures (re-opening withdraws them),
            # so an approved figure here came from an administrator's import: it is not the agency's.
            check.locked = True
            if not check.errors and normalised(cell).raw != normalised(cell_input_from(locked)).raw:
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


def differences_from_saved(ret, cells) -> dict:
    """For a refused out-of-date page: a warning at each box whose saved figure differs from what was typed."""
    metrics, area_ids = return_scope(ret)
    saved = stored_cells(ret, metrics, area_ids)
    differences = {}
    for key, typed in cells.items():
        now = saved.get(key, CellInput())
        if normalised(typed).raw != normalised(now).raw:
            shown = now.raw or "empty"
            differences[key] = CellCheck(
                warnings=[f"Saved now: {shown}. Check which is right before saving again."], blank=False
            )
    return differences
