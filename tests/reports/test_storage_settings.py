"""Artefacts go to local files by default and to an S3-compatible bucket when the environment says so."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = "from django.core.files.storage import storages; s = storages['artefacts']; print(type(s).__name__, getattr(s, 'bucket_name', s.location))"


def _shell(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ARTEFACT_")}
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--verbosity", "0", "-c", SHOW],
        cwd=ROOT,
        env={**clean, "DEBUG": "1", **env},
        capture_output=True,
        text=True,
    )


def test_artefacts_are_local_files_outside_media_by_default():
    result = _shell()
    assert result.returncode == 0, result.stderr
    kind, location = result.stdout.split()
    assert kind == "FileSystemStorage"
    assert location.endswith("var/artefacts")


def test_an_s3_compatible_bucket_is_used_when_configured():
    result = _shell(
        ARTEFACT_STORAGE="s3", ARTEFACT_S3_BUCKET="reports", ARTEFACT_S3_ENDPOINT_URL="http://127.0.0.1:9000"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["S3Storage", "reports"]


def test_s3_without_a_bucket_or_an_unknown_store_stops_start_up_with_a_message():
    assert "needs ARTEFACT_S3_BUCKET" in _shell(ARTEFACT_STORAGE="s3").stderr
    assert "ARTEFACT_STORAGE must be local or s3" in _shell(ARTEFACT_STORAGE="ftp").stderr
