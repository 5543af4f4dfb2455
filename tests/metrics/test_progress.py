"""What waits for each role: figures filled per return, days to the deadline, returns waiting."""

import datetime as dt

import pytest
from django_scopes import scopes_disabled

from metrics import progress, services
from metrics.models import ReturnStatus


def fill(world, raws):
    with scopes_disabled():
        services.save_return(world.police_return, raws, by=world.submitter)


def test_days_to_the_deadline_read_as_words():
    assert progress.days_phrase(12) == "12 days left"
    assert progress.days_phrase(1) == "1 day left"
    assert progress.days_phrase(0) == "due today"
    assert progress.days_phrase(-1) == "1 day overdue"
    assert progress.days_phrase(-30) == "30 days overdue"


def test_figures_filled_count_each_area_and_not_known_as_filled(world, django_assert_num_queries):
    referrals, rate = world.metrics["referrals"], world.metrics["re-referral-rate"]
    hartlepool, stockton = (a.pk for a in world.areas)
    fill(
        world,
        {
            (referrals.pk, hartlepool): services.CellInput(raw="150"),
            (referrals.pk, stockton): services.CellInput(raw="N/K"),
            (rate.pk, hartlepool): services.CellInput(raw="12.5"),
        },
    )
    with scopes_disabled():
        returns = list(world.round.returns.select_related("round", "agency").order_by("agency__name"))
        with django_assert_num_queries(3):
            rows = progress.return_progress(returns, on=dt.date(2026, 6, 3))
    police = next(row for row in rows if row.ret.agency == world.police)
    # referrals, re-referrals, the rate per area (2 areas each) and training sessions once: 7 asked
    assert (police.filled, police.expected) == (3, 7)
    assert police.days_left == -3 and police.deadline == "3 days overdue" and police.is_overdue
    assert police.next_step == "Fill in the 4 remaining figures, then submit."
    council = next(row for row in rows if row.ret.agency == world.council)
    assert (council.filled, council.expected) == (0, 1) and council.next_step == "Start entering your figures."


def test_the_business_units_work_leads_with_submitted_returns(world, submitted_police):
    with scopes_disabled():
        work = progress.business_unit_work(world.partnership, on=dt.date(2026, 5, 21))
    assert [item.ret for item in work.waiting] == [world.police_return]
    assert [item.ret for item in work.outstanding] == [world.council_return]
    assert work.outstanding[0].deadline == "10 days left"
    assert (work.filled, work.expected) == (7, 8)
    assert work.counts[ReturnStatus.SUBMITTED] == 1 and work.status_summary == "1 not started, 1 submitted"


@pytest.fixture
def submitted_police(world):
    with scopes_disabled():
        ret = world.police_return
        services.save_return(
            ret,
            {
                (m.pk, a): services.CellInput(raw="5")
                for m in ret.metrics.all()
                for a in ([x.pk for x in world.areas] if m.is_per_area else [0])
            },
            by=world.submitter,
        )
        services.submit_return(ret, by=world.submitter)
    return ret
