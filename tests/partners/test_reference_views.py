"""People and posts, groups and funding in the portal's pages: scoped, validated, audited."""

import html

from django.urls import reverse
from django_scopes import scopes_disabled

from partners.models import AuditEvent, FundingLine, FundingYear, Group, Person, Post
from tests.conftest import login


def url(name, *args):
    return reverse(f"partners:{name}", args=["hsscp", *args])


def test_the_business_unit_adds_a_person_and_their_post(world):
    client = login(None, world.editor)
    assert (
        client.post(url("reference_new", "people"), {"name": "Jo Chair", "email": "jo@example.org"}).status_code == 302
    )
    with scopes_disabled():
        jo = Person.objects.get(name="Jo Chair")
    response = client.post(
        url("reference_new", "posts"),
        {"person": jo.pk, "kind": "chair", "from_year": "2024-25", "started_on": "2024-04-01"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        post = Post.objects.get(person=jo)
        events = [e.sentence for e in AuditEvent.objects.filter(action="reference.created").order_by("at")]
    assert post.partnership == world.partnership
    assert events == ["Added person Jo Chair", f"Added post {post}"]
    page = html.unescape(client.get(url("reference", "people")).content.decode())
    assert "Jo Chair" in page and "Partnership chair (April 2024 to now)" in page


def test_a_post_keeps_the_models_rules(world):
    client = login(None, world.editor)
    response = client.post(
        url("reference_new", "posts"), {"kind": "chair", "from_year": "2024-25", "started_on": "2023-01-01"}
    )
    page = html.unescape(response.content.decode())
    assert response.status_code == 422
    assert (
        "Name the person or give the post's title as the report prints it." in page
        or "is not in the reporting year" in page
    )


def test_changes_to_a_group_are_audited_field_by_field(world):
    with scopes_disabled():
        group = Group.objects.create(partnership=world.partnership, name="Learning and Review")
    client = login(None, world.approver)
    client.post(url("reference_edit", "groups", group.pk), {"name": "Learning from Reviews", "position": "2"})
    with scopes_disabled():
        event = AuditEvent.objects.get(action="reference.changed")
    assert "name: Learning and Review → Learning from Reviews" in event.sentence


def test_funding_lines_belong_to_a_year_of_this_partnership(world):
    with scopes_disabled():
        year = FundingYear.objects.create(partnership=world.partnership, year="2024-25")
        theirs = FundingYear.objects.create(partnership=world.other_partnership, year="2024-25")
    client = login(None, world.editor)
    data = {"kind": "expenditure", "label": "Independent scrutiny", "amount": "-12000", "position": "1"}
    assert client.post(url("reference_new", "funding-lines"), {**data, "funding_year": theirs.pk}).status_code == 422
    assert client.post(url("reference_new", "funding-lines"), {**data, "funding_year": year.pk}).status_code == 302
    with scopes_disabled():
        assert FundingLine.objects.get().amount == -12000
    duplicate = client.post(url("reference_new", "funding-years"), {"year": "2024-25"})
    assert duplicate.status_code == 422 and "already has this funding year" in html.unescape(duplicate.content.decode())


def test_deleting_asks_first_and_leaves_a_record(world):
    with scopes_disabled():
        person = Person.objects.create(partnership=world.partnership, name="Leaver")
    client = login(None, world.editor)
    assert "Delete Leaver?" in client.get(url("reference_delete", "people", person.pk)).content.decode()
    client.post(url("reference_delete", "people", person.pk))
    with scopes_disabled():
        assert not Person.objects.filter(pk=person.pk).exists()
        assert AuditEvent.objects.get(action="reference.deleted").sentence == "Deleted person Leaver"


def test_another_partnerships_data_and_unknown_kinds_are_not_found(world):
    with scopes_disabled():
        theirs = Person.objects.create(partnership=world.other_partnership, name="Not ours")
    client = login(None, world.editor)
    assert client.get(url("reference_edit", "people", theirs.pk)).status_code == 404
    assert client.get(url("reference", "nonsense")).status_code == 404


def test_each_partnerships_forms_offer_only_its_own_people_and_groups(world):
    """The forms' pickers are read in the tenant's scope of each request, one partnership after the other."""
    with scopes_disabled():
        Person.objects.create(partnership=world.partnership, name="Ours Only")
        Person.objects.create(partnership=world.other_partnership, name="Theirs Only")
        Group.objects.create(partnership=world.other_partnership, name="Their group")
    ours = login(None, world.editor).get(url("reference_new", "posts")).content.decode()
    other = world.other_partnership.slug
    theirs = login(None, world.outsider).get(reverse("partners:reference_new", args=[other, "posts"])).content.decode()
    assert "Ours Only" in ours and "Theirs Only" not in ours and "Their group" not in ours
    assert "Theirs Only" in theirs and "Their group" in theirs and "Ours Only" not in theirs
