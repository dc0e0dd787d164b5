import datetime

import hypothesis
import pytest
from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.utils import timezone
from django.utils.crypto import get_random_string

from tests.factories import make_user

# Properties are checked on a shared, busy machine (two test workers, CI): a slow example is not
# a failure, only a wrong one is.
hypothesis.settings.register_profile("crossroads", deadline=None)
hypothesis.settings.load_profile("crossroads")


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    # Hashing each persona's password properly costs a quarter of a second per test; a fast
    # hasher checks passwords just as well for testing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _rate_limits_start_at_zero(request, django_db_blocker):
    """Every test that uses the database starts with no rate-limit counts.
    Browser tests commit, and Django's flush between them empties the models' tables but not the
    cache's (it is no model): without this their counts would reach into later tests."""
    marker = request.node.get_closest_marker("django_db")
    if marker or {"db", "transactional_db"} & set(request.fixturenames):
        request.getfixturevalue("django_db_setup")  # the test database, never the app's own
        with django_db_blocker.unblock():
            cache.clear()


@pytest.fixture
def alice(db):
    """The user whose journey the tests follow."""
    return make_user("alice")


@pytest.fixture
def bob(db):
    """A second user with data of his own."""
    return make_user("bob")


@pytest.fixture
def charlie(db):
    """A stranger who must never see or change anyone else's data."""
    return make_user("charlie")


@pytest.fixture
def alice_client(client, alice):
    """Alice's browser, signed in and holding the CSRF cookie the log-in page gave it, as for a
    real visit."""
    client.force_login(alice)
    client.cookies[settings.CSRF_COOKIE_NAME] = get_random_string(
        CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS
    )
    return client


@pytest.fixture
def charlie_client(client, charlie):
    client.force_login(charlie)
    return client


class _Clock:
    def __init__(self, now):
        self.now = now

    def move(self, delta):
        self.now += delta


@pytest.fixture
def clock(monkeypatch):
    """Django's clock, stopped at the start of an hour well ahead of the real one (so rows a test
    made before count as older), moved on by ``clock.move(delta)``. Views and ``auto_now``
    fields both read ``timezone.now()``, so both follow it."""
    ahead = timezone.now() + datetime.timedelta(hours=3)
    stopped = _Clock(ahead.replace(minute=0, second=0, microsecond=0))
    monkeypatch.setattr(timezone, "now", lambda: stopped.now)
    return stopped


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "two_servers: two app servers against Debian's PostgreSQL server (tests/crossroads/"
        "test_two_servers.py)",
    )


def pytest_sessionstart(session):
    """A data folder of the old embedded PostgreSQL (16) cannot be opened: say what to do once,
    rather than in a traceback for every test that uses the database."""
    from pathlib import Path

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "crossroads.embedded_db":
        return
    from crossroads.embedded_db.server import OldDataFolder, refuse_old_data

    try:
        refuse_old_data(Path(database["DATA_DIR"]).resolve())
    except OldDataFolder as old:
        pytest.exit(f"The tests cannot start: {old}", returncode=2)
