"""Django's database sessions, read by SQL built once per process (partners.prepared)."""

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from partners.prepared import PreparedQuery

_session_by_key = PreparedQuery(lambda key: Session.objects.filter(session_key=key), key="\x00session key stand-in")


class SessionStore(DatabaseSessionStore):
    def _validate_session_key(self, key):
        """Only keys as Django makes them (letters and digits): anything else in the cookie, a NUL
        byte say, is no session, not a query PostgreSQL refuses with an error page."""
        return super()._validate_session_key(key) and key.isascii() and key.isalnum()

    def _get_session_from_db(self):
        """The stored session, None once it has expired (Django's own reads the same row, with the
        expiry compared in SQL)."""
        now = timezone.now()
        found = [session for session in _session_by_key(key=self.session_key) if session.expire_date > now]
        if not found:
            self._session_key = None
            return None
        return found[0]
