"""Publishing's background task: arguments are ids, so it may run later and on another host."""

from django_scopes import scopes_disabled
from django_tasks import task


@task()
def publish_report(publication_id: int) -> str:
    from .services import run_publication

    with scopes_disabled():  # the publication's own partnership is read from its row
        return str(run_publication(publication_id))
