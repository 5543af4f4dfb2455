"""Writes for partnership reference data: one transaction each, idempotent where named `ensure_`/`set_`.

Day-to-day edits happen in the Django admin; these functions serve the demo loader,
management commands and tests, so every write path obeys the same model rules.
"""

from decimal import Decimal

from django.db import transaction

from . import versions
from .models import (
    Agency,
    AgencyMembership,
    Area,
    FundingLine,
    FundingYear,
    Group,
    Partnership,
    PartnershipRole,
    Person,
    Post,
    Role,
)
from .years import ReportingYear


def _upsert(model, lookup, values):
    """update_or_create that writes only when something differs (so a re-run changes nothing)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.full_clean()
        obj.save(update_fields=changed)
    return obj


@transaction.atomic
def ensure_partnership(*, slug, **values):
    return _upsert(Partnership, {"slug": slug}, values)


@transaction.atomic
def ensure_area(*, partnership, ons_code, name, council=None):
    fields = {"name": name} if council is None else {"name": name, "council": council}
    return _upsert(Area, {"partnership": partnership, "ons_code": ons_code}, fields)


@transaction.atomic
def ensure_agency(*, name, kind, started_on=None, ended_on=None, replaced_by=None):
    return _upsert(
        Agency,
        {"name": name},
        {"kind": kind, "started_on": started_on, "ended_on": ended_on, "replaced_by": replaced_by},
    )


@transaction.atomic
def set_membership(*, partnership, agency, year, role):
    return _upsert(
        AgencyMembership,
        {"partnership": partnership, "agency": agency, "year": ReportingYear.parse(year)},
        {"role": role},
    )


@transaction.atomic
def ensure_person(*, partnership, name, email=""):
    return _upsert(Person, {"partnership": partnership, "name": name}, {"email": email})


@transaction.atomic
def set_post(
    *,
    partnership=None,
    person=None,
    kind,
    from_year,
    title="",
    agency=None,
    to_year=None,
    started_on=None,
    ended_on=None,
    group=None,
):
    """A post keyed by who holds it (or, unnamed, by its title), its kind and when it started."""
    partnership = partnership or person.partnership
    return _upsert(
        Post,
        {
            "partnership": partnership,
            "person": person,
            "kind": kind,
            "from_year": ReportingYear.parse(from_year),
            "started_on": started_on,
            **({} if person else {"title": title}),
        },
        {
            **({"title": title} if person else {}),
            "agency": agency,
            "to_year": ReportingYear.parse(to_year) if to_year else None,
            "ended_on": ended_on,
            "group": group,
        },
    )


@transaction.atomic
def ensure_group(
    *,
    partnership,
    name,
    purpose="",
    chair=None,
    reports_to=None,
    shared_with=(),
    from_year=None,
    to_year=None,
    position=0,
):
    group = _upsert(
        Group,
        {"partnership": partnership, "name": name},
        {
            "purpose": purpose,
            "chair": chair,
            "reports_to": reports_to,
            "from_year": ReportingYear.parse(from_year) if from_year else None,
            "to_year": ReportingYear.parse(to_year) if to_year else None,
            "position": position,
        },
    )
    if set(group.shared_with.all()) != set(shared_with):
        group.shared_with.set(shared_with)
    return group


@transaction.atomic
def set_funding_year(*, partnership, year, lines, notes=""):
    """Replace a year's funding lines, in the order given.

    `lines` are (kind, agency or None, label, signed amount[, note]) tuples: expenditure negative.
    """
    funding = _upsert(FundingYear, {"partnership": partnership, "year": ReportingYear.parse(year)}, {"notes": notes})
    wanted = [
        (kind, agency.pk if agency else None, label, _money(amount), rest[0] if rest else "", position)
        for position, (kind, agency, label, amount, *rest) in enumerate(lines)
    ]
    current = [
        (line.kind, line.agency_id, line.label, line.amount, line.note, line.position)
        for line in funding.lines.order_by("position", "id")
    ]
    if wanted != current:
        funding.lines.all().delete()
        new_lines = [
            FundingLine(funding_year=funding, kind=k, agency_id=a, label=label, amount=amt, note=note, position=pos)
            for k, a, label, amt, note, pos in wanted
        ]
        for line in new_lines:
            line.full_clean(exclude=["funding_year"])
        FundingLine.objects.bulk_create(new_lines)
        versions.changed(partnership.pk)  # a bulk write sends no signals
    return funding


def _money(amount):
    return None if amount is None else Decimal(str(amount)).quantize(Decimal("0.01"))


@transaction.atomic
def grant_role(*, user, partnership, role, agency=None):
    if role == Role.SUBMITTER and agency is None:
        raise ValueError("An agency submitter acts for exactly one agency.")
    return _upsert(
        PartnershipRole,
        {"user": user, "partnership": partnership, "role": role},
        {"agency": agency if role == Role.SUBMITTER else None},
    )
