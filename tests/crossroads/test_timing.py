"""Who has an account cannot be told from how long an answer takes (with the real hasher).

Each pair is timed several times, interleaved, and the medians compared. The margin is wide
(a factor of two), but a branch that skipped the password hashing would be ten times faster.
"""

import statistics
import time

import pytest
from django.urls import reverse

from crossroads.models import User

pytestmark = pytest.mark.django_db

REAL_HASHER = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
RUNS = 3


def _median_seconds(action) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _assert_alike(first, second):
    assert 0.5 < first / second < 2, f"{first:.3f}s against {second:.3f}s"


@pytest.fixture
def real_hasher(settings):
    settings.PASSWORD_HASHERS = REAL_HASHER
    settings.RATE_LIMITS = {name: (1000, 3600) for name in settings.RATE_LIMITS}
    User.objects.create_user("alice", "alice@example.com", "correct-horse-battery-staple")


def test_sign_up_takes_as_long_for_an_address_in_use(client, real_hasher):
    def sign_up(email):
        def go():
            client.post(
                reverse("signup"),
                {
                    "username": f"u{time.perf_counter_ns()}",
                    "email": email,
                    "password1": "a-long-and-unusual-passphrase",
                    "password2": "a-long-and-unusual-passphrase",
                },
            )

        return go

    _assert_alike(
        _median_seconds(sign_up("alice@example.com")), _median_seconds(sign_up("new@example.com"))
    )


def test_logging_in_takes_as_long_for_a_username_that_does_not_exist(client, real_hasher):
    def log_in(username):
        return lambda: client.post(reverse("login"), {"username": username, "password": "wrong"})

    _assert_alike(_median_seconds(log_in("alice")), _median_seconds(log_in("nobody")))


def test_password_reset_takes_as_long_for_an_address_with_no_account(client, real_hasher):
    def reset(email):
        return lambda: client.post(reverse("password_reset"), {"email": email})

    _assert_alike(
        _median_seconds(reset("alice@example.com")), _median_seconds(reset("nobody@example.com"))
    )
