"""Previews and the web version are built once between changes, and every change shows at once.

They are cached under the partnership's data versions (partners/versions.py), raised by every
committed change to what a report shows: figures, metrics, sections, agencies, people.
"""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from django_scopes import scope, scopes_disabled

from metrics import services as figures
from partners import versions
from partners.models import DataVersion
from reports import services
from tests import factories as f
from tests.conftest import login

from .helpers import approve, make_report, ref_span, rich

CHANGED_ON_COMMIT = versions.changed  # read before the fixture replaces it


def _table(metric):
    return {
        "type": "figures_table",
        "value": {"caption": "Referrals", "metrics": [metric.pk], "areas": [], "years": 2},
    }


def _pages(world, report):
    slug, year = world.partnership.slug, report.year
    return reverse("reports:preview", args=[slug, year]), reverse("rendering:html", args=[slug, year])


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_preview_is_built_once_and_read_again_in_a_few_queries(world):
    approve(world, "referrals", 1510)
    referrals = world.metrics["referrals"]
    report = make_report(world, sections=[("Our area", [rich(ref_span(referrals, world.areas[0])), _table(referrals)])])
    client = login(None, world.editor)
    for url in _pages(world, report):
        with CaptureQueriesContext(connection) as first:
            page = _get(client, url)
        with CaptureQueriesContext(connection) as again:
            assert "1,510" in page and "1,510" in _get(client, url)
        assert len(again) < len(first) - 4, url  # the document's figures are not read again


def test_a_figure_approved_through_a_return_shows_in_the_preview_and_the_web_version(world):
    referrals, area = world.metrics["referrals"], world.areas[0]
    report = make_report(  # the year of the open round
        world, "2025-26", sections=[("Our area", [rich(f"<p>{ref_span(referrals, area)} referrals</p>")])]
    )
    client = login(None, world.editor)
    pages = _pages(world, report)
    assert all("[no approved figure]" in _get(client, url) for url in pages)
    with scopes_disabled():
        metrics, area_ids = figures.return_scope(world.police_return)
        every_cell = {
            key: figures.CellInput(raw="10") for key in figures.expected_cells(world.police_return, metrics, area_ids)
        }
        every_cell[(referrals.pk, area.pk)] = figures.CellInput(raw="1234")
        figures.save_return(world.police_return, every_cell, by=world.submitter)
        figures.submit_return(world.police_return, by=world.submitter)
    assert all("[no approved figure]" in _get(client, url) for url in pages)  # saved, not approved yet
    with scopes_disabled():
        figures.approve_return(world.police_return, by=world.approver)  # an update(): no signals
    assert all("1,234" in _get(client, url) for url in pages)


def test_a_saved_section_shows_at_once(world):
    report = make_report(world, sections=[("Our area", [rich("<p>First words.</p>")])])
    client = login(None, world.editor)
    preview, web = _pages(world, report)
    assert "First words." in _get(client, preview) and "First words." in _get(client, web)
    with scope(partnership=world.partnership):
        section = report.sections.get()
        services.save_section(
            section, body=[rich("<p>Second thoughts.</p>")], by=world.editor, expected_version=section.version
        )
    assert "Second thoughts." in _get(client, preview) and "Second thoughts." in _get(client, web)


def test_renaming_a_shared_agency_changes_every_source_line(world):
    approve(world, "referrals", 1510)
    report = make_report(world, sections=[("Figures", [_table(world.metrics["referrals"])])])
    client = login(None, world.editor)
    _, web = _pages(world, report)
    assert "Cleveland Police, as at 31 March 2025" in _get(client, web)
    world.police.name = "Cleveland Constabulary"
    world.police.save()  # the shared register: every partnership's version
    assert "Cleveland Constabulary, as at 31 March 2025" in _get(client, web)


def test_a_person_renamed_in_the_portal_shows_in_the_people_table(world):
    with scopes_disabled():
        person = f.PersonFactory(partnership=world.partnership, name="Sam Chair")
        f.PostFactory(partnership=world.partnership, person=person, title="Independent Scrutineer")
    people = {"type": "people_table", "value": {"caption": "Who leads", "show": "posts"}}
    report = make_report(world, sections=[("Leadership", [people])])
    client = login(None, world.editor)
    preview, _ = _pages(world, report)
    assert "Sam Chair" in _get(client, preview)
    with scopes_disabled():
        person.name = "Sam Scrutineer"
        person.save()
    assert "Sam Scrutineer" in _get(client, preview)


def test_outside_a_test_the_version_is_raised_when_the_change_commits(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(versions, "changed", CHANGED_ON_COMMIT)  # not the test fixture's, raised at once
    before = versions.current(world.partnership)
    with django_capture_on_commit_callbacks(execute=False) as pending:
        world.areas[0].name = "Hartlepool Borough"
        world.areas[0].save()
        assert versions.current(world.partnership) == before  # not before the commit
    for callback in pending:
        callback()
    assert versions.current(world.partnership)[0] == before[0] + 1
    assert DataVersion.objects.filter(partnership=world.partnership).count() == 1


def test_the_section_editor_shows_a_figure_approved_since_it_was_last_opened(world):
    referrals, area = world.metrics["referrals"], world.areas[0]
    report = make_report(world, sections=[("Our area", [rich(f"<p>{ref_span(referrals, area)} referrals</p>")])])
    with scope(partnership=world.partnership):
        section = report.sections.get()
    client = login(None, world.editor)
    url = reverse("reports:section", args=[world.partnership.slug, report.year, section.pk])
    assert "[no approved figure]" in _get(client, url)
    approve(world, "referrals", 4321)
    assert "4,321" in _get(client, url)


def test_the_report_pages_coverage_follows_a_requirement_tagged_since(world):
    from reports.models import Requirement

    report = make_report(world, sections=[("Money", [rich("<p>" + "word " * 80 + "</p>")])])
    client = login(None, world.editor)
    url = reverse("reports:report", args=[world.partnership.slug, report.year])

    def funding_row():
        page = _get(client, url)
        title = page.index(f"<strong>{escape(funding.title)}</strong>")
        return page[page.rindex("<li", 0, title) : title]

    with scope(partnership=world.partnership):
        funding = Requirement.objects.get(edition=report.edition, code="funding")
    assert "coverage-missing" in funding_row()
    with scope(partnership=world.partnership):
        services.set_requirement_tags(report.sections.get(), requirement_ids=[funding.pk], by=world.editor)
    assert "coverage-met" in funding_row()


def test_the_report_pages_section_list_follows_its_owners_name_and_carries_this_pages_csrf_token(world):
    """The list is kept under a digest of what it shows, so even a change no data version follows
    (a person renaming themselves) shows on the next request; each page has its own token."""
    report = make_report(world, sections=[("Our area", [rich("<p>Words.</p>")])])
    with scope(partnership=world.partnership):
        report.sections.update(owner=world.editor)
    client = login(None, world.editor)
    url = reverse("reports:report", args=[world.partnership.slug, report.year])
    first = client.get(url)
    world.editor.first_name, world.editor.last_name = "Ada", "Byron"
    world.editor.save()
    second = client.get(url)
    assert "Ada Byron" not in first.content.decode() and "Ada Byron" in second.content.decode()
    tokens = [
        set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()))
        for page in (first, second)
    ]
    assert all(len(found) == 1 for found in tokens) and tokens[0] != tokens[1]
