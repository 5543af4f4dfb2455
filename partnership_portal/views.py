from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_scopes import scope

from metrics import progress
from metrics import selectors as figures
from partners.access import Capability, access_from, partnership_roles_for, partnership_view
from partners.models import Partnership
from reports import selectors as report_selectors
from reports.publishing.selectors import sendings_due_in


@login_required
def dashboard(request):
    """Each role's work first, per partnership: the business unit's returns waiting for a decision
    and the round's progress; a partner's returns with their due date and next step."""
    accesses = partnership_roles_for(request.user)
    if request.user.is_portal_admin:
        held = {access.partnership.pk for access in accesses}
        accesses += [access_from(request.user, p, []) for p in Partnership.objects.exclude(pk__in=held)]
    viewing = [access.partnership for access in accesses if access.can(Capability.VIEW_PARTNERSHIP)]
    editing = [access.partnership for access in accesses if access.can(Capability.EDIT_REPORTS)]
    # Each kind of work is read for every partnership at once: a portal administrator's dashboard
    # costs the same few queries for two partnerships or forty.
    with scope(partnership=[access.partnership for access in accesses]):
        work = progress.business_unit_work_in(viewing)
        reports = report_selectors.current_reports_in(editing)
        sendings = sendings_due_in(editing)
    cards = []
    for access in accesses:
        returns, pk = [], access.partnership.pk
        if access.can(Capability.SUBMIT_FIGURES):
            with scope(partnership=access.partnership):
                returns = progress.return_progress(figures.returns_for_agency(access.partnership, access.agency))
        cards.append(
            {
                "access": access,
                "returns": returns,
                "work": work.get(pk),
                "report": reports.get(pk),
                "sendings": sendings.get(pk, []),
            }
        )
    return render(request, "dashboard.html", {"cards": cards})


@partnership_view()
def partnership_home(request):
    access = request.access
    context = {"partnership": request.partnership, "access": access}
    if access.can(Capability.VIEW_PARTNERSHIP):
        context["rounds"] = figures.rounds_with_progress(request.partnership)
    if access.can(Capability.SUBMIT_FIGURES):
        context["my_returns"] = figures.returns_for_agency(request.partnership, access.agency)
    return render(request, "partnership_home.html", context)


@never_cache
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error", "database": str(error.__class__.__name__)}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
