"""Who else has a section open: shown to each, kept fresh without a write on every request."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from reports import services
from reports.models import SectionPresence

from .helpers import make_report, rich


def _section(world):
    report = make_report(world, sections=[("Our area", [rich("<p>Text.</p>")])])
    with scope(partnership=world.partnership):
        return report.sections.get()


def test_each_sees_the_other_and_not_themselves(world):
    section = _section(world)
    with scope(partnership=world.partnership):
        assert services.mark_open(section, user=world.editor) == []
        others = services.mark_open(section, user=world.approver)
        assert others == [world.editor.get_full_name() or world.editor.username]
        assert services.mark_open(section, user=world.editor) == [
            world.approver.get_full_name() or world.approver.username
        ]


def test_a_reload_within_seconds_writes_nothing_and_an_older_mark_is_refreshed(world):
    section = _section(world)
    with scope(partnership=world.partnership):
        services.mark_open(section, user=world.editor)
        with CaptureQueriesContext(connection) as reload:
            services.mark_open(section, user=world.editor)
        assert not [q for q in reload.captured_queries if q["sql"].startswith(("UPDATE", "INSERT"))]
        mark = SectionPresence.objects.get(section=section, user=world.editor)
        mark.seen_at -= dt.timedelta(seconds=20)
        mark.save()
        services.mark_open(section, user=world.editor)
        mark.refresh_from_db()
        assert (dt.datetime.now(dt.UTC) - mark.seen_at).total_seconds() < 5


def test_someone_gone_for_a_minute_is_no_longer_shown(world):
    section = _section(world)
    with scope(partnership=world.partnership):
        services.mark_open(section, user=world.approver)
        SectionPresence.objects.filter(user=world.approver).update(
            seen_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=60)
        )
        assert services.mark_open(section, user=world.editor) == []
