"""Authoring writes: revisions, conflicts, restore, start from last year, workflow, audit."""

import datetime as dt

import pytest
from django_scopes import scope

from partners import audit
from reports import services
from reports.models import ReportState, Requirement, Revision

from .helpers import approve, make_report, ref_span, rich


@pytest.fixture
def report(world):
    return make_report(world, sections=[("Our area", [rich("<p>First words.</p>")])])


def _section(report):
    return report.sections.get()


def test_every_save_keeps_a_full_snapshot_and_an_audit_event(world, report):
    with scope(partnership=world.partnership):
        section = _section(report)
        services.save_section(section, body=[rich("<p>Second.</p>")], by=world.editor, expected_version=section.version)
        revisions = list(Revision.objects.filter(section=section).order_by("number"))
        assert [r.snapshot["body"][0]["value"]["html"] for r in revisions] == ["<p>First words.</p>", "<p>Second.</p>"]
        assert audit.sentence(audit.about(section).filter(action="reports.section.saved").get()).startswith(
            "Section Our area saved as revision 2"
        )


def test_a_second_save_from_an_old_version_is_refused_and_writes_nothing(world, report):
    with scope(partnership=world.partnership):
        section = _section(report)
        opened = section.version
        services.save_section(section, body=[rich("<p>Mine.</p>")], by=world.editor, expected_version=opened)
        with pytest.raises(services.SectionConflict):
            services.save_section(section, body=[rich("<p>Theirs.</p>")], by=world.approver, expected_version=opened)
        section.refresh_from_db()
        assert section.body[0]["value"]["html"] == "<p>Mine.</p>"


def test_restoring_appends_a_revision_with_the_old_content(world, report):
    with scope(partnership=world.partnership):
        section = _section(report)
        services.save_section(section, body=[rich("<p>Later.</p>")], by=world.editor, expected_version=section.version)
        first = Revision.objects.get(section=section, number=1)
        restored = services.restore_revision(first, by=world.editor)
        assert restored.body[0]["value"]["html"] == "<p>First words.</p>"
        assert restored.latest_revision.number == 3
        assert restored.latest_revision.note == "Restored revision 1"


def test_rich_text_is_cleaned_to_the_allow_list_on_save(world, report):
    with scope(partnership=world.partnership):
        section = _section(report)
        dirty = '<p onclick="x()">Hi<script>alert(1)</script><a href="javascript:alert(1)">l</a></p><svg><script>1</script></svg>'
        saved = services.save_section(section, body=[rich(dirty)], by=world.editor, expected_version=section.version)
    html = saved.body[0]["value"]["html"]
    assert "script" not in html and "onclick" not in html and "javascript" not in html and "svg" not in html


def test_starting_from_last_year_moves_relative_references_and_lists_missing_ones(world):
    approve(world, "referrals", 1510, "2024-25")
    approve(world, "referrals", 1600, "2025-26")
    referrals, area = world.metrics["referrals"], world.areas[0]
    body = [rich(f"<p>{ref_span(referrals, area)} and {ref_span(world.metrics['training-sessions'])}</p>")]
    last = make_report(world, "2024-25", sections=[("Figures", body)])
    with scope(partnership=world.partnership):
        started = services.start_from_last_year(last, by=world.editor)
        new_section = started.report.sections.get()
    assert str(started.report.year) == "2025-26"
    assert new_section.body[0]["value"]["html"].count("data-figure") == 2
    assert [m.label for m in started.missing] == ["Training sessions, whole partnership, 2025-26"]


def test_review_sign_off_pins_a_snapshot_and_an_edit_returns_to_draft(world, report):
    with scope(partnership=world.partnership):
        missing = services.submit_for_review(report, by=world.editor)
        assert {r.code for r in missing} == set(
            Requirement.objects.filter(edition=report.edition).values_list("code", flat=True)
        )
        with pytest.raises(services.ReportError, match="Acknowledge each missing requirement"):
            services.sign_off(report, by=world.approver, name="A Chair", post="Chair", signed_on=dt.date(2025, 9, 1))
        signed = services.sign_off(
            report,
            by=world.approver,
            name="A Chair",
            post="Chair",
            signed_on=dt.date(2025, 9, 1),
            statement="We are assured.",
            acknowledgements={r.code: "Covered in next year's report" for r in missing},
        )
        report.refresh_from_db()
        assert report.state == ReportState.APPROVED
        assert signed.revision.section is None and signed.revision.snapshot["sections"][0]["title"] == "Our area"
        section = _section(report)
        services.save_section(section, body=[rich("<p>After.</p>")], by=world.editor, expected_version=section.version)
        report.refresh_from_db()
        signed.refresh_from_db()
    assert report.state == ReportState.DRAFT
    assert report.state_note.startswith("Back in draft: section “Our area” was edited by editor")
    assert signed.withdrawn_at is not None
