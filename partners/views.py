from django.shortcuts import render

from . import selectors
from .access import Capability, partnership_view
from .accounts import accounts_rows


@partnership_view(Capability.VIEW_PARTNERSHIP)
def structure(request):
    partnership = request.partnership
    memberships = selectors.memberships_of(partnership)
    years = sorted({m.year for m in memberships}, reverse=True)
    return render(
        request,
        "partners/structure.html",
        {
            "partnership": partnership,
            "areas": selectors.areas_of(partnership),
            "memberships_by_year": [(year, [m for m in memberships if m.year == year]) for year in years],
            "posts": selectors.posts_of(partnership),
            "groups": selectors.groups_for(partnership),
        },
    )


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
