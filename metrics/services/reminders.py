"""Remind an agency's submitters that its return is due: e-mailed by a background task, audited."""

from django.db import transaction
from django.template.loader import render_to_string

from partners import audit
from partners.models import PartnershipRole, Role
from partners.tasks import send_email

from ..errors import FigureError
from ..models import Return


@transaction.atomic
def send_reminder(ret: Return, *, by, return_url: str, filled: int, expected: int, deadline: str) -> int:
    """Queue one e-mail to each active submitter of the return's agency; returns how many.

    Refused for a return that is already with the business unit or approved, and for an
    agency with no submitter (the business unit is told to invite one instead).
    """
    if not ret.is_editable:
        raise FigureError(f"{ret.agency.name}'s return is {ret.get_status_display().lower()}: no reminder is needed.")
    addresses = sorted(
        {
            role.user.email
            for role in PartnershipRole.objects.filter(
                partnership=ret.partnership, role=Role.SUBMITTER, agency=ret.agency, user__is_active=True
            ).select_related("user")
            if role.user.email
        }
    )
    if not addresses:
        raise FigureError(
            f"{ret.agency.name} has no submitter with an e-mail address: invite one on the People page first."
        )
    context = {
        "ret": ret,
        "partnership": ret.partnership,
        "url": return_url,
        "filled": filled,
        "expected": expected,
        "deadline": deadline,
        "by": by.get_full_name() or by.get_username(),
    }
    subject = f"Reminder: {ret.agency.name}'s {ret.round.year} figures for {ret.partnership.short_name}"
    send_email.enqueue(addresses, subject, render_to_string("metrics/email/reminder.txt", context))
    audit.record(
        "metrics.return.reminded",
        partnership=ret.partnership,
        by=by,
        subject=ret,
        recipients=len(addresses),
        filled=filled,
        expected=expected,
        deadline=deadline,
    )
    return len(addresses)
