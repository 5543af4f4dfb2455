"""The return's life: draft → submitted → returned or approved → re-opened, with its audit."""

from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from metrics import services
from metrics.models import MetricValue, ReturnStatus
from partners import audit
from partners.models import AuditEvent
from tests import factories as f

pytestmark = pytest.mark.usefixtures("scopes_off")


@pytest.fixture
def scopes_off():
    with scopes_disabled():
        yield


def cells(world, **figures):
    """cells(world, referrals_0="120") → {(metric id, area id): CellInput}; area index after the underscore."""
    result = {}
    for name, raw in figures.items():
        code, _, area_index = name.rpartition("_")
        code = code.replace("_", "-")
        area = None if area_index == "p" else world.areas[int(area_index)]
        result[(world.metrics[code].pk, area.pk if area else 0)] = services.CellInput(raw=raw)
    return result


def fill_everything(world, ret, overrides=None):
    filled = cells(
        world,
        referrals_0="200",
        referrals_1="300",
        re_referrals_0="20",
        re_referrals_1="30",
        re_referral_rate_0="10.5",
        re_referral_rate_1="N/K",
        training_sessions_p="12",
    )
    filled.update(overrides or {})
    checks = services.save_return(ret, filled, by=world.submitter)
    assert not any(c.errors for c in checks.values())
    return filled


def import_figure(world, raw, *, metric="referrals", approved=True, note=""):
    """An administrator's import of one figure for 2025-26 (Hartlepool, or the whole partnership)."""
    metric = world.metrics[metric]
    row = services.ImportRow(
        line=2,
        metric=metric,
        area_id=world.areas[0].pk if metric.is_per_area else None,
        geography=None,
        year=world.round.year,
        cell=services.CellInput(raw=raw, note=note),
        approved=approved,
    )
    services.import_figures(world.partnership, [row], by=world.admin)


def approved_last_year(world, value):
    f.ValueFactory(
        metric=world.metrics["referrals"],
        area=world.areas[0],
        year="2024-25",
        value=Decimal(value),
        approved_at="2025-06-01T00:00Z",
    )


def test_bad_figures_are_refused_whole_with_an_error_at_each(world):
    checks = services.save_return(
        world.police_return,
        cells(world, re_referral_rate_0="120", referrals_0="-3", referrals_1="250"),
        by=world.submitter,
    )
    rate = checks[(world.metrics["re-referral-rate"].pk, world.areas[0].pk)]
    count = checks[(world.metrics["referrals"].pk, world.areas[0].pk)]
    assert rate.errors == ["A percentage must be between 0 and 100."]
    assert "below zero" in count.errors[0]
    assert not MetricValue.objects.exists()  # nothing half-saved
    world.police_return.refresh_from_db()
    assert world.police_return.status == ReturnStatus.NOT_STARTED


def test_counts_must_be_whole_numbers_and_words_are_explained(world):
    checks = services.save_return(
        world.police_return, cells(world, referrals_0="12.5", referrals_1="lots"), by=world.submitter
    )
    assert "whole number" in checks[(world.metrics["referrals"].pk, world.areas[0].pk)].errors[0]
    assert '"lots" is not a number' in checks[(world.metrics["referrals"].pk, world.areas[1].pk)].errors[0]


def test_a_part_cannot_exceed_its_whole_in_the_same_area(world):
    checks = services.save_return(
        world.police_return, cells(world, referrals_0="100", re_referrals_0="101"), by=world.submitter
    )
    assert "cannot be more than “Referrals”" in checks[(world.metrics["re-referrals"].pk, world.areas[0].pk)].errors[0]


def test_a_part_is_checked_against_the_stored_whole_too(world):
    services.save_return(world.police_return, cells(world, referrals_0="100"), by=world.submitter)
    checks = services.save_return(world.police_return, cells(world, re_referrals_0="150"), by=world.submitter)
    assert checks[(world.metrics["re-referrals"].pk, world.areas[0].pk)].errors


def test_a_draft_keeps_numbers_not_known_notes_and_qualifiers(world):
    key = (world.metrics["referrals"].pk, world.areas[0].pk)
    services.save_return(
        world.police_return,
        {
            key: services.CellInput(raw="1,234", note="as at 31 March", qualifier="Q2-Q4 only"),
            (world.metrics["referrals"].pk, world.areas[1].pk): services.CellInput(raw="n/k"),
        },
        by=world.submitter,
    )
    stored = {v.area_id: v for v in MetricValue.objects.filter(metric=world.metrics["referrals"])}
    assert stored[world.areas[0].pk].value == Decimal("1234")
    assert stored[world.areas[0].pk].note == "as at 31 March"
    assert stored[world.areas[0].pk].qualifier == "Q2-Q4 only"
    assert stored[world.areas[1].pk].is_not_known and stored[world.areas[1].pk].value is None
    world.police_return.refresh_from_db()
    assert world.police_return.status == ReturnStatus.DRAFT


def test_submitting_needs_every_figure(world):
    services.save_return(world.police_return, cells(world, referrals_0="200"), by=world.submitter)
    with pytest.raises(services.FigureError, match="still empty"):
        services.submit_return(world.police_return, by=world.submitter)


def test_a_large_change_warns_but_saves_and_needs_an_explanation_to_submit(world):
    approved_last_year(world, "100")
    fill_everything(world, world.police_return)
    key = (world.metrics["referrals"].pk, world.areas[0].pk)
    assert MetricValue.objects.get(metric=world.metrics["referrals"], area=world.areas[0], year="2025-26").value == 200
    with pytest.raises(services.FigureError, match="large change needs an explanation"):
        services.submit_return(world.police_return, by=world.submitter)
    fill_everything(
        world, world.police_return, {key: services.CellInput(raw="200", explanation="New recording system")}
    )
    services.submit_return(world.police_return, by=world.submitter)
    world.police_return.refresh_from_db()
    assert world.police_return.status == ReturnStatus.SUBMITTED


def test_the_full_cycle_locks_approved_figures_and_records_every_step(world):
    ret = world.police_return
    fill_everything(world, ret)
    services.submit_return(ret, by=world.submitter)
    with pytest.raises(services.FigureError, match="cannot be changed"):
        services.save_return(ret, cells(world, referrals_0="1"), by=world.submitter)
    with pytest.raises(services.FigureError, match="Give a reason"):
        services.send_back_return(ret, by=world.editor, reason="  ")
    services.send_back_return(ret, by=world.editor, reason="Hartlepool referrals look too low")
    fill_everything(world, ret, cells(world, referrals_0="210"))
    services.submit_return(ret, by=world.submitter)
    services.approve_return(ret, by=world.approver)
    assert MetricValue.objects.filter(collected_in=ret, approved_at__isnull=True).count() == 0
    with pytest.raises(services.FigureError, match="ask an approver to re-open it"):
        services.save_return(ret, cells(world, referrals_0="1"), by=world.submitter)
    services.reopen_return(ret, by=world.approver, reason="Stockton figure corrected by the force")
    assert MetricValue.objects.filter(collected_in=ret, approved_at__isnull=False).count() == 0
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.RETURNED and ret.status_reason == "Stockton figure corrected by the force"
    actions = list(audit.about_or_within(ret).values_list("action", flat=True))
    for step in ("saved", "submitted", "returned", "approved", "reopened"):
        assert f"metrics.return.{step}" in actions
    value = MetricValue.objects.get(metric=world.metrics["referrals"], area=world.areas[0])
    change = audit.about(value).get(action="metrics.value.changed", data__old="200")
    assert change.new == "210" and change.actor == world.submitter and change.via == "form"


def test_only_a_submitted_return_can_be_approved_or_sent_back(world):
    with pytest.raises(services.FigureError):
        services.approve_return(world.police_return, by=world.approver)
    with pytest.raises(services.FigureError):
        services.send_back_return(world.police_return, by=world.editor, reason="why")
    with pytest.raises(services.FigureError):
        services.reopen_return(world.police_return, by=world.approver, reason="why")


def test_figures_outside_the_return_are_refused(world):
    stranger = f.MetricFactory(partnership=world.partnership)
    with pytest.raises(services.FigureError, match="not part of this return"):
        services.save_return(
            world.police_return, {(stranger.pk, world.areas[0].pk): services.CellInput(raw="1")}, by=world.submitter
        )


def test_a_council_return_covers_only_its_own_area(world):
    from metrics.selectors import return_sheet

    lado = f.MetricFactory(partnership=world.partnership, code="lado-referrals", name="LADO referrals")
    services.open_round(
        partnership=world.partnership,
        year=world.round.year,
        opens_on=world.round.opens_on,
        closes_on=world.round.closes_on,
        areas=world.areas,
        assignments={world.council: ([lado], [world.areas[0]])},
        by=world.editor,
    )
    sheet = return_sheet(world.council_return)
    assert [a.name for a in sheet.areas] == ["Hartlepool"]
    with pytest.raises(services.FigureError):
        services.save_return(
            world.council_return,
            {(lado.pk, world.areas[1].pk): services.CellInput(raw="1")},
            by=world.council_submitter,
        )


def test_a_figure_is_returned_by_one_agency_only(world):
    with pytest.raises(services.FigureError, match="would be returned by both Cleveland Police and Hartlepool"):
        services.open_round(
            partnership=world.partnership,
            year=world.round.year,
            opens_on=world.round.opens_on,
            closes_on=world.round.closes_on,
            areas=world.areas,
            assignments={world.council: ([world.metrics["referrals"]], world.areas)},
            by=world.editor,
        )
    # Extending with a metric another agency already returns leaves it with that agency.
    services.open_round(
        partnership=world.partnership,
        year=world.round.year,
        opens_on=world.round.opens_on,
        closes_on=world.round.closes_on,
        areas=world.areas,
        assignments={world.council: [world.metrics["referrals"]]},
        by=world.editor,
    )
    assert world.metrics["referrals"] not in world.council_return.metrics.all()


def test_a_comparator_keeps_its_units_rules_but_not_the_local_limits(world):
    rate = world.metrics["re-referral-rate"]
    with pytest.raises(services.FigureError, match="between 0 and 100"):
        services.set_comparator(
            metric=rate, year=world.round.year, geography="E92000001", value=Decimal("120"), by=world.editor
        )
    referrals = world.metrics["referrals"]
    referrals.maximum = Decimal("5000")
    referrals.save()
    comparator = services.set_comparator(
        metric=referrals, year=world.round.year, geography="E92000001", value=Decimal("650000"), by=world.editor
    )
    assert comparator.value == Decimal("650000")


def test_a_figure_approved_by_an_import_is_locked_against_the_return(world):
    key = (world.metrics["referrals"].pk, world.areas[0].pk)
    import_figure(world, "100")
    checks = services.save_return(world.police_return, {key: services.CellInput(raw="120")}, by=world.submitter)
    assert "already approved" in checks[key].errors[0]
    unchanged = services.save_return(world.police_return, {key: services.CellInput(raw="100")}, by=world.submitter)
    assert not unchanged[key].errors
    value = MetricValue.objects.get(metric=world.metrics["referrals"], area=world.areas[0])
    assert value.value == 100 and value.is_approved


def test_an_import_marked_unapproved_withdraws_the_approval_of_a_changed_figure(world):
    import_figure(world, "100")
    import_figure(world, "120", approved=False)
    value = MetricValue.objects.get(metric=world.metrics["referrals"], area=world.areas[0])
    assert value.value == 120 and not value.is_approved


def test_approving_claims_figures_the_agency_left_unchanged(world):
    key = (world.metrics["training-sessions"].pk, 0)
    import_figure(world, "12", metric="training-sessions", approved=False)
    fill_everything(world, world.police_return, {key: services.CellInput(raw="12")})
    services.submit_return(world.police_return, by=world.submitter)
    services.approve_return(world.police_return, by=world.approver)
    value = MetricValue.objects.get(metric=world.metrics["training-sessions"])
    assert value.is_approved and value.collected_in == world.police_return
    services.reopen_return(world.police_return, by=world.approver, reason="Recount")
    value.refresh_from_db()
    assert not value.is_approved


def test_a_page_built_from_an_older_version_is_not_saved_over_newer_figures(world):
    key = (world.metrics["referrals"].pk, world.areas[0].pk)
    old_version = world.police_return.version
    services.save_return(world.police_return, {key: services.CellInput(raw="100")}, by=world.submitter)
    with pytest.raises(services.StaleReturn):
        services.save_return(
            world.police_return, {key: services.CellInput(raw="")}, by=world.submitter, expected_version=old_version
        )
    assert MetricValue.objects.get(metric=world.metrics["referrals"], area=world.areas[0]).value == 100


def test_clearing_a_draft_figure_keeps_its_history_in_the_audit(world):
    key = (world.metrics["referrals"].pk, world.areas[0].pk)
    services.save_return(world.police_return, {key: services.CellInput(raw="120")}, by=world.submitter)
    services.save_return(world.police_return, {key: services.CellInput(raw="")}, by=world.submitter)
    assert not MetricValue.objects.exists()
    actions = list(audit.about_or_within(world.police_return).values_list("action", flat=True))
    assert actions.count("metrics.value.changed") == 1 and "metrics.value.cleared" in actions
    cleared = AuditEvent.objects.get(action="metrics.value.cleared")
    assert (cleared.old, cleared.subject_label) == ("120", "Referrals, Hartlepool")
    assert audit.sentence(cleared) == "Referrals, Hartlepool: 120 → cleared"


def reopen_round(world, assignments):
    return services.open_round(
        partnership=world.partnership,
        year=world.round.year,
        opens_on=world.round.opens_on,
        closes_on=world.round.closes_on,
        areas=world.areas,
        assignments=assignments,
        by=world.editor,
    )


def test_extending_a_round_cannot_change_an_approved_return(world):
    fill_everything(world, world.police_return)
    services.submit_return(world.police_return, by=world.submitter)
    services.approve_return(world.police_return, by=world.approver)
    with pytest.raises(services.FigureError, match="approved: it cannot be given other metrics"):
        reopen_round(world, {world.police: ([world.metrics["referrals"]], world.areas)})
    with pytest.raises(services.FigureError, match="approved: it cannot be given other metrics"):
        reopen_round(world, {world.police: [f.MetricFactory(partnership=world.partnership)]})
    assert world.police_return.metrics.count() == 4
    reopen_round(world, {world.police: [world.metrics["referrals"]]})  # nothing new: accepted, unchanged


def test_extending_a_round_adds_metrics_but_never_removes_them_or_changes_its_areas(world):
    lado = f.MetricFactory(partnership=world.partnership, code="lado-referrals", name="LADO referrals")
    reopen_round(world, {world.police: [lado]})
    assert world.police_return.metrics.count() == 5
    changed = AuditEvent.objects.get(action="metrics.round.changed")
    assert changed.data["metrics_added"] == {"Cleveland Police": ["lado-referrals"]}
    with pytest.raises(services.FigureError, match="areas of a round that already has returns"):
        services.open_round(
            partnership=world.partnership,
            year=world.round.year,
            opens_on=world.round.opens_on,
            closes_on=world.round.closes_on,
            areas=world.areas[:1],
            assignments={},
            by=world.editor,
        )


def test_extending_a_round_keeps_a_councils_own_area_and_is_audited(world):
    lado = f.MetricFactory(partnership=world.partnership, code="lado-referrals", name="LADO referrals")
    reopen_round(world, {world.council: ([lado], [world.areas[0]])})
    reopen_round(world, {world.council: [lado]})
    assert list(world.council_return.areas.all()) == [world.areas[0]]
    assert AuditEvent.objects.filter(action="metrics.round.changed").count() == 2


@pytest.mark.parametrize(
    "typed",
    [
        services.CellInput(raw="11"),  # another number
        services.CellInput(raw=""),  # clearing the box
        services.CellInput(raw="N/K"),
    ],
)
def test_an_approved_figure_is_locked_even_against_the_return_that_first_collected_it(world, typed):
    key = (world.metrics["referrals"].pk, world.areas[0].pk)
    services.save_return(world.police_return, {key: services.CellInput(raw="10")}, by=world.submitter)
    import_figure(world, "12")
    checks = services.save_return(world.police_return, {key: typed}, by=world.submitter)
    assert "already approved" in checks[key].errors[0]
    value = MetricValue.objects.get(metric=world.metrics["referrals"], area=world.areas[0])
    assert (value.value, value.is_approved) == (12, True)


@pytest.mark.parametrize(
    "typed",
    [
        services.CellInput(raw="12", note="a note\nwith a line break"),
        services.CellInput(raw="12.00", explanation="Because\r\nof this", rank_out_of="7"),
    ],
)
def test_the_details_sent_back_with_a_locked_figure_never_block_a_save_or_change_it(world, typed):
    key = (world.metrics["referrals"].pk, world.areas[0].pk)
    import_figure(world, "12", note="as at 31 March")
    other = (world.metrics["referrals"].pk, world.areas[1].pk)
    checks = services.save_return(
        world.police_return, {key: typed, other: services.CellInput(raw="30")}, by=world.submitter
    )
    assert not checks[key].errors
    value = MetricValue.objects.get(metric=world.metrics["referrals"], area=world.areas[0])
    assert (value.value, value.note, value.explanation, value.is_approved) == (12, "as at 31 March", "", True)
    assert MetricValue.objects.get(metric=world.metrics["referrals"], area=world.areas[1]).value == 30


def test_a_locked_figure_far_from_last_year_does_not_block_submitting(world):
    approved_last_year(world, "10")
    import_figure(world, "200")
    key = (world.metrics["referrals"].pk, world.areas[0].pk)
    fill_everything(world, world.police_return, {key: services.CellInput(raw="200")})
    submitted = services.submit_return(world.police_return, by=world.submitter)
    assert submitted.status == ReturnStatus.SUBMITTED
    world.police_return.refresh_from_db()
    assert world.police_return.status == ReturnStatus.SUBMITTED and world.police_return.submitted_by == world.submitter


def test_an_administrators_import_makes_open_pages_out_of_date(world):
    version = world.police_return.version
    import_figure(world, "50")
    key = (world.metrics["referrals"].pk, world.areas[1].pk)
    with pytest.raises(services.StaleReturn):
        services.save_return(
            world.police_return, {key: services.CellInput(raw="1")}, by=world.submitter, expected_version=version
        )


def test_an_out_of_range_rank_total_and_too_many_decimals_are_errors_not_crashes(world):
    key = (world.metrics["re-referral-rate"].pk, world.areas[0].pk)
    checks = services.save_return(
        world.police_return,
        {
            key: services.CellInput(raw="12.123456", rank_out_of="3000000000"),
        },
        by=world.submitter,
    )
    assert "at most 4 decimal places" in " ".join(checks[key].errors)
    assert '"Out of" (rank_out_of in a file) must be a whole number' in " ".join(checks[key].errors)


def test_absurd_numbers_and_overlong_explanations_are_errors_at_the_field(world):
    key = (world.metrics["referrals"].pk, world.areas[0].pk)
    other = (world.metrics["referrals"].pk, world.areas[1].pk)
    checks = services.save_return(
        world.police_return,
        {key: services.CellInput(raw="1e1000000"), other: services.CellInput(raw="5", explanation="x" * 2_001)},
        by=world.submitter,
    )
    assert checks[key].errors == ["This number is too large to be right."]
    assert checks[other].errors == ["The explanation can be at most 2,000 characters; this one has 2,001. Shorten it."]
