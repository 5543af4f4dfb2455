"""Predecessor boards, posts with their months, groups with years and order, funding in accounts style."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from partners import selectors, services
from partners.accounts import accounts_rows, format_accounts
from partners.models import FundingLine, PartnershipKind, Post, PostKind
from partners.years import ReportingYear
from tests import factories as f
from tests.conftest import login

# --- accounts-style money ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "decimals", "printed"),
    [
        (Decimal("65620"), 0, "65,620"),
        (Decimal("-38356"), 0, "(38,356)"),
        (Decimal("-1234.5"), 2, "(1,234.50)"),
        (Decimal("0"), 0, "0"),
        (None, 0, "–"),
        (Decimal("-0.4"), 0, "0"),  # rounds to nothing, so no brackets around a zero
    ],
)
def test_money_prints_as_the_accounts_do(amount, decimals, printed):
    assert format_accounts(amount, decimals) == printed


def _line(kind, label, amount, note=""):
    return FundingLine(kind=kind, label=label, amount=Decimal(amount), note=note)


def test_hsscp_2024_25_table_prints_its_totals_where_the_report_does():
    lines = [_line("contribution", f"Partner {n}", "65620") for n in range(4)]
    lines += [
        _line("contribution", "Relevant Agency Contributions", "9534"),
        _line("contribution", "Hartlepool and Stockton Schools", "31950"),
        _line("use_of_reserves", "Release of HSSCP reserve", "38356"),
    ]
    rows = [(r.label, r.amount, r.is_total) for r in accounts_rows(lines)]
    assert rows[-3:] == [
        ("Total contributions", "303,964", True),
        ("Release of HSSCP reserve", "38,356", False),
        ("Total income", "342,320", True),
    ]


def test_spending_prints_in_brackets_with_its_total_and_the_deficit():
    lines = [
        _line("reserves_brought_forward", "", "50000"),
        _line("contribution", "Council", "100000"),
        _line("expenditure", "Staffing", "-120000.50", note="two posts"),
        _line("reserves_carried_forward", "", "29999.50"),
    ]
    rows = [(r.label, r.amount, r.note) for r in accounts_rows(lines)]
    assert rows == [
        ("Reserves brought forward", "50,000.00", ""),
        ("Council", "100,000.00", ""),
        ("Total income", "100,000.00", ""),
        ("Staffing", "(120,000.50)", "two posts"),
        ("Total expenditure", "(120,000.50)", ""),
        ("Surplus (deficit) for the year", "(20,000.50)", ""),
        ("Reserves carried forward", "29,999.50", ""),
    ]


def test_the_portal_warns_when_reserves_brought_forward_differ_from_last_years_carried_forward(db):
    partnership = f.PartnershipFactory()
    with scope(partnership=partnership):
        services.set_funding_year(
            partnership=partnership, year="2023-24", lines=[("reserves_carried_forward", None, "", "41000")]
        )
        services.set_funding_year(
            partnership=partnership, year="2024-25", lines=[("reserves_brought_forward", None, "", "40000")]
        )
        warnings = selectors.reserves_warnings(selectors.funding_years(partnership))
    assert warnings == {
        ReportingYear(2024): "Reserves brought forward into 2024-25 (£40,000) differ from the reserves "
        "carried forward from 2023-24 (£41,000)."
    }
    with scope(partnership=partnership):
        services.set_funding_year(
            partnership=partnership, year="2024-25", lines=[("reserves_brought_forward", None, "", "41000")]
        )
        assert selectors.reserves_warnings(selectors.funding_years(partnership)) == {}


def test_a_year_holds_one_balance_of_each_kind(db):
    funding = f.FundingYearFactory()
    f.FundingLineFactory(funding_year=funding, kind="reserves_carried_forward", agency=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        f.FundingLineFactory(funding_year=funding, kind="reserves_carried_forward", agency=None)


def test_funding_page_shows_brackets_totals_notes_and_the_warning(world, client):
    with scope(partnership=world.partnership):
        _two_funding_years(world)
    page = login(client, world.editor).get(reverse("partners:funding", args=[world.partnership.slug]))
    text = page.content.decode()
    assert "(1,500)" in text and "venue hire" in text and "Standstill budget." in text
    assert "Total expenditure" in text and "64,120" in text  # surplus for the year
    assert "differ from the reserves carried forward from 2023-24" in text
    assert text.index("Reserves brought forward") < text.index(world.police.name) < text.index("Training")


def _two_funding_years(world):
    services.set_funding_year(
        partnership=world.partnership, year="2023-24", lines=[("reserves_carried_forward", None, "", "10")]
    )
    services.set_funding_year(
        partnership=world.partnership,
        year="2024-25",
        notes="Standstill budget.",
        lines=[
            ("reserves_brought_forward", None, "", "12"),
            ("contribution", world.police, "", "65620"),
            ("expenditure", None, "Training", "-1500", "venue hire"),
        ],
    )


# --- predecessor boards --------------------------------------------------------------------------------


def test_a_board_that_was_succeeded_must_say_when_it_ended(db):
    hsscp = f.PartnershipFactory(started_on=dt.date(2019, 4, 10))
    board = f.PartnershipFactory.build(kind=PartnershipKind.BOARD, succeeded_by=hsscp)
    with pytest.raises(ValidationError) as error:
        board.full_clean()
    assert "ended_on" in error.value.message_dict
    board.ended_on = dt.date(2019, 4, 9)
    board.full_clean()
    board.save()
    assert list(hsscp.predecessors.all()) == [board]
    assert board.existed_during(dt.date(2018, 4, 1), dt.date(2019, 3, 31))
    assert not hsscp.existed_during(dt.date(2018, 4, 1), dt.date(2019, 3, 31))
    assert hsscp.existed_during(dt.date(2019, 4, 1), dt.date(2020, 3, 31))  # part of 2019-20


# --- posts and groups ----------------------------------------------------------------------------------


def test_two_chairs_in_one_year_each_with_their_months(db):
    partnership = f.PartnershipFactory()
    with scope(partnership=partnership):
        _two_chairs(partnership)
        posts = selectors.posts_of(partnership)
    assert [(p.holder, p.get_kind_display(), p.span) for p in posts] == [
        ("A Director", "Partnership chair", "August 2024 to now"),
        ("Independent Scrutineer", "Independent chair", "April 2024 to July 2024"),
    ]


def _two_chairs(partnership):
    services.set_post(
        partnership=partnership,
        kind=PostKind.INDEPENDENT_CHAIR,
        title="Independent Scrutineer",
        from_year="2024-25",
        to_year="2024-25",
        started_on=dt.date(2024, 4, 1),
        ended_on=dt.date(2024, 7, 31),
    )
    person = services.ensure_person(partnership=partnership, name="A Director")
    services.set_post(
        person=person, kind=PostKind.CHAIR, from_year="2024-25", to_year="2024-25", started_on=dt.date(2024, 8, 1)
    )


def test_a_lay_member_needs_no_name_but_other_unnamed_posts_need_a_title(db):
    partnership = f.PartnershipFactory()
    lay = Post(partnership=partnership, kind=PostKind.LAY_MEMBER, from_year=ReportingYear(2018))
    lay.full_clean()
    assert lay.holder == "Lay member"
    chair = Post(partnership=partnership, kind=PostKind.CHAIR, from_year=ReportingYear(2018))
    with pytest.raises(ValidationError) as error:
        chair.full_clean()
    assert "title" in error.value.message_dict


def test_a_posts_dates_fall_in_its_reporting_years(db):
    post = Post(
        partnership=f.PartnershipFactory(),
        kind=PostKind.BUSINESS_MANAGER,
        title="Business Manager",
        from_year=ReportingYear(2024),
        started_on=dt.date(2024, 3, 31),  # still 2023-24
    )
    with pytest.raises(ValidationError) as error:
        post.full_clean()
    assert error.value.message_dict["started_on"] == ["31 March 2024 is not in the reporting year 2024-25."]


def test_groups_come_in_the_business_units_order_with_their_years(db):
    partnership = f.PartnershipFactory()
    with scope(partnership=partnership):
        services.ensure_group(partnership=partnership, name="Aardvark", position=20)
        services.ensure_group(partnership=partnership, name="Zebra Executive", position=10, from_year="2019-20")
        services.ensure_group(
            partnership=partnership, name="Task group", position=30, from_year="2021-22", to_year="2022-23"
        )
        groups = selectors.groups_for(partnership)
    assert [(g.name, g.years) for g in groups] == [
        ("Zebra Executive", "since 2019-20"),
        ("Aardvark", ""),
        ("Task group", "2021-22 to 2022-23"),
    ]
    assert groups[2].existed_in(ReportingYear(2022)) and not groups[2].existed_in(ReportingYear(2023))


# --- the migration keeps every amount -------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_migration_turns_reserve_balances_into_lines_and_keeps_every_amount():
    executor = MigrationExecutor(connection)
    old = [("partners", "0003_area_council")]
    executor.migrate(old)
    state = executor.loader.project_state(old).apps
    Partnership = state.get_model("partners", "Partnership")
    FundingYear = state.get_model("partners", "FundingYear")
    FundingLine = state.get_model("partners", "FundingLine")
    Agency = state.get_model("partners", "Agency")
    partnership = Partnership.objects.create(name="Old", short_name="OLD", slug="old")
    year = FundingYear.objects.create(
        partnership=partnership,
        year="2023-24",
        reserves_brought_forward=Decimal("1000.00"),
        reserves_carried_forward=Decimal("750.00"),
    )
    police = Agency.objects.create(name="Police", kind="police")
    FundingLine.objects.create(funding_year=year, kind="contribution", agency=police, amount=Decimal("500"), position=0)
    FundingLine.objects.create(funding_year=year, kind="expenditure", label="Staff", amount=Decimal("750"), position=1)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    with scopes_disabled():
        from partners.models import FundingYear as Current

        migrated = Current.objects.get(year="2023-24")
        assert [(line.kind, line.amount) for line in migrated.lines.order_by("position")] == [
            ("reserves_brought_forward", Decimal("1000.00")),
            ("contribution", Decimal("500.00")),
            ("expenditure", Decimal("-750.00")),
            ("reserves_carried_forward", Decimal("750.00")),
        ]
        assert migrated.reserves_brought_forward == Decimal("1000.00")
        assert migrated.total_expenditure == Decimal("-750.00")


def test_the_structure_page_shows_each_agencys_history_each_post_and_who_shares_each_group(world):
    with scopes_disabled():
        merged_into = f.AgencyFactory(name="Tees Valley ICB", kind="health")
        ccg = f.AgencyFactory(
            name="Hartlepool CCG", kind="health", ended_on=dt.date(2022, 6, 30), replaced_by=merged_into
        )
        f.MembershipFactory(partnership=world.partnership, agency=ccg, year=ReportingYear(2021), role="delegated")
        chair = f.PersonFactory(partnership=world.partnership, name="Ann Chair")
        board = f.GroupFactory(partnership=world.partnership, name="Executive board", purpose="Sets the priorities")
        f.GroupFactory(partnership=world.partnership, name="Audit group", chair=chair, reports_to=board)
        board.shared_with.add(world.other_partnership)
        theirs = f.GroupFactory(partnership=world.other_partnership, name="Tees-wide exploitation group")
        theirs.shared_with.add(world.partnership)
        f.PostFactory(person=chair, kind=PostKind.SUBGROUP_CHAIR, title="Head of audit", agency=world.police)
        f.PostFactory(person=None, partnership=world.partnership, kind=PostKind.LAY_MEMBER, to_year=ReportingYear(2024))
    page = login(None, world.editor).get(reverse("partners:structure", args=["hsscp"])).content.decode()
    assert (
        '<th scope="row">Hartlepool CCG</th><td>Health</td><td>Delegated safeguarding partner</td>\n'
        "        <td>Replaced by Tees Valley ICB on 30 June 2022</td>"
    ) in page
    assert "<td><strong>Ann Chair</strong>, Head of audit, Cleveland Police</td>" in page
    assert "<td>Lay member</td>\n      <td>2024-25</td>" in page
    assert '<th scope="row">Executive board<div class="small fw-normal text-body-secondary">Sets the priorities' in page
    other = world.other_partnership.short_name
    assert f"<td>–</td>\n      <td>–</td>\n      <td>Shared with {other}</td>" in page
    assert "<td>Ann Chair</td>\n      <td>Executive board</td>\n      <td>–</td>" in page
    assert f"<td>Shared by {other}</td>" in page
