"""Reads for partnership pages: plain data, a fixed number of queries each.

Run inside the partnership's scope (views get it from `partnership_view`).
"""

from django.db.models import Prefetch, Q
from django_scopes import scopes_disabled

from .models import Agency, AgencyKind, AgencyMembership, Area, FundingLine, FundingYear, Group, Person, Post
from .years import ReportingYear


def areas_of(partnership):
    return list(Area.objects.filter(partnership=partnership).select_related("council"))


def memberships_of(partnership, year: ReportingYear | None = None):
    rows = AgencyMembership.objects.filter(partnership=partnership).select_related("agency", "agency__replaced_by")
    if year is not None:
        rows = rows.filter(year=year)
    return list(rows)


def people_with_posts(partnership):
    posts = Post.objects.filter(partnership=partnership).select_related("agency")
    return list(Person.objects.filter(partnership=partnership).prefetch_related(Prefetch("posts", queryset=posts)))


def groups_for(partnership):
    """The partnership's own groups and the Tees-wide groups other partnerships share with it."""
    # Shared groups belong to another tenant, so this read crosses the scope on purpose.
    with scopes_disabled():
        return list(
            Group.objects.filter(Q(partnership=partnership) | Q(shared_with=partnership))
            .distinct()
            .select_related("partnership", "chair", "reports_to")
            .prefetch_related("shared_with")
            .order_by("name")
        )


def funding_years(partnership):
    lines = FundingLine.objects.select_related("agency")
    return list(FundingYear.objects.filter(partnership=partnership).prefetch_related(Prefetch("lines", queryset=lines)))


def councils():
    """Every current council in the shared register, for choosing an area's council."""
    return Agency.objects.filter(kind=AgencyKind.COUNCIL, ended_on__isnull=True).order_by("name")
