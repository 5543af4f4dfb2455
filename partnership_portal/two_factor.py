"""Two-factor sign-in (django-otp): an authenticator app's six-digit code (TOTP) after the password,
with ten single-use recovery codes (static tokens) for a lost phone.

Required for portal administrators and approvers (they sign off statutory figures and hold every
partnership's data); optional for everyone else, who can turn it on from their dashboard. Once a
person has a device, every sign-in asks for a code.
"""

import base64
import functools
import operator

import qrcode
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import device_classes, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from partners.models import PartnershipRole, Role
from partners.prepared import NO_ID, PreparedQuery

RECOVERY_CODES = 10
APP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
OPEN_PATHS = ("/accounts/two-factor/", "/accounts/logout/", "/static/", "/healthz")


def requires_two_factor(user) -> bool:
    """Portal administrators and approvers must use a second factor."""
    return user.is_superuser or PartnershipRole.objects.filter(user=user, role=Role.APPROVER).exists()


class UserBackend(ModelBackend):
    """Django's sign-in by username and password. Each request reads the signed-in person with the
    two answers TwoFactorMiddleware needs (has a confirmed device? holds a role that requires one?)
    in the same query, rather than three more queries on every page."""

    def get_user(self, user_id):
        user = next(iter(_user_with_answers(user_id=user_id)), None)
        return user if user is not None and self.user_can_authenticate(user) else None


def _user_and_answers(user_id):
    approver_role = PartnershipRole.objects.filter(user=OuterRef("pk"), role=Role.APPROVER)
    devices = [Exists(model.objects.filter(user=OuterRef("pk"), confirmed=True)) for model in device_classes()]
    return (
        get_user_model()
        ._default_manager.annotate(
            holds_approver_role=Exists(approver_role), has_confirmed_device=functools.reduce(operator.or_, devices)
        )
        .filter(pk=user_id)
    )


# Built by the ORM on every request, its three EXISTS subqueries cost ten times running it.
_user_with_answers = PreparedQuery(_user_and_answers, user_id=NO_ID)


def _has_device(user) -> bool:
    flag = getattr(user, "has_confirmed_device", None)  # 0 or 1 on SQLite
    return user_has_device(user) if flag is None else bool(flag)


def _must_have_device(user) -> bool:
    flag = getattr(user, "holds_approver_role", None)
    return requires_two_factor(user) if flag is None else user.is_superuser or bool(flag)


class TwoFactorMiddleware:
    """A signed-in person who has a device must give its code before anything else; one who must
    have a device (administrator, approver) and has none sets one up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not request.path_info.startswith(OPEN_PATHS)
        ):
            if _has_device(user):
                return redirect(f"{reverse('two_factor_verify')}?next={request.get_full_path()}")
            if _must_have_device(user):
                return redirect(f"{reverse('two_factor_setup')}?next={request.get_full_path()}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        help_text="The six digits your authenticator app shows now, or one of your recovery codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("dashboard")


@login_required
def verify(request):
    """The second step of signing in: a code from the app (or a recovery code)."""
    if request.user.is_verified():
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error(
            "code", "That code is not right, or has been used. Check your app's clock and try the newest code."
        )
    return render(
        request,
        "registration/two_factor_verify.html",
        {"form": form, "next": _next(request)},
        status=422 if form.errors else 200,
    )


QR_MASK = 0


def _qr_data_url(config_url):
    """The QR code of an app's key as an SVG image: one path, a rectangle per run of dark modules
    in a row, in module units with the standard four-module quiet zone (a few milliseconds: one
    element instead of a rectangle per module). Not kept between requests: the URL holds the secret.
    The mask is fixed: every mask makes a standard code any app reads, and trying all eight for
    the one a scanner finds easiest cost ten times the rest of the page."""
    code = qrcode.QRCode(border=0, mask_pattern=QR_MASK)
    code.add_data(config_url)
    code.make(fit=True)
    border, size = 4, code.modules_count
    runs = []
    for y, row in enumerate(code.modules):
        x = 0
        while x < size:
            if row[x]:
                start = x
                while x < size and row[x]:
                    x += 1
                runs.append(f"M{start + border} {y + border}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    side = size + 2 * border
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" shape-rendering="crispEdges">'
        f'<path d="{"".join(runs)}" fill="#000000"/></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@login_required
def setup(request):
    """Turn on two-factor sign-in: scan the code into an app, type its code to confirm, keep the recovery codes."""
    user = request.user
    if user_has_device(user) and not request.user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?next={_next(request)}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name=APP_NAME, confirmed=False
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            codes = _confirm(user, device)
            otp_login(request, device)
            return render(request, "registration/two_factor_codes.html", {"codes": codes, "next": _next(request)})
        form.add_error("code", "That code is not right. Type the six digits your app shows now.")
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "registration/two_factor_setup.html",
        {
            "form": form,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr": _qr_data_url(device.config_url),
            "required": requires_two_factor(user),
            "next": _next(request),
        },
        status=422 if form.errors else 200,
    )


@transaction.atomic
def _confirm(user, device):
    """The app is confirmed; any older app and recovery codes are replaced by new ones."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    return new_recovery_codes(user)


def new_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes
