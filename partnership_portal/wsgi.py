import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnership_portal.settings")
application = get_wsgi_application()


def _settle_startup_objects():
    """Import every view now and move everything loaded so far out of the garbage collector's
    sight (gc.freeze). Python's full collection walks every object the process holds: with
    Django, Plotly and our modules loaded that is some 90,000 objects and 50 ms, and it fell
    inside whichever requests came first after a worker started (bench/pages.py saw the first
    page it load-tested pay it). Frozen objects are still freed normally when dropped; the
    collector just stops re-examining them."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (imports every view module the URLconf names)
    gc.collect()
    gc.freeze()


_settle_startup_objects()
