"""Tenant-owned models fail closed: outside a partnership's scope a query raises."""

import pytest
from django.apps import apps
from django_scopes import ScopeError, scope, scopes_disabled

from tests import factories as f

SCOPED = [
    "partners.Area",
    "partners.AgencyMembership",
    "partners.Person",
    "partners.Post",
    "partners.Group",
    "partners.FundingYear",
    "partners.FundingLine",
    "metrics.FrameworkItem",
    "metrics.Metric",
    "metrics.CollectionRound",
    "metrics.Return",
    "metrics.MetricValue",
    "metrics.Comparator",
    "partners.AuditEvent",
    "reports.Report",
    "reports.Section",
    "reports.Revision",
    "reports.SignOff",
    "reports.Comment",
    "reports.RequirementTag",
    "reports.SectionPresence",
    "reports.Rendering",
    "reports.Publication",
    "reports.Artefact",
    "reports.Sending",
]


@pytest.mark.parametrize("label", SCOPED)
def test_a_query_outside_a_partnership_scope_raises(db, label):
    with pytest.raises(ScopeError):
        list(apps.get_model(label).objects.all())


def test_every_model_with_a_partnership_is_scoped():
    unscoped_on_purpose = {
        "partners.PartnershipRole",  # read per user to resolve access, never listed
        "partners.DataVersion",  # a counter read by partnership id (and one for shared data), never listed
    }
    owned = {
        model._meta.label
        for model in apps.get_models()
        if any(field.name in {"partnership", "funding_year"} for field in model._meta.fields)
    }
    assert owned - unscoped_on_purpose == set(SCOPED)


def test_inside_a_scope_only_that_partnerships_rows_are_seen(db):
    mine, theirs = f.PartnershipFactory(), f.PartnershipFactory()
    for partnership in (mine, theirs):
        f.AreaFactory(partnership=partnership)
        f.MetricFactory(partnership=partnership)
        f.FundingLineFactory(funding_year=f.FundingYearFactory(partnership=partnership))
        f.GroupFactory(partnership=partnership)
    from metrics.models import Metric
    from partners.models import Area, FundingLine, Group

    with scope(partnership=mine):
        for model in (Area, Metric, Group):
            assert {row.partnership_id for row in model.objects.all()} == {mine.pk}
        assert {line.funding_year.partnership_id for line in FundingLine.objects.all()} == {mine.pk}


def test_a_shared_group_is_seen_by_the_partnership_it_is_shared_with(db):
    from partners.selectors import groups_for

    owner, guest, stranger = f.PartnershipFactory(), f.PartnershipFactory(), f.PartnershipFactory()
    shared = f.GroupFactory(partnership=owner, name="Tees-wide Harm Outside the Home")
    f.GroupFactory(partnership=owner, name="Engine Room")
    with scopes_disabled():
        shared.shared_with.add(guest)
    assert [g.name for g in groups_for(guest)] == ["Tees-wide Harm Outside the Home"]
    assert groups_for(stranger) == []
    assert len(groups_for(owner)) == 2
