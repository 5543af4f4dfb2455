from django.http import Http404

from partners.access import Capability, partnership_view


@partnership_view()
def return_template(request, pk, fmt):
    raise Http404


@partnership_view()
def return_import(request, pk):
    raise Http404


@partnership_view(Capability.MANAGE_FIGURES)
def export(request):
    raise Http404
