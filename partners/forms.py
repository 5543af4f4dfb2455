from django import forms
from django.db.models import Q

from .models import Agency, Role
from .people import RoleChoice

ROLE_HELP = {
    Role.SUBMITTER: "enters and submits one agency's figures",
    Role.EDITOR: "the business unit: checks returns, keeps reference data, invites people",
    Role.APPROVER: "as an editor, and approves figures",
}


class RoleForm(forms.Form):
    """One role in this partnership; a submitter acts for one agency."""

    role = forms.ChoiceField(
        choices=[(role.value, f"{role.label}: {ROLE_HELP[role]}") for role in Role],
        widget=forms.RadioSelect,
    )
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(),
        required=False,
        empty_label="Choose the agency",
        help_text="Only for an agency submitter: whose figures they enter.",
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = (
            # the partnership's member agencies, and any agency that already has people here
            Agency.objects.filter(
                Q(memberships__partnership=partnership) | Q(user_roles__partnership=partnership),
                ended_on__isnull=True,
            )
            .distinct()
            .order_by("name")
        )

    def clean(self):
        data = super().clean()
        if data.get("role") == Role.SUBMITTER and not data.get("agency"):
            self.add_error("agency", "Choose the agency whose figures this person enters.")
        if data.get("role") and data.get("role") != Role.SUBMITTER:
            data["agency"] = None
        return data

    def choice(self):
        return RoleChoice(self.cleaned_data["role"], self.cleaned_data["agency"])


class InviteForm(RoleForm):
    name = forms.CharField(max_length=300, label="Full name")
    email = forms.EmailField(label="E-mail address", help_text="The invitation goes here; it is also their username.")
    field_order = ["name", "email", "role", "agency"]
