"""Shared fixtures: a partnership with its three actors, and an outsider in another partnership.

Objects in workflow states are made through the services, as the product makes them.
"""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from metrics import services
from metrics.models import Level, Unit
from partners.models import Role
from partners.years import ReportingYear

from . import factories as f


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2 costs ~0.3 s a user; tests create many users and prove nothing about hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Tests do not run collectstatic; the manifest storage is exercised by `check --deploy` tests.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _data_versions_at_once(monkeypatch):
    """Cached report output is keyed by data versions, raised when a change commits; a test's
    transaction never commits, so here they are raised at once (one test checks the commit path)."""
    from django.core.cache import cache

    from partners import versions

    cache.clear()  # ids repeat from test to test
    monkeypatch.setattr(versions, "changed", versions.raise_version)


@pytest.fixture(scope="session")
def _chart_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("chart-cache")


@pytest.fixture(autouse=True)
def _files_in_temporary_folders(settings, tmp_path, _chart_cache):
    # Uploaded and rendered files never land in var/; chart SVGs are shared by the whole run.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.RENDER_CHART_CACHE = _chart_cache


@pytest.fixture(autouse=True)
def _tasks_fail_loudly():
    """The immediate task backend records a task's exception and carries on; a test must not."""
    from django_tasks.signals import task_finished

    failures = []

    def collect(sender, task_result, **kwargs):
        failures.extend(error.traceback for error in task_result.errors)

    task_finished.connect(collect)
    yield
    task_finished.disconnect(collect)
    assert not failures, "A background task failed:\n" + "\n".join(failures)


@dataclass
class World:
    partnership: object
    areas: list
    police: object
    council: object
    editor: object
    approver: object
    submitter: object  # police submitter
    council_submitter: object
    other_partnership: object
    outsider: object  # editor of the other partnership
    outsider_submitter: object  # police submitter of the other partnership
    admin: object
    metrics: dict
    round: object
    police_return: object
    council_return: object


def login(client_or_none, user, *, second_factor=True):
    """Signed in as `user`; one who must use two-factor sign-in has given a code (`second_factor`)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from partnership_portal.two_factor import requires_two_factor

    client = client_or_none or Client()
    client.force_login(user)
    if second_factor and requires_two_factor(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
            user=user, name="Authenticator app", confirmed=True
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def world(db):
    return build_world()


def build_world():
    """The world of the `world` fixture, for fixtures of a wider scope that build it themselves."""
    partnership = f.PartnershipFactory(name="Hartlepool and Stockton", short_name="HSSCP", slug="hsscp")
    areas = [
        f.AreaFactory(partnership=partnership, name="Hartlepool", ons_code="E06000001"),
        f.AreaFactory(partnership=partnership, name="Stockton-on-Tees", ons_code="E06000004"),
    ]
    police = f.AgencyFactory(name="Cleveland Police", kind="police")
    council = f.AgencyFactory(name="Hartlepool Borough Council", kind="council")
    other = f.PartnershipFactory(name="South Tees", short_name="STSCP", slug="stscp")
    f.AreaFactory(partnership=other, name="Middlesbrough", ons_code="E06000002")
    editor = f.RoleFactory(partnership=partnership, role=Role.EDITOR, user__username="editor", user__is_staff=True).user
    approver = f.RoleFactory(partnership=partnership, role=Role.APPROVER, user__username="approver").user
    submitter = f.RoleFactory(
        partnership=partnership, role=Role.SUBMITTER, agency=police, user__username="partner"
    ).user
    council_submitter = f.RoleFactory(partnership=partnership, role=Role.SUBMITTER, agency=council).user
    outsider = f.RoleFactory(partnership=other, role=Role.EDITOR, user__is_staff=True).user
    outsider_submitter = f.RoleFactory(partnership=other, role=Role.SUBMITTER, agency=police).user
    admin = f.UserFactory(username="admin", is_staff=True, is_superuser=True)
    metrics = {
        "referrals": f.MetricFactory(
            partnership=partnership, code="referrals", name="Referrals", agency=police, position=1
        ),
        "re-referrals": None,
        "re-referral-rate": f.MetricFactory(
            partnership=partnership,
            code="re-referral-rate",
            name="Re-referral rate",
            unit=Unit.PERCENTAGE,
            decimals=1,
            polarity="lower_is_better",
            position=3,
        ),
        "training-attendees": f.MetricFactory(
            partnership=partnership,
            code="training-attendees",
            name="People attending training",
            level=Level.PARTNERSHIP,
            position=5,
            polarity="higher_is_better",
        ),
        "training-sessions": f.MetricFactory(
            partnership=partnership,
            code="training-sessions",
            name="Training sessions",
            level=Level.PARTNERSHIP,
            position=4,
            polarity="higher_is_better",
        ),
    }
    metrics["re-referrals"] = f.MetricFactory(
        partnership=partnership, code="re-referrals", name="Re-referrals", part_of=metrics["referrals"], position=2
    )
    with scopes_disabled():
        collection, returns = services.open_round(
            partnership=partnership,
            year=ReportingYear(2025),
            opens_on=dt.date(2026, 4, 1),
            closes_on=dt.date(2026, 5, 31),
            areas=areas,
            assignments={
                police: [
                    metrics["referrals"],
                    metrics["re-referrals"],
                    metrics["re-referral-rate"],
                    metrics["training-sessions"],
                ],
                council: [metrics["training-attendees"]],
            },
            by=editor,
        )
    return World(
        partnership=partnership,
        areas=areas,
        police=police,
        council=council,
        editor=editor,
        approver=approver,
        submitter=submitter,
        council_submitter=council_submitter,
        other_partnership=other,
        outsider=outsider,
        outsider_submitter=outsider_submitter,
        admin=admin,
        metrics=metrics,
        round=collection,
        police_return=returns[0],
        council_return=returns[1],
    )
