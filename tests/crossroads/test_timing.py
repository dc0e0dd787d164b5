"""Who has an account cannot be told from how long an answer takes, with a slow password hasher.

Each pair is timed several times, taking turns, and the fastest of each compared (other work on
the machine only ever adds time). The margin is wide (a factor of two), but a branch that skipped
the password hashing would be ten times faster.

Password reset does no hashing on either path; both send exactly one e-mail, which
test_password_reset.py checks directly (timing two short answers would measure only noise).
"""

import time

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.urls import reverse

from crossroads.models import User

pytestmark = pytest.mark.django_db


class ShorterPBKDF2Hasher(PBKDF2PasswordHasher):
    """Django's hasher with a twentieth of its work: still more than the rest of a request."""

    iterations = PBKDF2PasswordHasher.iterations // 20


REAL_HASHER = ["tests.crossroads.test_timing.ShorterPBKDF2Hasher"]
RUNS = 5


def _assert_alike(first_action, second_action):
    times = {first_action: [], second_action: []}
    for _ in range(RUNS):
        for action, taken in times.items():
            start = time.perf_counter()
            action()
            taken.append(time.perf_counter() - start)
    first, second = (min(taken) for taken in times.values())
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
                    "time_zone": "UTC",
                    "number_format": "en_US",
                },
            )

        return go

    _assert_alike(sign_up("alice@example.com"), sign_up("new@example.com"))


def test_logging_in_takes_as_long_for_a_username_that_does_not_exist(client, real_hasher):
    def log_in(username):
        return lambda: client.post(reverse("login"), {"username": username, "password": "wrong"})

    _assert_alike(log_in("alice"), log_in("nobody"))
