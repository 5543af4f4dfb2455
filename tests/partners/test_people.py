"""The business unit invites people, changes their roles and removes leavers; each change is audited."""

import re

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from partners.models import AuditEvent, PartnershipRole, Role, User
from tests.conftest import login


def url(name, *args):
    return reverse(f"partners:{name}", args=["hsscp", *args])


def invite(client, world, **data):
    payload = {
        "name": "Sam Analyst",
        "email": "sam@cleveland.police.uk",
        "role": "submitter",
        "agency": world.police.pk,
    }
    return client.post(url("person_invite"), {**payload, **data})


def link_in(message):
    return re.search(r"https?://\S+/accounts/invitation/\S+/", message.body).group(0)


def test_an_editor_invites_a_second_submitter_for_an_agency(world):
    client = login(None, world.editor)
    response = invite(client, world)
    assert response.status_code == 302
    sam = User.objects.get(email="sam@cleveland.police.uk")
    assert not sam.has_usable_password() and sam.username == "sam@cleveland.police.uk"
    submitters = PartnershipRole.objects.filter(partnership=world.partnership, role=Role.SUBMITTER, agency=world.police)
    assert {r.user for r in submitters} == {world.submitter, sam}  # several submitters per agency
    (message,) = mail.outbox
    assert message.to == ["sam@cleveland.police.uk"] and "works once, for 7 days" in message.body
    with scopes_disabled():
        event = AuditEvent.objects.get(action="partners.person.invited")
    assert event.actor == world.editor and "Agency submitter for Cleveland Police" in event.sentence


def test_the_link_sets_a_password_once_and_logs_in(client, world):
    invite(login(None, world.editor), world)
    link = link_in(mail.outbox[0])
    page = client.get(link, follow=True)
    assert "Welcome: set your password" in page.content.decode()
    response = client.post(
        page.redirect_chain[-1][0], {"new_password1": "a long new pass 42", "new_password2": "a long new pass 42"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    sam = User.objects.get(email="sam@cleveland.police.uk")
    assert sam.check_password("a long new pass 42")
    assert client.get(reverse("dashboard")).context["user"] == sam
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="partners.person.joined", subject_id=str(sam.pk)).exists()
    used = client.get(link, follow=True).content.decode()
    assert "This invitation link no longer works" in used


def test_an_expired_or_replaced_link_no_longer_works(client, world, settings):
    editor = login(None, world.editor)
    invite(editor, world)
    first = link_in(mail.outbox[0])
    sam = User.objects.get(email="sam@cleveland.police.uk")
    editor.post(url("person_resend", sam.pk))
    second = link_in(mail.outbox[1])
    assert "no longer works" in client.get(first, follow=True).content.decode()
    assert "Welcome" in client.get(second, follow=True).content.decode()
    settings.INVITATION_TIMEOUT_DAYS = 0
    later = timezone.now() + timezone.timedelta(seconds=5)
    from partners import people

    people.invitation_tokens._now = lambda: later.replace(tzinfo=None)
    try:
        assert "no longer works" in client.get(second, follow=True).content.decode()
    finally:
        del people.invitation_tokens._now


def test_the_people_page_shows_who_has_which_role_for_which_agency(world):
    page = login(None, world.approver).get(url("people")).content.decode()
    assert "Agency submitters" in page and "Cleveland Police" in page and "Hartlepool Borough Council" in page
    assert "Business unit editors" in page and "Approvers" in page
    assert "stscp" not in page and world.outsider.username not in page  # another partnership's people


def test_changing_a_role_and_removing_a_leaver_are_audited(world):
    client = login(None, world.approver)
    client.post(url("person_change", world.council_submitter.pk), {"role": "editor"})
    assert PartnershipRole.objects.get(user=world.council_submitter, partnership=world.partnership).role == "editor"
    client.post(url("person_remove", world.council_submitter.pk))
    world.council_submitter.refresh_from_db()
    assert not world.council_submitter.is_active  # no role anywhere: switched off
    with scopes_disabled():
        events = AuditEvent.objects.filter(action__startswith="partners.person.").order_by("at")
        sentences = [e.sentence for e in events]
    assert any(
        "role changed from Agency submitter for Hartlepool Borough Council to Business unit editor" in s
        for s in sentences
    )
    assert any("removed (Business unit editor); account switched off" in s for s in sentences)


def test_a_leaver_with_a_role_elsewhere_keeps_the_account(world):
    PartnershipRole.objects.create(
        user=world.submitter, partnership=world.other_partnership, role=Role.SUBMITTER, agency=world.police
    )
    login(None, world.editor).post(url("person_remove", world.submitter.pk))
    world.submitter.refresh_from_db()
    assert not PartnershipRole.objects.filter(user=world.submitter, partnership=world.partnership).exists()
    assert world.submitter.is_active
    assert login(None, world.submitter).get(reverse("partnership_home", args=["hsscp"])).status_code == 404


def test_an_editor_cannot_make_an_approver_or_change_their_own_role(world):
    client = login(None, world.editor)
    response = invite(client, world, role="approver", email="boss@example.org")
    assert response.status_code == 422 and "Only an approver can make someone an approver." in response.content.decode()
    assert not User.objects.filter(email="boss@example.org").exists()
    response = client.post(url("person_change", world.approver.pk), {"role": "editor"})
    assert response.status_code == 422 and "Only an approver can change an approver" in response.content.decode()
    assert client.get(url("person_change", world.editor.pk)).status_code == 200
    response = client.post(url("person_change", world.editor.pk), {"role": "submitter", "agency": world.police.pk})
    assert "You cannot change your own role" in response.content.decode()


def test_a_submitter_needs_an_agency_of_this_partnership(world):
    client = login(None, world.editor)
    response = invite(client, world, agency="")
    assert (
        response.status_code == 422
        and "Choose the agency whose figures this person enters." in response.content.decode()
    )


def test_inviting_someone_who_already_has_an_account_gives_them_the_role(world):
    client = login(None, world.approver)
    invite(client, world, email=world.outsider.email.upper(), role="editor", agency="")
    outsider = world.outsider
    assert PartnershipRole.objects.filter(user=outsider, partnership=world.partnership, role="editor").exists()
    assert "Log in as usual" in mail.outbox[0].body and "/accounts/invitation/" not in mail.outbox[0].body


def test_a_person_of_another_partnership_cannot_be_changed_from_here(world):
    client = login(None, world.approver)
    assert client.get(url("person_change", world.outsider.pk)).status_code == 404
    assert client.post(url("person_remove", world.outsider.pk)).status_code == 404
