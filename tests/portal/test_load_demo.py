import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django_scopes import scope, scopes_disabled

from metrics.models import CollectionRound, MetricValue, Return
from partners.models import DataVersion, Group, Partnership, User


def _snapshot():
    with scopes_disabled():
        return {
            model._meta.label: sorted(map(repr, model.objects.values()))
            for model in apps.get_models()
            if model._meta.app_label in {"partners", "metrics"} and model is not DataVersion  # counts saves, not data
        }


@pytest.fixture
def debug_on(settings):
    settings.DEBUG = True


def test_running_it_twice_changes_nothing(db, debug_on):
    call_command("load_demo", stdout=None)
    first = _snapshot()
    call_command("load_demo")
    assert _snapshot() == first


def test_it_builds_hsscp_with_figures_and_south_tees_with_structure_only(db, debug_on, capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "portal-demo" in out and "partner" in out
    hsscp, stscp = Partnership.objects.get(slug="hsscp"), Partnership.objects.get(slug="stscp")
    with scope(partnership=hsscp):
        assert [a.name for a in hsscp.areas.all()] == ["Hartlepool", "Stockton-on-Tees"]
        assert MetricValue.objects.filter(year="2024-25").count() > 20
        assert MetricValue.objects.filter(year="2021-22").count() > 20
        assert not MetricValue.objects.filter(year="2022-23").exists()  # gap years stay empty
        assert MetricValue.objects.filter(approved_at__isnull=True, year__lt="2025-26").count() == 0
        round_2025 = CollectionRound.objects.get(year="2025-26")
        assert Return.objects.filter(round=round_2025, agency__name="Cleveland Police").exists()
    with scope(partnership=stscp):
        assert sorted(a.name for a in stscp.areas.all()) == ["Middlesbrough", "Redcar and Cleveland"]
        assert not MetricValue.objects.exists()
    with scopes_disabled():
        assert Group.objects.filter(shared_with=stscp).exists()
    assert User.objects.get(username="partner").partnership_roles.get().agency.name == "Cleveland Police"
    assert User.objects.get(username="admin").is_superuser


def test_it_refuses_to_create_demo_users_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo")
    assert not User.objects.exists()
    call_command("load_demo", "--force")
    assert User.objects.filter(username="editor").exists()


def test_demo_figures_carry_no_research_notes_in_their_public_note():
    import re

    from partnership_portal.demo import metrics_data

    research = re.compile(r"\b(report|seed|tile|printed as|snapshot headed)\b|\bL\d+\b", re.IGNORECASE)
    notes = [extra.get("note", "") for *_, extra in metrics_data.VALUES]
    assert notes and not [note for note in notes if research.search(note)]
