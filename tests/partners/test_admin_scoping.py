"""The Django admin obeys the same tenancy: editors manage their own partnership only."""

from django.urls import reverse
from django_scopes import scopes_disabled

from tests import factories as f
from tests.conftest import login


def test_an_editor_sees_only_its_own_partnerships_rows(world):
    f.AreaFactory(partnership=world.other_partnership, name="Redcar and Cleveland", ons_code="E06000003")
    page = login(None, world.editor).get(reverse("admin:partners_area_changelist")).content.decode()
    assert "Hartlepool" in page and "Stockton-on-Tees" in page
    assert "Middlesbrough" not in page and "Redcar" not in page


def test_an_editor_cannot_open_another_partnerships_row_by_id(world):
    with scopes_disabled():
        theirs = world.other_partnership.areas.get()
    client = login(None, world.editor)
    response = client.get(reverse("admin:partners_area_change", args=[theirs.pk]))
    assert response.status_code in (302, 404)  # the admin redirects to its index with "doesn't exist"
    response = client.post(
        reverse("admin:partners_area_change", args=[theirs.pk]),
        {"partnership": theirs.partnership_id, "name": "Renamed", "ons_code": theirs.ons_code},
    )
    with scopes_disabled():
        theirs.refresh_from_db()
    assert theirs.name == "Middlesbrough"


def test_an_editor_cannot_move_a_row_into_another_partnership(world):
    client = login(None, world.editor)
    response = client.post(
        reverse("admin:partners_area_add"),
        {"partnership": world.other_partnership.pk, "name": "Sneaky", "ons_code": "E06000099"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_an_editor_reads_the_shared_agency_register_but_cannot_change_it(world):
    client = login(None, world.editor)
    assert client.get(reverse("admin:partners_agency_changelist")).status_code == 200
    assert client.get(reverse("admin:partners_agency_add")).status_code == 403


def test_figures_cannot_be_edited_in_the_admin(world):
    client = login(None, world.admin)
    assert client.get(reverse("admin:metrics_metricvalue_add")).status_code == 403


def test_agency_submitters_and_outsiders_do_not_reach_the_admin(world):
    assert login(None, world.submitter).get(reverse("admin:index")).status_code == 302
    page = login(None, world.outsider).get(reverse("admin:partners_area_changelist")).content.decode()
    assert "Hartlepool" not in page


def test_a_rounds_year_and_areas_are_fixed_once_it_has_returns(world):
    page = login(None, world.editor).get(reverse("admin:metrics_collectionround_change", args=[world.round.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="year"' not in html and 'name="areas"' not in html and 'name="closes_on"' in html


def test_returns_and_comparators_are_read_only_in_the_admin(world):
    client = login(None, world.admin)
    html = client.get(reverse("admin:metrics_return_change", args=[world.police_return.pk])).content.decode()
    assert 'name="areas"' not in html and 'name="status"' not in html
    assert client.get(reverse("admin:metrics_comparator_add")).status_code == 403


def test_an_editor_cannot_delete_a_comparator_in_the_admin(world):
    from metrics.models import Comparator
    from tests import factories

    comparator = factories.ComparatorFactory(metric=world.metrics["referrals"])
    client = login(None, world.editor)
    response = client.post(reverse("admin:metrics_comparator_delete", args=[comparator.pk]), {"post": "yes"})
    assert response.status_code == 403
    with scopes_disabled():
        assert Comparator.objects.filter(pk=comparator.pk).exists()


def test_the_admins_own_widgets_still_render_beside_the_portals_faster_ones(world):
    # Widgets render through Jinja2 (partnership_portal/form_rendering.py); the admin's
    # related-object wrapper exists only as a Django template and must still be found.
    page = login(None, world.admin).get(reverse("admin:partners_area_add")).content.decode()
    assert 'class="related-widget-wrapper"' in page and '<select name="partnership"' in page
