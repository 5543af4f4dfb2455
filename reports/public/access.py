"""The public site's one door: no login, no session, only what has been published.

`public_view` is to the public pages what `partners.access.partnership_view` is to the portal:
it resolves `<partnership_slug>` (404 when unknown), runs the view in that tenant's scope,
allows only GET and HEAD, and marks the response as publicly cacheable. Public views never read
`request.user` or the session, so one page is the same for everyone and a cache may share it;
what they show comes only through `reports.public.selectors`, which knows nothing but published,
withdrawn and superseded versions.
"""

from functools import wraps

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django_scopes import scope, scopes_disabled

from partners.models import Partnership

from .microcache import remember

PAGE_MAX_AGE = 300  # a correction reaches every reader of a current-version URL within 5 minutes


def public_view(view):
    @require_safe
    @wraps(view)
    def wrapper(request, *args, partnership_slug=None, **kwargs):
        if partnership_slug is None:
            with scopes_disabled():  # pages across partnerships (home, sitemap) read published rows only
                response = view(request, *args, **kwargs)
        else:
            partnership = remember(
                ("partnership", partnership_slug),
                lambda: get_object_or_404(Partnership, slug=partnership_slug),
                keep=(Http404,),
            )
            with scope(partnership=partnership):
                response = view(request, partnership, *args, **kwargs)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=PAGE_MAX_AGE)
        return response

    wrapper.is_public_view = True  # the anonymous URL sweep checks every public route has this door
    return wrapper
