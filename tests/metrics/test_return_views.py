import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from metrics import services
from metrics.models import MetricValue, ReturnStatus
from tests.conftest import login


def field(world, code, area_index, prefix="v"):
    area = world.areas[area_index] if area_index is not None else None
    return f"{prefix}-{world.metrics[code].pk}-{area.pk if area else 0}"


def url(world, name="metrics:return", **kwargs):
    return reverse(name, args=["hsscp", world.police_return.pk], **kwargs)


def version(world):
    """What the form's hidden version field holds: the return as the page was built."""
    world.police_return.refresh_from_db()
    return world.police_return.version


def test_the_partner_sees_its_return_with_last_years_figure(world):
    from tests import factories as f

    f.ValueFactory(metric=world.metrics["referrals"], area=world.areas[0], year="2024-25", value=821)
    response = login(None, world.submitter).get(url(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cleveland Police: figures for 2025-26" in html
    box = f"{world.metrics['referrals'].pk}-{world.areas[0].pk}"
    assert f'aria-describedby="h-{box}"' in html  # the hint, which the live change reads, belongs to the box
    assert f'<div class="form-text" id="h-{box}">Last year: 821</div>' in html


def test_errors_show_at_the_fields_and_everything_typed_is_kept(world):
    client = login(None, world.submitter)
    response = client.post(
        url(world),
        {
            field(world, "re-referral-rate", 0): "120",
            field(world, "referrals", 0): "-3",
            field(world, "referrals", 1): "250",
            field(world, "referrals", 1, "n"): "as at 31 March",
            "action": "save",
            "version": version(world),
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "A percentage must be between 0 and 100." in html
    assert "A count or rate cannot be below zero" in html
    assert f'name="{field(world, "referrals", 1)}" value="250"' in html
    assert 'value="as at 31 March"' in html
    assert f'name="{field(world, "re-referral-rate", 0)}" value="120"' in html
    assert 'aria-invalid="true"' in html
    with scopes_disabled():
        assert not MetricValue.objects.exists()


def test_saving_a_draft_and_coming_back_shows_the_figures(world):
    client = login(None, world.submitter)
    response = client.post(
        url(world), {field(world, "referrals", 0): "250", "action": "save", "version": version(world)}
    )
    assert response.status_code == 302
    page = client.get(url(world)).content.decode()
    assert "Draft saved" in page
    assert f'name="{field(world, "referrals", 0)}" value="250"' in page
    assert '<span class="status status-draft">Draft</span>' in page


def test_submit_from_the_form_saves_then_submits(world):
    client = login(None, world.submitter)
    data = {
        field(world, "referrals", 0): "200",
        field(world, "referrals", 1): "300",
        field(world, "re-referrals", 0): "20",
        field(world, "re-referrals", 1): "N/K",
        field(world, "re-referral-rate", 0): "10",
        field(world, "re-referral-rate", 1): "11",
        field(world, "training-sessions", None): "4",
        "action": "submit",
        "version": version(world),
    }
    response = client.post(url(world), data, follow=True)
    assert "Submitted. The business unit will check your figures." in response.content.decode()
    world.police_return.refresh_from_db()
    assert world.police_return.status == ReturnStatus.SUBMITTED


def test_submitting_an_incomplete_return_says_what_is_missing_and_keeps_input(world):
    client = login(None, world.submitter)
    response = client.post(
        url(world), {field(world, "referrals", 0): "200", "action": "submit", "version": version(world)}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Not submitted" in html and "still empty" in html
    assert f'name="{field(world, "referrals", 0)}" value="200"' in html


def test_the_business_unit_cannot_type_into_an_agencys_return(world):
    client = login(None, world.editor)
    page = client.get(url(world)).content.decode()
    assert "readonly" in page and "Save draft" not in page
    client.post(url(world), {field(world, "referrals", 0): "999", "action": "save"})
    with scopes_disabled():
        assert not MetricValue.objects.exists()


@pytest.fixture
def submitted(world):
    with scopes_disabled():
        services.save_return(
            world.police_return,
            {
                (m.pk, a): services.CellInput(raw="5")
                for m in world.police_return.metrics.all()
                for a in ([x.pk for x in world.areas] if m.is_per_area else [0])
            },
            by=world.submitter,
        )
        services.submit_return(world.police_return, by=world.submitter)
    return world.police_return


def test_an_editor_can_send_back_but_not_approve(world, submitted):
    client = login(None, world.editor)
    assert client.post(url(world, "metrics:return_approve")).status_code == 403
    response = client.post(url(world, "metrics:return_send_back"), {"reason": ""})
    assert response.status_code == 422 and "This field is required" in response.content.decode()
    client.post(url(world, "metrics:return_send_back"), {"reason": "Check Stockton"})
    submitted.refresh_from_db()
    assert submitted.status == ReturnStatus.RETURNED


def test_the_approver_approves_and_the_partner_sees_it_locked(world, submitted):
    login(None, world.approver).post(url(world, "metrics:return_approve"))
    submitted.refresh_from_db()
    assert submitted.status == ReturnStatus.APPROVED
    partner = login(None, world.submitter)
    page = partner.get(url(world)).content.decode()
    assert "Approved" in page and "Save draft" not in page
    partner.post(url(world), {field(world, "referrals", 0): "999", "action": "save"})
    with scopes_disabled():
        assert MetricValue.objects.get(metric=world.metrics["referrals"], area=world.areas[0]).value == 5


def test_a_partner_cannot_decide_on_its_own_return(world, submitted):
    client = login(None, world.submitter)
    assert client.post(url(world, "metrics:return_approve")).status_code == 403
    assert client.post(url(world, "metrics:return_send_back"), {"reason": "x"}).status_code == 403
    assert client.post(url(world, "metrics:return_reopen"), {"reason": "x"}).status_code == 403


def test_the_history_page_lists_each_step(world, submitted):
    login(None, world.editor).post(url(world, "metrics:return_send_back"), {"reason": "Check Stockton"})
    page = login(None, world.submitter).get(url(world, "metrics:return_history")).content.decode()
    assert "Draft saved" in page and "Submitted for approval" in page and "Sent back: Check Stockton" in page
    assert "empty → 5" in page


def test_a_figures_own_history_is_reachable_from_the_value(world, submitted):
    with scopes_disabled():
        value = MetricValue.objects.filter(metric=world.metrics["referrals"]).first()
    page = login(None, world.editor).get(value.get_absolute_url()).content.decode()
    assert "empty → 5" in page and "not approved" in page


def test_the_business_unit_opens_a_round_and_each_supplying_agency_gets_its_return(world):
    from metrics.models import Return
    from partners import audit

    client = login(None, world.editor)
    new_round = reverse("metrics:round_new", args=["hsscp"])
    assert "Preview who will be asked" in client.get(new_round).content.decode()
    dates = {"year": "2026-27", "opens_on": "2027-04-01", "closes_on": "2027-05-31", "areas": [world.areas[0].pk]}
    response = client.post(new_round, {**dates, "closes_on": "2027-03-01"})
    assert response.status_code == 422
    assert "The round must close after it opens." in response.content.decode()
    assert 'value="2026-27"' in response.content.decode()

    # Area figures that name no supplier go to the area's council: without one the round is refused,
    # and the fix (choosing the council) is on the same form.
    council_field = f"council_{world.areas[0].pk}"
    refused = client.post(new_round, {**dates, "preview": "1"}).content.decode()
    assert "The round cannot open yet" in refused and "Hartlepool has no council set" in refused
    assert f'name="{council_field}"' in refused and "Open the round" not in refused

    chosen = {**dates, council_field: world.council.pk}
    preview = client.post(new_round, {**chosen, "preview": "1"})
    html = preview.content.decode()
    assert preview.status_code == 200 and "Open the round" in html
    assert '<th scope="row">Cleveland Police</th>' in html and f'<th scope="row">{world.council.name}</th>' in html
    with scopes_disabled():
        assert not Return.objects.filter(round__year="2026-27").exists()  # a preview creates nothing

    response = client.post(new_round, {**chosen, "open": "1"})
    assert response.status_code == 302 and response["Location"].endswith("/rounds/2026-27/")
    with scopes_disabled():
        police, council = Return.objects.filter(round__year="2026-27").order_by("agency__name")
        assert police.agency == world.police and list(police.metrics.all()) == [world.metrics["referrals"]]
        assert council.agency == world.council and list(council.areas.all()) == [world.areas[0]]
        assert {m.code for m in council.metrics.all()} == {"re-referrals", "re-referral-rate"}
        world.areas[0].refresh_from_db()
        assert world.areas[0].council == world.council
        assert audit.about(world.areas[0]).get().action == "partners.area.council_set"


def test_saving_from_an_out_of_date_page_keeps_what_was_typed_and_overwrites_nothing(world):
    client = login(None, world.submitter)
    stale_page = client.get(url(world)).content.decode()
    version = stale_page.split('name="version" value="')[1].split('"')[0]
    client.post(url(world), {field(world, "referrals", 0): "250", "version": version, "action": "save"})
    response = client.post(url(world), {field(world, "referrals", 1): "300", "version": version, "action": "save"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "changed after you opened it" in html
    assert "Saved now: 250." in html
    assert f'name="{field(world, "referrals", 1)}" value="300"' in html
    with scopes_disabled():
        assert MetricValue.objects.get(metric=world.metrics["referrals"], area=world.areas[0]).value == 250
        assert not MetricValue.objects.filter(area=world.areas[1]).exists()


def test_a_retired_metric_is_not_asked_for_after_retirement_but_keeps_its_past_figures(world):
    from metrics.models import Return
    from partners.years import ReportingYear
    from tests import factories as f

    old = f.MetricFactory(
        partnership=world.partnership,
        code="old-measure",
        name="Old measure",
        agency=world.police,
        retired_in=ReportingYear(2026),
    )
    f.ValueFactory(metric=old, area=world.areas[0], year="2024-25", value=7, approved_at="2025-06-01T00:00Z")
    with scopes_disabled():
        for area in world.areas:
            area.council = world.council
            area.save()
    client = login(None, world.editor)
    client.post(
        reverse("metrics:round_new", args=["hsscp"]),
        {
            "year": "2026-27",
            "opens_on": "2027-04-01",
            "closes_on": "2027-05-31",
            "areas": [a.pk for a in world.areas],
            "open": "1",
        },
    )
    with scopes_disabled():
        ret = Return.objects.get(round__year="2026-27", agency=world.police)
        assert old not in ret.metrics.all() and world.metrics["referrals"] in ret.metrics.all()
    page = client.get(reverse("metrics:explorer", args=["hsscp"]), {"metric": "old-measure"}).content.decode()
    assert "retired from 2026-27" in page and ">7<" in page


def test_a_post_without_the_version_field_is_refused_as_out_of_date(world):
    client = login(None, world.submitter)
    response = client.post(url(world), {field(world, "referrals", 0): "250", "action": "save"})
    assert response.status_code == 409
    assert "Not saved: this return changed after you opened it" in response.content.decode()
    with scopes_disabled():
        assert not MetricValue.objects.exists()


@pytest.mark.parametrize(
    ("prefix", "text", "message"),
    [
        ("n", "x" * 201, "The note can be at most 200 characters; this one has 201."),
        ("q", "y" * 101, "The qualifier can be at most 100 characters; this one has 101."),
        ("n", "as at\x00 31 March", "The note contains an invisible control character (U+0000"),
        ("q", "Q2\x00", "The qualifier contains an invisible control character (U+0000"),
        ("x", "New\x0bsystem", "The explanation contains an invisible control character (U+000B"),
    ],
)
def test_overlong_or_control_character_text_is_an_error_at_its_field_and_nothing_is_lost(world, prefix, text, message):
    client = login(None, world.submitter)
    data = {
        field(world, "referrals", 0): "250",
        field(world, "referrals", 0, prefix): text,
        field(world, "referrals", 1): "300",
        "action": "save",
        "version": version(world),
    }
    response = client.post(url(world), data)
    html = response.content.decode()
    assert response.status_code == 422 and message in html and "Draft saved" not in html
    assert f'name="{field(world, "referrals", 1)}" value="300"' in html  # everything typed is kept
    with scopes_disabled():
        assert not MetricValue.objects.exists()


def test_a_saved_note_shows_beside_its_box_and_survives_the_next_save(world):
    client = login(None, world.submitter)
    box, note = field(world, "referrals", 0), field(world, "referrals", 0, "n")
    client.post(url(world), {box: "250", note: "as at 31 March", "action": "save", "version": version(world)})
    html = client.get(url(world)).content.decode()
    assert "<summary>Note: as at 31 March</summary>" in html
    assert f'<input type="hidden" name="{note}" value="as at 31 March">' in html
    # The browser sends the hidden note back with the page when its fields were never opened.
    client.post(url(world), {box: "260", note: "as at 31 March", "action": "save", "version": version(world)})
    with scopes_disabled():
        saved = MetricValue.objects.get(metric=world.metrics["referrals"], area=world.areas[0])
    assert (saved.value, saved.note) == (260, "as at 31 March")


def test_an_empty_box_carries_no_explanation_or_note_fields_until_they_are_needed(world):
    html = login(None, world.submitter).get(url(world)).content.decode()
    assert f'name="{field(world, "referrals", 0, "x")}"' not in html
    assert f'name="{field(world, "referrals", 0, "n")}"' not in html
    assert '<template id="cell-fields">' in html and 'name="n-__cell__"' in html  # made by return-form.js


def test_a_refused_submit_lists_each_empty_figure_with_a_link_and_marks_its_box(world):
    client = login(None, world.submitter)
    response = client.post(
        url(world), {field(world, "referrals", 0): "200", "action": "submit", "version": version(world)}
    )
    html = response.content.decode()
    empty = field(world, "referrals", 1)
    assert f'href="#{empty}"' in html  # the error summary links to the empty box
    assert html.count("Enter a figure, or N/K if your agency cannot supply one.") >= 2  # summary and field
    box = html[html.index(f'id="{empty}"') - 300 : html.index(f'id="{empty}"') + 400]
    assert "is-invalid" in box and 'aria-invalid="true"' in box
    filled = field(world, "referrals", 0)
    assert f'href="#{filled}"' not in html
    assert "data-unsaved" not in html  # the draft was saved: nothing to lose by leaving


def test_a_refused_submit_points_at_a_large_change_without_an_explanation(world):
    from tests import factories as f

    f.ValueFactory(metric=world.metrics["referrals"], area=world.areas[0], year="2024-25", value=100)
    client = login(None, world.submitter)
    response = client.post(
        url(world), {field(world, "referrals", 0): "900", "action": "submit", "version": version(world)}
    )
    html = response.content.decode()
    explanation = field(world, "referrals", 0, "x")
    assert f'href="#{explanation}"' in html and "Explain this change before you submit." in html
    box = html[html.index(f'id="{explanation}"') - 200 : html.index(f'id="{explanation}"') + 200]
    assert "is-invalid" in box and 'aria-invalid="true"' in box


def test_a_refused_save_marks_the_form_as_holding_unsaved_entries(world):
    client = login(None, world.submitter)
    response = client.post(
        url(world), {field(world, "referrals", 0): "-3", "action": "save", "version": version(world)}
    )
    assert response.status_code == 422 and 'data-unsaved="true"' in response.content.decode()


def test_locked_boxes_say_why_they_are_locked(world, submitted):
    editor_page = login(None, world.editor).get(url(world)).content.decode()
    assert "Locked:" in editor_page and "is-locked" in editor_page
    assert "the return is with the business unit for checking" in editor_page
    login(None, world.approver).post(url(world, "metrics:return_approve"))
    partner_page = login(None, world.submitter).get(url(world)).content.decode()
    assert "these figures are approved, so no one can change them" in partner_page
    assert "ask an approver to re-open the return" in partner_page


def test_scientific_notation_and_a_stray_percent_sign_are_refused_with_how_to_type_them(world):
    client = login(None, world.submitter)
    response = client.post(
        url(world),
        {
            field(world, "referrals", 0): "1.5e3",
            field(world, "referrals", 1): "12%",
            field(world, "re-referral-rate", 0): "12%",
            "action": "save",
            "version": version(world),
        },
    )
    page = response.content.decode().replace("&quot;", '"')
    assert response.status_code == 422
    assert '"1.5e3" is in scientific notation: type the number in full (for example 1500).' in page
    assert "This figure is not a percentage: remove the % sign" in page
    assert page.count("This figure is not a percentage") == 2  # at the referrals box and in the summary only
