"""Who may do what in which partnership: the one place roles become permissions.

Views never test roles themselves; they ask `access.can(Capability.X)`.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django_scopes import scope

from .models import Agency, Partnership, PartnershipRole, Role
from .prepared import NO_ID, PreparedQuery


class Capability(StrEnum):
    VIEW_PARTNERSHIP = "view_partnership"  # structure, catalogue, all agencies' figures
    MANAGE_FIGURES = "manage_figures"  # catalogue, rounds, comparators, import/export
    RETURN_FIGURES = "return_figures"  # send an agency's return back with a reason
    APPROVE_FIGURES = "approve_figures"  # approve and re-open returns
    SUBMIT_FIGURES = "submit_figures"  # fill in and submit the own agency's returns
    MANAGE_PEOPLE = "manage_people"  # invite people, change their roles, remove leavers
    EDIT_REPORTS = "edit_reports"  # write the annual report: sections, blocks, comments, send for review
    APPROVE_REPORTS = "approve_reports"  # sign off a report in review, or send it back


ROLE_CAPABILITIES = {
    Role.EDITOR: {
        Capability.VIEW_PARTNERSHIP,
        Capability.MANAGE_FIGURES,
        Capability.RETURN_FIGURES,
        Capability.MANAGE_PEOPLE,
        Capability.EDIT_REPORTS,
    },
    Role.APPROVER: {
        Capability.VIEW_PARTNERSHIP,
        Capability.MANAGE_FIGURES,
        Capability.RETURN_FIGURES,
        Capability.APPROVE_FIGURES,
        Capability.MANAGE_PEOPLE,
        Capability.EDIT_REPORTS,
        Capability.APPROVE_REPORTS,
    },
    Role.SUBMITTER: {Capability.SUBMIT_FIGURES},
}


@dataclass(frozen=True)
class Access:
    user: object
    partnership: Partnership
    roles: frozenset = field(default_factory=frozenset)
    agency: Agency | None = None  # set for agency submitters
    is_portal_admin: bool = False

    def can(self, capability: Capability) -> bool:
        if self.is_portal_admin:
            return capability != Capability.SUBMIT_FIGURES
        return any(capability in ROLE_CAPABILITIES[role] for role in self.roles)

    def can_act_for(self, agency_id) -> bool:
        """Whether the user may enter figures for this agency."""
        return self.can(Capability.SUBMIT_FIGURES) and self.agency is not None and self.agency.pk == agency_id

    # Template-friendly spellings: templates cannot call can() with an argument.
    @property
    def can_view_partnership(self):
        return self.can(Capability.VIEW_PARTNERSHIP)

    @property
    def can_manage_figures(self):
        return self.can(Capability.MANAGE_FIGURES)

    @property
    def can_approve_figures(self):
        return self.can(Capability.APPROVE_FIGURES)

    @property
    def can_manage_people(self):
        return self.can(Capability.MANAGE_PEOPLE)

    @property
    def can_submit_figures(self):
        return self.can(Capability.SUBMIT_FIGURES)

    @property
    def can_edit_reports(self):
        return self.can(Capability.EDIT_REPORTS)

    @property
    def can_approve_reports(self):
        return self.can(Capability.APPROVE_REPORTS)

    @property
    def role_labels(self):
        if self.is_portal_admin:
            return ["Portal admin"]
        return [Role(role).label for role in sorted(self.roles)]


def _roles(user_id):
    return PartnershipRole.objects.filter(user_id=user_id).select_related("partnership", "agency")


# A person's roles, read on every page by SQL built once: all of them (the dashboard), or those
# in the partnership of the URL.
_roles_of = PreparedQuery(_roles, user_id=NO_ID)
_roles_in = PreparedQuery(
    lambda user_id, slug: _roles(user_id).filter(partnership__slug=slug),
    user_id=NO_ID,
    slug="\x00partnership slug stand-in",
)


def partnership_roles_for(user):
    """The user's roles, grouped by partnership, for the dashboard."""
    if not user.is_authenticated:
        return []
    roles = _roles_of(user_id=user.pk)
    by_partnership = {}
    for role in roles:
        by_partnership.setdefault(role.partnership, []).append(role)
    return [access_from(user, partnership, rows) for partnership, rows in by_partnership.items()]


def access_from(user, partnership, role_rows):
    agency = next((row.agency for row in role_rows if row.role == Role.SUBMITTER), None)
    return Access(
        user=user,
        partnership=partnership,
        roles=frozenset(row.role for row in role_rows),
        agency=agency,
        is_portal_admin=user.is_portal_admin,
    )


def resolve_access(user, partnership_slug) -> Access:
    """The user's access to the partnership in the URL; 404 when they have none.

    404 and not 403: a user of another partnership must not learn that a slug exists.
    """
    if not user.is_authenticated or not user.is_active:
        raise Http404("No such partnership")
    # The roles come with their partnership: one query for everyone with a role there.
    rows = _roles_in(user_id=user.pk, slug=partnership_slug)
    if rows:
        partnership = rows[0].partnership
    elif user.is_portal_admin:
        partnership = Partnership.objects.filter(slug=partnership_slug).first()
    else:
        partnership = None
    if partnership is None:
        raise Http404("No such partnership")
    return access_from(user, partnership, rows)


def partnership_view(capability: Capability | None = None):
    """Resolve `<partnership_slug>`, check the capability and run the view in the tenant's scope."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, partnership_slug, *args, **kwargs):
            access = resolve_access(request.user, partnership_slug)
            if capability is not None and not access.can(capability):
                raise PermissionDenied("Your role in this partnership does not allow this.")
            request.partnership = access.partnership
            request.access = access
            with scope(partnership=access.partnership):
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                    response.render()
                return response

        return wrapper

    return decorator
