"""Background tasks of the partners app (django-tasks). Arguments are plain JSON values."""

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_email(to: list[str], subject: str, body: str) -> int:
    """Send one plain-text e-mail to each address (each sees only their own); returns how many went."""
    sent = 0
    for address in to:
        sent += EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address]).send()
    return sent
