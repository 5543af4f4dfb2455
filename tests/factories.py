"""factory-boy factories, one per model. They create rows outside any tenant scope on purpose."""

import datetime as dt
from decimal import Decimal

import factory
from django_scopes import scopes_disabled

from metrics import models as m
from partners import models as p
from partners.years import ReportingYear

PASSWORD = "correct-horse-battery"


class ScopedFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        with scopes_disabled():
            return super()._after_postgeneration(instance, create, results)


class PartnershipFactory(ScopedFactory):
    class Meta:
        model = p.Partnership

    name = factory.Sequence(lambda n: f"Example Safeguarding Children Partnership {n}")
    short_name = factory.Sequence(lambda n: f"ESCP{n}")
    slug = factory.Sequence(lambda n: f"escp{n}")


class AreaFactory(ScopedFactory):
    class Meta:
        model = p.Area

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Area {n}")
    ons_code = factory.Sequence(lambda n: f"E06{n:06d}")


class AgencyFactory(ScopedFactory):
    class Meta:
        model = p.Agency

    name = factory.Sequence(lambda n: f"Agency {n}")
    kind = p.AgencyKind.POLICE


class MembershipFactory(ScopedFactory):
    class Meta:
        model = p.AgencyMembership

    partnership = factory.SubFactory(PartnershipFactory)
    agency = factory.SubFactory(AgencyFactory)
    year = ReportingYear(2024)
    role = p.PartnerRole.LEAD


class PersonFactory(ScopedFactory):
    class Meta:
        model = p.Person

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Person {n}")


class PostFactory(ScopedFactory):
    class Meta:
        model = p.Post

    person = factory.SubFactory(PersonFactory)
    partnership = factory.SelfAttribute("person.partnership")
    kind = p.PostKind.CHAIR
    from_year = ReportingYear(2024)


class GroupFactory(ScopedFactory):
    class Meta:
        model = p.Group

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Group {n}")


class FundingYearFactory(ScopedFactory):
    class Meta:
        model = p.FundingYear

    partnership = factory.SubFactory(PartnershipFactory)
    year = ReportingYear(2024)


class FundingLineFactory(ScopedFactory):
    class Meta:
        model = p.FundingLine

    funding_year = factory.SubFactory(FundingYearFactory)
    kind = p.FundingLine.Kind.CONTRIBUTION
    agency = factory.SubFactory(AgencyFactory)
    amount = Decimal("1000.00")


class UserFactory(ScopedFactory):
    class Meta:
        model = p.User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class RoleFactory(ScopedFactory):
    class Meta:
        model = p.PartnershipRole

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory)
    role = p.Role.EDITOR


class MetricFactory(ScopedFactory):
    class Meta:
        model = m.Metric

    partnership = factory.SubFactory(PartnershipFactory)
    code = factory.Sequence(lambda n: f"metric-{n}")
    name = factory.Sequence(lambda n: f"Metric {n}")
    unit = m.Unit.COUNT
    polarity = m.Polarity.NEUTRAL
    level = m.Level.AREA


class RoundFactory(ScopedFactory):
    class Meta:
        model = m.CollectionRound

    partnership = factory.SubFactory(PartnershipFactory)
    year = ReportingYear(2025)
    opens_on = dt.date(2026, 4, 1)
    closes_on = dt.date(2026, 5, 31)


class ReturnFactory(ScopedFactory):
    class Meta:
        model = m.Return

    round = factory.SubFactory(RoundFactory)
    partnership = factory.SelfAttribute("round.partnership")
    agency = factory.SubFactory(AgencyFactory)


class ValueFactory(ScopedFactory):
    class Meta:
        model = m.MetricValue

    metric = factory.SubFactory(MetricFactory)
    partnership = factory.SelfAttribute("metric.partnership")
    year = ReportingYear(2024)
    value = Decimal("10")


class ComparatorFactory(ScopedFactory):
    class Meta:
        model = m.Comparator

    metric = factory.SubFactory(MetricFactory)
    partnership = factory.SelfAttribute("metric.partnership")
    year = ReportingYear(2024)
    geography = m.ComparatorKind.ENGLAND
    value = Decimal("20")
