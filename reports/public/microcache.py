"""A per-worker micro-cache for the public site's lookups: the busiest addresses cost no queries.

What the public sees for a year (which version is current, its files, a withdrawal) is read
from the database at most once every PUBLIC_CACHE_SECONDS (default 2) per worker and address,
answers included when they are "not found" or "gone". So a correction or a withdrawal reaches
every reader within those seconds, and a burst of downloads reads the database once. Set
PUBLIC_CACHE_SECONDS=0 to read on every request.
"""

import time

from django.conf import settings

MAX_ENTRIES = 2000
_entries: dict = {}


def remember(key, compute, *, keep=(Exception,)):
    """compute() once per key and interval; exceptions of the `keep` types are remembered too."""
    seconds = getattr(settings, "PUBLIC_CACHE_SECONDS", 2.0)
    if seconds <= 0:
        return compute()
    now = time.monotonic()
    entry = _entries.get(key)
    if entry is None or entry[0] <= now:
        try:
            entry = (now + seconds, False, compute())
        except keep as error:
            entry = (now + seconds, True, error)
        if len(_entries) >= MAX_ENTRIES:
            _entries.clear()
        _entries[key] = entry
    _, failed, value = entry
    if failed:
        raise value
    return value


def clear():
    _entries.clear()
