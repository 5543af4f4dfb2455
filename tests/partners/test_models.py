import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django_scopes import scopes_disabled

from partners.models import FundingLine, PartnershipRole, Role
from tests import factories as f


def test_a_renamed_agency_keeps_its_history(db):
    icb = f.AgencyFactory(name="North East and North Cumbria ICB", kind="health", started_on=dt.date(2022, 7, 1))
    ccg = f.AgencyFactory(name="NHS Tees Valley CCG", kind="health", ended_on=dt.date(2022, 6, 30), replaced_by=icb)
    assert ccg.successors() == [icb]
    assert list(icb.predecessors.all()) == [ccg]


def test_a_replaced_agency_must_say_when_it_ended(db):
    icb = f.AgencyFactory(kind="health")
    ccg = f.AgencyFactory(kind="health", replaced_by=icb)
    with pytest.raises(ValidationError) as error:
        ccg.full_clean()
    assert "ended_on" in error.value.message_dict


def test_an_agency_cannot_end_before_it_starts(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        f.AgencyFactory(started_on=dt.date(2022, 7, 1), ended_on=dt.date(2022, 6, 30))


def test_a_submitter_must_act_for_an_agency_and_others_must_not(db):
    partnership = f.PartnershipFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        f.RoleFactory(partnership=partnership, role=Role.SUBMITTER, agency=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        f.RoleFactory(partnership=partnership, role=Role.EDITOR, agency=f.AgencyFactory())
    assert PartnershipRole.objects.count() == 0


def test_funding_totals_add_contributions_and_other_income_and_spending_is_negative(db):
    funding = f.FundingYearFactory()
    f.FundingLineFactory(funding_year=funding, amount=Decimal("65620"))
    f.FundingLineFactory(funding_year=funding, amount=Decimal("65620"))
    f.FundingLineFactory(
        funding_year=funding, kind="other_income", agency=None, label="Schools", amount=Decimal("31950")
    )
    f.FundingLineFactory(
        funding_year=funding, kind="expenditure", agency=None, label="Staff", amount=Decimal("-100000")
    )
    with scopes_disabled():
        assert funding.total_contributions == Decimal("131240")
        assert funding.total_income == Decimal("163190")
        assert funding.total_expenditure == Decimal("-100000")
        assert funding.net == Decimal("63190")


def test_a_contribution_names_its_agency_or_its_contributors(db):
    funding = f.FundingYearFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        f.FundingLineFactory(funding_year=funding, kind=FundingLine.Kind.CONTRIBUTION, agency=None)
    f.FundingLineFactory(
        funding_year=funding, kind="contribution", agency=None, label="Hartlepool and Stockton Schools"
    )


def test_a_group_cannot_report_to_itself_in_a_circle(db):
    partnership = f.PartnershipFactory()
    top = f.GroupFactory(partnership=partnership)
    below = f.GroupFactory(partnership=partnership, reports_to=top)
    top.reports_to = below
    with scopes_disabled(), pytest.raises(ValidationError):
        top.full_clean()


def test_a_group_chair_comes_from_the_same_partnership(db):
    group = f.GroupFactory()
    group.chair = f.PersonFactory()  # another partnership's person
    with scopes_disabled(), pytest.raises(ValidationError) as error:
        group.full_clean()
    assert "chair" in error.value.message_dict


def test_area_codes_must_be_ons_codes(db):
    area = f.AreaFactory.build(partnership=f.PartnershipFactory(), ons_code="HARTLEPOOL")
    with scopes_disabled(), pytest.raises(ValidationError) as error:
        area.full_clean()
    assert "ONS code" in str(error.value)
