"""Collection rounds: open a year's round or extend it, each figure asked of one agency."""

from django.db import transaction

from partners import audit

from ..errors import FigureError
from ..models import CollectionRound, Return
from ..selectors import collection_plan


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
    audit.record(
        "metrics.round.opened" if created else "metrics.round.changed",
        partnership=partnership,
        by=by,
        subject=collection,
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


def without_council_message(plan):
    return (
        "No agency would be asked for some figures: "
        + "; ".join(
            f"{area.name} has no council set, so its {len(metrics)} area figure{'s' if len(metrics) != 1 else ''} "
            f"({', '.join(m.name for m in metrics[:3])}{'…' if len(metrics) > 3 else ''}) would not be asked for"
            for area, metrics in plan.without_council.items()
        )
        + ". Choose each area's council."
    )


@transaction.atomic
def open_planned_round(*, partnership, year, opens_on, closes_on, areas, councils=None, by):
    """Open (or extend) the year's round as `selectors.collection_plan` says: each metric to its
    named supplier, each per-area metric without one to the area's own council.

    `councils` ({area pk: council agency}) are councils chosen on the open-round screen for areas
    that had none (or another): they are saved on the area, with an audit event, first. Refused
    whole, creating nothing, while any figure would have no supplier.
    """
    councils = councils or {}
    for area in areas:
        chosen = councils.get(area.pk)
        if chosen is not None and area.council_id != chosen.pk:
            before = str(area.council or "")
            area.council = chosen
            area.save(update_fields=["council"])
            audit.record(
                "partners.area.council_set", partnership=partnership, by=by, subject=area, old=before, new=str(chosen)
            )
    plan = collection_plan(partnership, year, areas)
    if plan.refused:
        raise FigureError(without_council_message(plan))
    return open_round(
        partnership=partnership,
        year=year,
        opens_on=opens_on,
        closes_on=closes_on,
        areas=areas,
        assignments=plan.assignments(),
        by=by,
    )
