"""Signing in and resetting a password: throttled, and the same answer whoever asks.

Login throttling is django-axes (settings `AXES_*`); this module holds what axes does not: the
lock-out page and the password-reset request, which is throttled here and mailed by a task.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone

from .tasks import send_password_reset


def client_address(request):
    """The caller's address, for sign-in and reset throttling (django-axes calls this too).

    With TRUSTED_PROXY_COUNT = n proxies in front, each appends the address it received the
    request from to X-Forwarded-For, so the n-th entry from the right is the one the outermost
    proxy saw: the client. Entries further left were sent by the client and cannot be trusted.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies and _is_address(forwarded[-proxies]):
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None  # None, not a made-up address: axes stores it as inet


def _over_limit(key, limit, window):
    """Count one request against `key`; True when it is beyond `limit` within `window` seconds."""
    added = cache.add(key, 1, window)
    if added:
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return False
    return count > limit


def _is_address(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Always the same answer ("if an account exists, we've sent a link"), in the same time:
    the address is looked up and mailed by a background task, and at most
    PASSWORD_RESET_LIMIT requests per address (and ten times that per client address) per
    PASSWORD_RESET_WINDOW seconds are sent on; the rest are answered the same and dropped."""

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        limit, window = settings.PASSWORD_RESET_LIMIT, settings.PASSWORD_RESET_WINDOW
        by_email = "reset:email:" + hashlib.sha256(email.encode()).hexdigest()
        by_client = "reset:client:" + hashlib.sha256((client_address(self.request) or "").encode()).hexdigest()
        throttled = _over_limit(by_email, limit, window) | _over_limit(by_client, limit * 10, window)
        if not throttled:
            send_password_reset.enqueue(email, self.request.get_host(), self.request.is_secure())
        return HttpResponseRedirect(self.get_success_url())


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers after too many failed sign-ins: when to try again, and whom to ask."""
    cool_off = settings.AXES_COOLOFF_TIME
    return render(
        request,
        "registration/locked_out.html",
        {
            "retry_at": timezone.localtime(timezone.now() + cool_off),
            "minutes": int(cool_off.total_seconds() // 60),
        },
        status=429,
    )
