"""Signed-in people for what loads a running app from outside (scripts/restart_load.py, the
two-server test): each user made, and the key of a session as a browser holds it after logging
in. Imported in the app's shell (``manage.py shell -c``), where Django is set up."""

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore


def signed_in(names, password=None) -> list[str]:
    """A new user for each name, and the key of a session signed in as that user."""
    keys = []
    for name in names:
        user = get_user_model().objects.create_user(name, f"{name}@example.com", password)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys
