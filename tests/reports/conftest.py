"""Fixtures for publishing tests (see tests/reports/publishing.py)."""

import pytest

from .publishing import FakeRenderer


@pytest.fixture
def renderer(monkeypatch):
    fake = FakeRenderer()
    monkeypatch.setattr("reports.publishing.services.render_for_publication", fake)
    return fake


@pytest.fixture
def artefacts(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "artefacts": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }
    settings.DOWNLOAD_COUNT_FLUSH_SECONDS = 0
    settings.PUBLIC_CACHE_SECONDS = (
        0  # each test reads what it just changed; tests/reports/test_microcache.py covers the cache
    )
    return tmp_path
