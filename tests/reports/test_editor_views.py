"""The section editor as the business unit uses it: save, add a block, conflicts, revisions, workflow."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from reports.models import ReportState, Requirement, Revision
from tests.conftest import login

from .helpers import approve, make_report, ref_span, rich


@pytest.fixture
def report(world):
    return make_report(world, sections=[("Our area", [rich("<p>First words.</p>")])])


def _section(report):
    with scopes_disabled():
        return report.sections.get()


def _url(name, report, **kwargs):
    return reverse(f"reports:{name}", kwargs={"partnership_slug": "hsscp", "year": report.year, **kwargs})


def _post_body(section, html, version):
    block = section.body[0]
    return {
        "version": version,
        "block": [block["id"]],
        f"type-{block['id']}": "rich_text",
        f"b-{block['id']}-html": html,
        "op": "save",
    }


def test_the_editor_shows_each_block_form_and_the_figure_picker(world, report):
    section = _section(report)
    page = login(None, world.editor).get(_url("section", report, pk=section.pk))
    assert page.status_code == 200
    html = page.content.decode()
    assert "First words." in html and 'id="figure-picker"' in html and "Add the block" in html
    assert "<script>" not in html.split("</main>")[0]  # no inline script in the page body


def test_saving_keeps_a_revision_and_a_second_save_from_the_same_version_shows_both(world, report):
    section = _section(report)
    editor, approver = login(None, world.editor), login(None, world.approver)
    opened = section.version
    first = editor.post(_url("section", report, pk=section.pk), _post_body(section, "<p>Editor text</p>", opened))
    assert first.status_code == 302
    second = approver.post(_url("section", report, pk=section.pk), _post_body(section, "<p>Approver text</p>", opened))
    assert second.status_code == 409
    html = second.content.decode()
    assert "Editor text" in html and "Approver text" in html and "Save the merged section" in html
    with scopes_disabled():
        notes = list(Revision.objects.filter(section=section).values_list("note", flat=True))
    assert any(note.startswith("Not applied") for note in notes)


def test_adding_a_chart_block_shows_its_empty_form_then_saves(world, report):
    section = _section(report)
    client = login(None, world.editor)
    data = {**_post_body(section, "<p>First words.</p>", section.version), "op": "add", "new_type": "chart"}
    page = client.post(_url("section", report, pk=section.pk), data)
    assert page.status_code == 200 and "Chart (new, not saved yet)" in page.content.decode()


def test_an_invalid_block_is_refused_at_the_field_and_nothing_typed_is_lost(world, report):
    section = _section(report)
    client = login(None, world.editor)
    block_id = "2b6d8f0e-4a0e-4b8e-9c9e-0f5f3a1d2c3b"
    data = {
        **_post_body(section, "<p>Kept words</p>", section.version),
        "block": [section.body[0]["id"], block_id],
        f"type-{block_id}": "quote",
        f"b-{block_id}-text": "A quote without its speaker",
    }
    page = client.post(_url("section", report, pk=section.pk), data)
    assert page.status_code == 422
    html = page.content.decode()
    assert "Kept words" in html and "A quote without its speaker" in html and "This field is required" in html


def test_the_figure_picker_answers_with_the_formatted_approved_value(world, report):
    approve(world, "referrals", 1510)
    client = login(None, world.editor)
    url = reverse("reports:figure_value", kwargs={"partnership_slug": "hsscp"})
    data = client.get(
        url, {"metric": world.metrics["referrals"].pk, "area": world.areas[0].pk, "report_year": "2024-25"}
    ).json()
    assert data["text"] == "1,510" and data["attribute"].endswith("|this|")


def test_preview_resolves_figures_again_after_an_import_changes_them(world):
    value = approve(world, "referrals", 1510)
    report = make_report(world, sections=[("A", [rich(ref_span(world.metrics["referrals"], world.areas[0]))])])
    client = login(None, world.editor)
    assert "1,510" in client.get(_url("preview", report)).content.decode()
    with scopes_disabled():
        value.value = 1623
        value.save()
    assert "1,623" in client.get(_url("preview", report)).content.decode()


def test_submit_shows_missing_requirements_and_the_approver_must_acknowledge_them(world, report):
    editor, approver = login(None, world.editor), login(None, world.approver)
    response = editor.post(_url("submit", report), follow=True)
    assert "statutory requirement(s) are missing" in response.content.decode()
    page = approver.post(_url("sign_off", report), {"name": "A Chair", "post": "Chair", "signed_on": "2025-09-30"})
    assert page.status_code == 422 and "Acknowledge:" in page.content.decode()
    with scopes_disabled():
        codes = list(Requirement.objects.filter(edition=report.edition).values_list("code", flat=True))
    data = {"name": "A Chair", "post": "Chair", "signed_on": "2025-09-30", "statement": "Assured."}
    data.update({f"ack_{code}": "Next year" for code in codes})
    assert approver.post(_url("sign_off", report), data).status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.APPROVED
    section = _section(report)
    editor.post(_url("section", report, pk=section.pk), _post_body(section, "<p>Changed</p>", section.version))
    page = editor.get(_url("report", report)).content.decode()
    assert "Back in draft" in page
