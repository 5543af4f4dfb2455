"""Download counts per artefact: a number, nothing about who (no IP address, no cookie, no log row).

Counting must not make each download a database write (the public PDF is the busiest address),
so each worker adds up its downloads in memory and writes them at most every
DOWNLOAD_COUNT_FLUSH_SECONDS in one UPDATE per artefact, and once more when it exits. A worker
that is killed outright loses at most those seconds of counting.
"""

import atexit
import threading
import time
from collections import Counter

from django.conf import settings
from django.db.models import F
from django_scopes import scopes_disabled

_lock = threading.Lock()
_pending: Counter = Counter()
_last_flush = time.monotonic()


def count_download(artefact_id):
    global _last_flush
    with _lock:
        _pending[artefact_id] += 1
        due = time.monotonic() - _last_flush >= getattr(settings, "DOWNLOAD_COUNT_FLUSH_SECONDS", 2.0)
    if due:
        flush()


def flush():
    global _last_flush
    from reports.publishing.models import Artefact

    with _lock:
        pending = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    with scopes_disabled():  # the pending counts may belong to several partnerships
        for artefact_id, downloads in pending.items():
            Artefact.objects.filter(pk=artefact_id).update(downloads=F("downloads") + downloads)


def _flush_at_exit():
    try:
        flush()
    except Exception:  # noqa: BLE001 - the database may already be gone at exit; a count is not worth a traceback
        pass


atexit.register(_flush_at_exit)
