import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.cache import patch_cache_control
from django_scopes import scopes_disabled


class AdminScopeMiddleware:
    """The admin crosses tenants on purpose; its ModelAdmins filter by the user's roles instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/"):
            with scopes_disabled():
                return self.get_response(request)
        return self.get_response(request)


class PrivateCacheMiddleware:
    """A signed-in person's pages and downloads are never kept by a browser cache or a proxy:
    `Cache-Control: private, no-store` (figures, drafts and exports are confidential)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path_info.startswith(settings.STATIC_URL):
            patch_cache_control(response, private=True, no_store=True)
            if "max-age" in response.get("Cache-Control", ""):
                response["Cache-Control"] = "private, no-store"
        return response


class SessionTimeoutMiddleware:
    """Signs a person out after SESSION_IDLE_MINUTES without a request, and in any case
    SESSION_COOKIE_AGE after signing in (the absolute lifetime), with a message saying why."""

    SEEN, STARTED = "_last_seen", "_signed_in_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            session = request.session
            started = session.setdefault(self.STARTED, now)
            seen = session.get(self.SEEN, now)
            idle = now - seen > settings.SESSION_IDLE_MINUTES * 60
            if idle or now - started > settings.SESSION_COOKIE_AGE:
                logout(request)
                messages.info(
                    request,
                    f"You were signed out after {_duration(settings.SESSION_IDLE_MINUTES)} without activity. Sign in again."
                    if idle
                    else "Your session reached its maximum length. Sign in again.",
                )
                return redirect_to_login(request.get_full_path())
            if now - seen >= 60 or self.SEEN not in session:  # one write a minute at most
                session[self.SEEN] = now
        return self.get_response(request)


def _duration(minutes):
    if minutes % 60:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    hours = minutes // 60
    return f"{hours} hour{'s' if hours != 1 else ''}"


def start_session_clock(sender, request, user, **kwargs):
    """At sign-in: the session's start and last activity, written with the login itself."""
    now = int(time.time())
    request.session[SessionTimeoutMiddleware.STARTED] = now
    request.session[SessionTimeoutMiddleware.SEEN] = now
