"""Section tree, comments and the statutory coverage panel."""

import pytest
from django_scopes import scope

from reports import services
from reports.models import Requirement
from reports.selectors import comments_of, coverage, section_tree

from .helpers import make_report, rich


@pytest.fixture
def report(world):
    return make_report(world, sections=[("One", []), ("Two", []), ("Three", [])])


def _titles(report):
    return [(s.title, [c.title for c in s.child_list]) for s in section_tree(report)]


def test_sections_reorder_nest_two_levels_only_and_delete(world, report):
    with scope(partnership=world.partnership):
        one, two, three = (report.sections.get(title=t) for t in ("One", "Two", "Three"))
        services.move_section(three, direction="up", by=world.editor)
        assert _titles(report) == [("One", []), ("Three", []), ("Two", [])]
        services.move_section(two, parent=one, by=world.editor)
        assert _titles(report) == [("One", ["Two"]), ("Three", [])]
        with pytest.raises(services.ReportError, match="two levels"):
            services.move_section(three, parent=two, by=world.editor)
        with pytest.raises(services.ReportError, match="sub-sections first"):
            services.delete_section(one, by=world.editor)
        services.delete_section(two, by=world.editor)
        assert _titles(report) == [("One", []), ("Three", [])]


def test_comments_thread_one_level_and_resolve_as_a_thread(world, report):
    with scope(partnership=world.partnership):
        section = report.sections.get(title="One")
        first = services.add_comment(section, text="Is this figure right?", by=world.approver)
        reply = services.add_comment(section, text="Yes, checked.", parent=first, by=world.editor)
        services.add_comment(section, text="Thanks", parent=reply, by=world.approver)
        services.resolve_comment(reply, by=world.approver)
        threads = comments_of(section)
    assert len(threads) == 1 and [c.text for c in threads[0].reply_list] == ["Yes, checked.", "Thanks"]
    assert threads[0].resolved_at is not None


def test_coverage_is_met_thin_or_missing(world, report):
    with scope(partnership=world.partnership):
        one, two = report.sections.get(title="One"), report.sections.get(title="Two")
        funding = Requirement.objects.get(edition=report.edition, code="funding")
        scrutiny = Requirement.objects.get(edition=report.edition, code="independent-scrutiny")
        one = services.save_section(
            one, body=[rich("<p>" + "word " * 80 + "</p>")], by=world.editor, expected_version=one.version
        )
        services.set_requirement_tags(one, requirement_ids=[funding.pk], by=world.editor)
        services.set_requirement_tags(two, requirement_ids=[scrutiny.pk], by=world.editor)
        status = {row.requirement.code: row.status for row in coverage(report)}
    assert status["funding"] == "met"
    assert status["independent-scrutiny"] == "thin"  # tagged on an empty section
    assert status["child-family-voice"] == "missing"
