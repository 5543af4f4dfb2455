from django.http import Http404

from partners.access import Capability, partnership_view


@partnership_view(Capability.VIEW_PARTNERSHIP)
def round_progress(request, year):
    raise Http404


@partnership_view(Capability.VIEW_PARTNERSHIP)
def explorer(request):
    raise Http404


@partnership_view(Capability.MANAGE_FIGURES)
def comparators(request):
    raise Http404
