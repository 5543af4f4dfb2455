"""The business unit's people pages: who has which role, invitations, role changes, leavers."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from . import audit, people
from .access import Capability, partnership_view
from .forms import InviteForm, RoleForm
from .models import AuditEvent, PartnershipRole


def _person(request, user_id):
    """A user with a role in this partnership and their (first) role there, else 404. One query."""
    roles = PartnershipRole.objects.filter(partnership=request.partnership, user_id=user_id)
    first = roles.select_related("user", "agency").first()
    if first is None:
        raise Http404("No such person in this partnership")
    return first.user, people.RoleChoice(first.role, first.agency)


@partnership_view(Capability.MANAGE_PEOPLE)
def people_list(request):
    partnership = request.partnership
    roles = (
        PartnershipRole.objects.filter(partnership=partnership)
        .select_related("user", "agency")
        .order_by("role", "agency__name", "user__last_name", "user__username")
    )
    by_role = {}
    for role in roles:
        by_role.setdefault(role.get_role_display(), []).append(role)
    events = (
        AuditEvent.objects.filter(partnership=partnership, action__startswith="partners.person.")
        .select_related("actor")
        .order_by("-at")[:20]
    )
    return render(
        request,
        "partners/people.html",
        {
            "partnership": partnership,
            "by_role": by_role,
            "events": [(event, audit.sentence(event)) for event in events],
        },
    )


def _handle(request, action, form, template, context):
    if request.method == "POST" and form.is_valid():
        try:
            message = action(form)
        except people.PeopleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, message)
            return redirect("partners:people", request.partnership.slug)
    return render(
        request,
        template,
        {"partnership": request.partnership, "form": form, **context},
        status=422 if request.method == "POST" else 200,
    )


@partnership_view(Capability.MANAGE_PEOPLE)
def invite(request):
    form = InviteForm(request.POST or None, partnership=request.partnership)

    def act(form):
        choice = form.choice()
        people.check_can_grant(request.access, choice)
        user = people.invite(
            request,
            partnership=request.partnership,
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
            choice=choice,
            by=request.user,
        )
        if people.is_pending(user):
            return (
                f"Invitation sent to {user.email}: the link in it works once, for "
                f"{settings.INVITATION_TIMEOUT_DAYS} days."
            )
        return f"{user.email} already had an account: they now have the role {choice.describe()} and an e-mail says so."

    return _handle(request, act, form, "partners/person_invite.html", {})


@partnership_view(Capability.MANAGE_PEOPLE)
def change(request, user_id):
    person, current = _person(request, user_id)
    initial = {"role": current.role, "agency": current.agency}
    form = RoleForm(request.POST or None, initial=initial, partnership=request.partnership)

    def act(form):
        choice = form.choice()
        people.check_can_grant(request.access, choice)
        if current.role == "approver" and not request.access.can_approve_figures:
            raise people.PeopleError("Only an approver can change an approver's role.")
        people.change_role(partnership=request.partnership, user=person, choice=choice, by=request.user)
        return f"{_name(person)} is now {choice.describe()}."

    return _handle(request, act, form, "partners/person_change.html", {"person": person, "current": current})


@partnership_view(Capability.MANAGE_PEOPLE)
def remove(request, user_id):
    person, current = _person(request, user_id)
    if request.method == "POST":
        try:
            if current.role == "approver" and not request.access.can_approve_figures:
                raise people.PeopleError("Only an approver can remove an approver.")
            people.remove(partnership=request.partnership, user=person, by=request.user)
        except people.PeopleError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{_name(person)} no longer has a role in {request.partnership.short_name}.")
        return redirect("partners:people", request.partnership.slug)
    return render(
        request,
        "partners/person_remove.html",
        {"partnership": request.partnership, "person": person, "current": current},
    )


@require_POST
@partnership_view(Capability.MANAGE_PEOPLE)
def resend(request, user_id):
    person, _ = _person(request, user_id)
    try:
        people.resend(request, partnership=request.partnership, user=person, by=request.user)
    except people.PeopleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"A new invitation link went to {person.email}; the old one no longer works.")
    return redirect("partners:people", request.partnership.slug)


def _name(user):
    return user.get_full_name() or user.email or user.get_username()


class AcceptInvitationView(auth_views.PasswordResetConfirmView):
    """The link in an invitation: set a password, then land on one's dashboard, logged in."""

    token_generator = people.invitation_tokens
    template_name = "registration/invitation_accept.html"
    post_reset_login = True
    post_reset_login_backend = "partnership_portal.two_factor.UserBackend"
    success_url = reverse_lazy("dashboard")
    reset_url_token = "set-password"

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None  # a leaver's old link is dead

    def form_valid(self, form):
        response = super().form_valid(form)
        people.accepted(form.user)
        messages.success(self.request, "Your password is set and you are logged in. This is your dashboard.")
        return response
