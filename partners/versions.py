"""Data versions: when may a built report be served again?

Building a report's document (every section, block and figure) reads a few hundred rows; the
editor's previews and the web version show the same document again and again between changes.
Their output is cached under the partnership's data versions (`current`), which every committed
change to what a report shows raises (`changed`):

- every save and delete of a watched model (`watch`, called by each app for its own models:
  figures, metrics, areas, people, groups, funding, reports and sections), through Django's signals;
- writes that send no signals (bulk writes, `QuerySet.update`) call `changed` themselves.

A version is raised after the transaction commits (`on_commit`), so no lock is held while a long
save runs; a reader that read the old version in between caches under a key nobody asks for again.
Cached entries also expire (`CACHE_SECONDS`), which bounds the cost of a change missed.
"""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import DataVersion

CACHE_SECONDS = 600
SHARED = None  # the shared register (agencies): every partnership's reports may show it


def changed(partnership_id):
    """What partnership `partnership_id` (SHARED: every partnership) reports from has changed."""
    transaction.on_commit(lambda: raise_version(partnership_id))


def cached(partnership, key, build, *, version=None):
    """`build()`, or what it returned before under the same data versions (one query to know;
    none when the page read `version = current(partnership)` once for several)."""
    own, shared = version or current(partnership)
    full_key = f"data-v1:{partnership.pk}:{own}:{shared}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, CACHE_SECONDS)
    return value


def raise_version(partnership_id):
    if partnership_id is SHARED:
        rows = DataVersion.objects.filter(partnership__isnull=True)
    else:
        rows = DataVersion.objects.filter(partnership_id=partnership_id)
    if rows.update(value=F("value") + 1):
        return
    try:
        with transaction.atomic():
            DataVersion.objects.create(partnership_id=partnership_id, value=1)
    except IntegrityError:  # made at the same moment by another request
        rows.update(value=F("value") + 1)


def current(partnership) -> tuple:
    """The partnership's and the shared data versions: one query."""
    rows = DataVersion.objects.filter(Q(partnership=partnership) | Q(partnership__isnull=True)).values_list(
        "partnership_id", "value"
    )
    own = shared = 0
    for partnership_id, value in rows:
        if partnership_id is None:
            shared += value
        else:
            own = value
    return (own, shared)


def watch(model, partnership_of=lambda instance: instance.partnership_id):
    """Raise the version of `partnership_of(instance)` (SHARED for all) on every save and delete."""

    def on_change(sender, instance, **kwargs):
        changed(partnership_of(instance))

    post_save.connect(on_change, sender=model, weak=False, dispatch_uid=f"data-version-{model._meta.label}")
    post_delete.connect(on_change, sender=model, weak=False, dispatch_uid=f"data-version-del-{model._meta.label}")


def watch_shared_with(through):
    """A group shared with other partnerships: sharing changes what all of them show."""

    def on_change(sender, instance, action, **kwargs):
        if action.startswith("post_"):
            changed(SHARED)

    m2m_changed.connect(on_change, sender=through, weak=False, dispatch_uid=f"data-version-{through._meta.label}")
