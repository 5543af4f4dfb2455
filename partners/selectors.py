"""Reads for partnership pages: plain data, a fixed number of queries each.

Run inside the partnership's scope (views get it from `partnership_view`).
"""

import datetime as dt
from typing import NamedTuple

from django.db.models import Prefetch, Q
from django_scopes import scopes_disabled

from .accounts import accounts_decimals, format_accounts
from .models import (
    Agency,
    AgencyKind,
    AgencyMembership,
    Area,
    FundingLine,
    FundingYear,
    Group,
    Person,
    Post,
    PostKind,
    group_years,
)
from .prepared import NO_ID, PreparedQuery
from .years import ReportingYear

_areas_of = PreparedQuery(
    lambda partnership_id: Area.objects.filter(partnership_id=partnership_id).select_related("council"),
    partnership_id=NO_ID,
)


def areas_of(partnership):
    """The partnership's areas in name order, each with its council. One query (its SQL built once)."""
    return _areas_of(partnership_id=partnership.pk)


def area_codes(partnership):
    """(name, ONS code) of each area, in name order."""
    return list(Area.objects.filter(partnership=partnership).values_list("name", "ons_code"))


class AgencyRole(NamedTuple):
    year: ReportingYear
    agency: str
    kind: str  # AgencyKind
    role: str  # PartnerRole
    replaced_by: str | None  # the name of the agency that replaced this one
    ended_on: dt.date | None


def agency_roles(partnership):
    """Each agency's role in each reporting year, in year, role and name order: plain rows, one query."""
    rows = AgencyMembership.objects.filter(partnership=partnership).values_list(
        "year", "agency__name", "agency__kind", "role", "agency__replaced_by__name", "agency__ended_on"
    )
    return [AgencyRole(*row) for row in rows]


def people_with_posts(partnership):
    posts = Post.objects.filter(partnership=partnership).select_related("agency", "group")
    return list(Person.objects.filter(partnership=partnership).prefetch_related(Prefetch("posts", queryset=posts)))


def posts_of(partnership):
    """Every post in kind order, then by when it started: named or not (a lay member, a post by title)."""
    order = list(PostKind.values)
    posts = Post.objects.filter(partnership=partnership).select_related("person", "agency", "group")
    return sorted(posts, key=lambda p: (order.index(p.kind), p.from_year, p.started_on or dt.date.min, p.pk))


def groups_for(partnership):
    """The partnership's own groups and the Tees-wide groups other partnerships share with it."""
    # Shared groups belong to another tenant, so this read crosses the scope on purpose.
    with scopes_disabled():
        return list(
            Group.objects.filter(Q(partnership=partnership) | Q(shared_with=partnership))
            .distinct()
            .select_related("partnership", "chair", "reports_to")
            .prefetch_related("shared_with")
            .order_by("position", "name")
        )


class GroupRow(NamedTuple):
    name: str
    purpose: str
    years: str  # when it met, as Group.years says it
    chair: str | None
    reports_to: str | None
    owner: str | None  # the short name of the partnership that shares it, when not this one
    shared_with: list  # the short names of the partnerships this one shares it with


def group_rows(partnership):
    """What groups_for lists, as plain rows for a table: two queries, no model built."""
    with scopes_disabled():  # shared groups belong to another tenant, as in groups_for
        sharing = Group.shared_with.through.objects
        rows = list(
            Group.objects.filter(
                Q(partnership=partnership) | Q(pk__in=sharing.filter(partnership=partnership).values("group_id"))
            )
            .order_by("position", "name")
            .values_list(
                "pk",
                "name",
                "purpose",
                "from_year",
                "to_year",
                "chair__name",
                "reports_to__name",
                "partnership_id",
                "partnership__short_name",
            )
        )
        shared_with = {}
        for group_id, short_name in (
            sharing.filter(group_id__in=[row[0] for row in rows])
            .order_by("partnership__name")
            .values_list("group_id", "partnership__short_name")
        ):
            shared_with.setdefault(group_id, []).append(short_name)
    return [
        GroupRow(
            name,
            purpose,
            group_years(from_year, to_year),
            chair,
            reports_to,
            owner if owner_id != partnership.pk else None,
            shared_with.get(pk, []),
        )
        for pk, name, purpose, from_year, to_year, chair, reports_to, owner_id, owner in rows
    ]


def funding_years(partnership):
    """Every funding year, newest first, lines prefetched in the business unit's order. Two queries."""
    lines = FundingLine.objects.select_related("agency").order_by("position", "id")
    return list(FundingYear.objects.filter(partnership=partnership).prefetch_related(Prefetch("lines", queryset=lines)))


def reserves_warnings(years):
    """{year: sentence} where a year's reserves brought forward differ from last year's carried forward."""
    by_year = {fy.year: fy for fy in years}
    warnings = {}
    for fy in years:
        last = by_year.get(fy.year.previous())
        brought, carried = fy.reserves_brought_forward, last.reserves_carried_forward if last else None
        if brought is not None and carried is not None and brought != carried:
            places = accounts_decimals([brought, carried])
            warnings[fy.year] = (
                f"Reserves brought forward into {fy.year} (£{format_accounts(brought, places)}) differ from "
                f"the reserves carried forward from {last.year} (£{format_accounts(carried, places)})."
            )
    return warnings


def councils():
    """Every current council in the shared register, for choosing an area's council."""
    return Agency.objects.filter(kind=AgencyKind.COUNCIL, ended_on__isnull=True).order_by("name")
