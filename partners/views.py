from django.shortcuts import render

from . import selectors
from .access import Capability, partnership_view
from .accounts import accounts_rows
from .models import AgencyKind, PartnerRole, PostKind

KIND_LABELS, ROLE_LABELS, POST_LABELS = dict(AgencyKind.choices), dict(PartnerRole.choices), dict(PostKind.choices)


@partnership_view(Capability.VIEW_PARTNERSHIP)
def structure(request):
    """The partnership's areas, agencies, posts and groups: rows of plain values, so the long
    tables render without a model attribute lookup (or a choice's label looked up) per cell."""
    partnership = request.partnership
    roles = selectors.agency_roles(partnership)
    years = sorted({role.year for role in roles}, reverse=True)
    return render(
        request,
        "partners/structure.html",
        {
            "partnership": partnership,
            "areas": selectors.area_codes(partnership),
            "memberships_by_year": [
                (year, [_agency_row(role) for role in roles if role.year == year]) for year in years
            ],
            "posts": [_post_row(post) for post in selectors.posts_of(partnership)],
            "groups": [_group_row(group) for group in selectors.group_rows(partnership)],
        },
    )


def _agency_row(role):
    """(agency, its kind, its role, the agency that replaced it, the day it ended)."""
    return (
        role.agency,
        KIND_LABELS.get(role.kind, role.kind),
        ROLE_LABELS.get(role.role, role.role),
        role.replaced_by or "",
        role.ended_on,
    )


def _post_row(post):
    """(post, its group, the person named, their title, who holds it when nobody is named, the
    agency when the title does not name it already, when)."""
    agency = post.agency.name if post.agency_id and post.agency.name not in post.title else ""
    return (
        POST_LABELS.get(post.kind, post.kind),
        post.group.name if post.group_id else "",
        post.person.name if post.person_id else "",
        post.title,
        post.holder,
        agency,
        post.span,
    )


def _group_row(group):
    """(group, its purpose, years, chair, the group it reports to, how it is shared)."""
    if group.owner:
        shared = f"Shared by {group.owner}"
    else:
        shared = f"Shared with {', '.join(group.shared_with)}" if group.shared_with else "–"
    return (group.name, group.purpose, group.years or "–", group.chair or "–", group.reports_to or "–", shared)


@partnership_view(Capability.VIEW_PARTNERSHIP)
def funding(request):
    years = selectors.funding_years(request.partnership)
    warnings = selectors.reserves_warnings(years)
    return render(
        request,
        "partners/funding.html",
        {
            "partnership": request.partnership,
            "funding_years": [(fy, accounts_rows(fy.lines.all()), warnings.get(fy.year)) for fy in years],
        },
    )
