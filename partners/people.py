"""Writes for the people of a partnership: invitations, role changes and leavers.

The business unit invites people by e-mail. An invitation makes the account at once, with no
usable password, and mails a link to set one: the link is a signed token (Django's password
reset token, with its own salt and lifetime), so it expires after INVITATION_TIMEOUT_DAYS and
works once (setting the password changes what the token signs). Sending again makes the old
link useless the same way. Every change is one transaction and is in the audit trail.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode

from . import audit
from .models import PartnershipRole, Role, User
from .tasks import send_email


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """A password-reset token with its own salt (a reset link is no invitation) and lifetime."""

    key_salt = "partners.people.InvitationTokenGenerator"

    def check_token(self, user, token):
        # Django's check, against INVITATION_TIMEOUT_DAYS instead of PASSWORD_RESET_TIMEOUT.
        if not (user and token):
            return False
        try:
            ts_b36, _ = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        for secret in [self.secret, *self.secret_fallbacks]:
            if constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token):
                break
        else:
            return False
        return (self._num_seconds(self._now()) - ts) <= settings.INVITATION_TIMEOUT_DAYS * 24 * 3600


invitation_tokens = InvitationTokenGenerator()


class PeopleError(Exception):
    """A change the business unit cannot make, in words for the page."""


@dataclass(frozen=True)
class RoleChoice:
    role: str
    agency: object = None  # for submitters

    def describe(self):
        label = Role(self.role).label
        return f"{label} for {self.agency}" if self.agency else label


def is_pending(user):
    """Invited, and has not set a password yet."""
    return user.is_active and not user.has_usable_password()


def check_can_grant(access, choice: RoleChoice):
    """Approvers (and portal admins) give every role; editors give every role but approver."""
    if choice.role == Role.APPROVER and not access.can_approve_figures:
        raise PeopleError("Only an approver can make someone an approver.")


def _set_role(user, partnership, choice: RoleChoice):
    PartnershipRole.objects.filter(user=user, partnership=partnership).delete()
    PartnershipRole.objects.create(user=user, partnership=partnership, role=choice.role, agency=choice.agency)


def _link(request, user):
    path = reverse(
        "invitation_accept",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": invitation_tokens.make_token(user)},
    )
    return request.build_absolute_uri(path)


def _mail(request, user, partnership, choice, *, by, template):
    context = {
        "user": user,
        "partnership": partnership,
        "role": choice.describe(),
        "by": by.get_full_name() or by.get_username(),
        "days": settings.INVITATION_TIMEOUT_DAYS,
        "login_url": request.build_absolute_uri(reverse("login")),
    }
    if is_pending(user):
        context["link"] = _link(request, user)
    subject = f"{partnership.short_name or partnership.name}: your access to the partnership portal"
    body = render_to_string(template, context)
    send_email.enqueue([user.email], subject, body)  # the database backend queues it in this transaction


@transaction.atomic
def invite(request, *, partnership, email, name, choice: RoleChoice, by):
    """Invite someone into a role: a new account with a set-password link, or a role for an existing one."""
    email = User.objects.normalize_email(email).strip()
    user = User.objects.filter(email__iexact=email).first() or User.objects.filter(username__iexact=email).first()
    if user is not None and PartnershipRole.objects.filter(user=user, partnership=partnership).exists():
        raise PeopleError(f"{email} already has a role in this partnership: change it on the people page.")
    if user is None:
        first, _, last = name.strip().partition(" ")
        user = User(username=email.lower(), email=email, first_name=first[:150], last_name=last[:150])
        user.set_unusable_password()
        try:
            user.full_clean()
        except ValidationError as error:
            raise PeopleError(" ".join(error.messages)) from error
        user.save()
    elif not user.is_active:
        user.is_active = True
        user.set_unusable_password()
        user.save(update_fields=["is_active", "password"])
    _set_role(user, partnership, choice)
    audit.record(
        "partners.person.invited",
        partnership=partnership,
        by=by,
        subject=user,
        email=email,
        role=choice.role,
        role_label=choice.describe(),
    )
    _mail(request, user, partnership, choice, by=by, template="partners/email/invitation.txt")
    return user


@transaction.atomic
def resend(request, *, partnership, user, by):
    """A new link for someone who has not set a password yet; the old link stops working."""
    if not is_pending(user):
        raise PeopleError(f"{user.get_full_name() or user.email} has already set a password.")
    user.set_unusable_password()  # the old link signed the old value: it no longer matches
    user.save(update_fields=["password"])
    role = PartnershipRole.objects.filter(user=user, partnership=partnership).select_related("agency").first()
    choice = RoleChoice(role.role, role.agency)
    audit.record("partners.person.reinvited", partnership=partnership, by=by, subject=user, email=user.email)
    _mail(request, user, partnership, choice, by=by, template="partners/email/invitation.txt")


@transaction.atomic
def change_role(*, partnership, user, choice: RoleChoice, by):
    if user == by:
        raise PeopleError("You cannot change your own role: ask another member of the business unit.")
    before = [r.describe() for r in roles_of(user, partnership)]
    _set_role(user, partnership, choice)
    audit.record(
        "partners.person.role_changed",
        partnership=partnership,
        by=by,
        subject=user,
        old=", ".join(before),
        new=choice.describe(),
    )


@transaction.atomic
def remove(*, partnership, user, by):
    """A leaver: their roles here go; with no role anywhere the account is switched off (not deleted,
    so the audit trail keeps naming them)."""
    if user == by:
        raise PeopleError("You cannot remove yourself: ask another member of the business unit.")
    before = [r.describe() for r in roles_of(user, partnership)]
    PartnershipRole.objects.filter(user=user, partnership=partnership).delete()
    switched_off = False
    if not user.partnership_roles.exists() and not (user.is_staff or user.is_superuser):
        user.is_active = False
        user.save(update_fields=["is_active"])
        switched_off = True
    audit.record(
        "partners.person.removed",
        partnership=partnership,
        by=by,
        subject=user,
        old=", ".join(before),
        account_closed=switched_off,
    )


def accepted(user):
    """Record, in each partnership that invited them, that the person set their password."""
    for role in user.partnership_roles.select_related("partnership"):
        audit.record("partners.person.joined", partnership=role.partnership, by=user, subject=user)


def roles_of(user, partnership):
    return [
        RoleChoice(r.role, r.agency)
        for r in PartnershipRole.objects.filter(user=user, partnership=partnership).select_related("agency")
    ]
