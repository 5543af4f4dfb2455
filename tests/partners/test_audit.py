"""The shared audit trail: one way to record, one place for sentences, events outlive their subjects."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_scopes import scopes_disabled

from metrics import services
from metrics.models import MetricValue, Return
from partners import audit
from partners.models import AuditEvent


@pytest.fixture
def unscoped():
    with scopes_disabled():
        yield


def test_record_saves_an_event_about_its_subject_and_event_does_not(world, unscoped):
    ret = world.police_return
    saved = audit.record(
        "tests.thing.done", partnership=world.partnership, by=world.editor, subject=ret, within=ret.round, size=3
    )
    assert saved.pk and saved.via == "form" and saved.data == {"size": 3}
    assert (saved.subject_type, saved.subject_id, saved.subject_label) == (
        "metrics.return",
        str(ret.pk),
        str(ret),
    )
    assert (saved.within_type, saved.within_id) == ("metrics.collectionround", str(ret.round.pk))
    unsaved = audit.event("tests.thing.done", partnership=world.partnership, by=None, via="task")
    assert unsaved.pk is None and unsaved.subject_type == "" and unsaved.via == "task"
    assert list(audit.about(ret)) == [saved]


def test_a_batch_of_events_keeps_every_character_of_odd_text(world, unscoped):
    """A batch goes in by COPY on PostgreSQL and by a multi-row INSERT elsewhere: tabs, line
    ends, backslashes, emoji and long text come back exactly as given, and no actor as none."""
    ret = world.police_return
    odd = "tab\there\nnew line\r\nback\\slash \\N \\t 😀 " + "x" * 10_000
    batch = audit.EventBatch(partnership=world.partnership, by=None, via="import", within=ret.round)
    batch.add("tests.thing.done", subject=ret, note=odd, new={"raw": "1,234", "list": [1, None]})
    batch.add("tests.thing.undone", subject=world.partnership, note="\\")
    before = AuditEvent.objects.count()
    batch.record()
    first, second = AuditEvent.objects.order_by("-id")[:2][::-1]
    assert AuditEvent.objects.count() == before + 2
    assert first.data == {"note": odd, "new": {"raw": "1,234", "list": [1, None]}} and second.data == {"note": "\\"}
    assert (first.actor, first.via, first.action, first.subject_id) == (None, "import", "tests.thing.done", str(ret.pk))
    assert (first.within_type, first.within_id) == ("metrics.collectionround", str(ret.round.pk))
    assert second.subject_label == str(world.partnership) and first.at == second.at


def test_registered_sentences_turn_events_into_text_and_unknown_actions_show_their_name(world, unscoped):
    audit.register("tests.thing.named", label="Thing named", sentence=lambda e: f"Named {e.data['name']}")
    named = audit.event("tests.thing.named", partnership=world.partnership, by=None, name="<b>x</b>")
    assert audit.sentence(named) == "Named <b>x</b>" and named.sentence == "Named <b>x</b>"
    assert audit.label("tests.thing.named") == "Thing named"
    assert audit.sentence(audit.event("tests.never.registered", partnership=world.partnership, by=None)) == (
        "tests.never.registered"
    )
    with pytest.raises(TypeError):
        audit.register("tests.bad", label="Bad", sentence="not callable")


def test_every_figures_action_the_services_write_has_a_sentence():
    for action in ("metrics.value.changed", "metrics.return.approved", "metrics.round.opened"):
        assert action in audit.registered()


def test_events_outlive_the_return_and_figures_they_describe(world, unscoped):
    key = (world.metrics["referrals"].pk, world.areas[0].pk)
    services.save_return(world.police_return, {key: services.CellInput(raw="120")}, by=world.submitter)
    ret_pk = world.police_return.pk
    before = AuditEvent.objects.count()
    MetricValue.objects.all().delete()
    Return.objects.filter(pk=ret_pk).delete()
    assert AuditEvent.objects.count() == before
    change = AuditEvent.objects.get(action="metrics.value.changed")
    assert audit.sentence(change) == "Referrals, Hartlepool: empty → 120"
    assert change.within_type == "metrics.return" and change.within_id == str(ret_pk)


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_existing_event(world):
    executor = MigrationExecutor(connection)
    old_state = [("metrics", "0002_audit_keeps_cleared_values"), ("partners", "0001_initial")]
    executor.migrate(old_state)
    apps = executor.loader.project_state(old_state).apps
    OldEvent = apps.get_model("metrics", "AuditEvent")
    OldValue = apps.get_model("metrics", "MetricValue")
    with scopes_disabled():
        value = OldValue._base_manager.create(
            partnership_id=world.partnership.pk,
            metric_id=world.metrics["referrals"].pk,
            area_id=world.areas[0].pk,
            year=str(world.round.year),
            value=5,
            status="reported",
        )
    now = timezone.now()
    common = {"partnership_id": world.partnership.pk, "at": now, "actor_id": world.submitter.pk, "via": "form"}
    ret_pk = world.police_return.pk
    OldEvent._base_manager.create(action="metrics.return.saved", return_record_id=ret_pk, **common)
    OldEvent._base_manager.create(
        action="metrics.value.changed", return_record_id=ret_pk, value_id=value.pk, data={"new": "5"}, **common
    )
    OldEvent._base_manager.create(
        action="metrics.value.cleared",
        return_record_id=ret_pk,
        data={"old": "4", "metric": "Referrals", "area": "Stockton-on-Tees"},
        **common,
    )
    OldEvent._base_manager.create(action="metrics.round.opened", data={"year": "2025-26"}, **common)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    with scopes_disabled():
        events = {e.action: e for e in AuditEvent.objects.all()}
        assert len(events) == 4
        assert events["metrics.return.saved"].subject_id == str(ret_pk)
        changed = events["metrics.value.changed"]
        assert (changed.subject_type, changed.subject_id, changed.within_id) == (
            "metrics.metricvalue",
            str(value.pk),
            str(ret_pk),
        )
        assert audit.sentence(changed) == "Referrals, Hartlepool: empty → 5"
        assert audit.sentence(events["metrics.value.cleared"]) == "Referrals, Stockton-on-Tees: 4 → cleared"
        assert len(audit.about_or_within(world.police_return)) == 3
