"""Wrong passwords pause logging in fairly: by username from one address, and by address."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from crossroads.lockout import pause_ends
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
ATTACKER = "203.0.113.66"
OWNER = "198.51.100.7"


def _log_in(client, username, password, **meta):
    return client.post(reverse("login"), {"username": username, "password": password}, **meta)


def _via_proxy(address, forged=""):
    """A request through our one proxy, which appends the address it saw to X-Forwarded-For."""
    chain = f"{forged}, {address}" if forged else address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": chain}


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def test_behind_the_proxy_an_attacker_cannot_lock_the_owner_out(client, alice, one_proxy):
    for _ in range(10):
        _log_in(client, "alice", "guess", **_via_proxy(ATTACKER))
    assert _log_in(client, "alice", PASSWORD, **_via_proxy(ATTACKER)).status_code == 429

    response = _log_in(client, "alice", PASSWORD, **_via_proxy(OWNER))
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_a_forged_address_in_the_header_does_not_escape_the_pause(client, alice, one_proxy):
    for n in range(5):
        _log_in(client, "alice", "guess", **_via_proxy(ATTACKER, forged=f"192.0.2.{n}"))
    response = _log_in(client, "alice", PASSWORD, **_via_proxy(ATTACKER, forged="192.0.2.99"))
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_forged_owner_address_cannot_lock_the_owner_out(client, alice, one_proxy):
    for _ in range(10):
        _log_in(client, "alice", "guess", **_via_proxy(ATTACKER, forged=OWNER))
    assert _log_in(client, "alice", PASSWORD, **_via_proxy(OWNER)).status_code == 302


def test_without_a_configured_proxy_the_header_is_ignored(client, alice):
    for n in range(5):
        _log_in(client, "alice", "guess", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = _log_in(client, "alice", PASSWORD, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=OWNER)
    assert response.status_code == 429
    assert AccessAttempt.objects.get().ip_address == ATTACKER


def test_the_owner_from_elsewhere_is_not_paused(client, alice):
    for _ in range(5):
        _log_in(client, "alice", "guess", REMOTE_ADDR=ATTACKER)
    assert _log_in(client, "alice", PASSWORD, REMOTE_ADDR=OWNER).status_code == 302


def test_many_usernames_tried_from_one_address_pause_that_address(client, settings, alice):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 12
    for n in range(12):
        _log_in(client, f"someone{n}", "guess", REMOTE_ADDR=ATTACKER)
    response = _log_in(client, "alice", PASSWORD, REMOTE_ADDR=ATTACKER)
    assert response.status_code == 429
    assert b"for several accounts" in response.content
    assert _log_in(client, "alice", PASSWORD, REMOTE_ADDR=OWNER).status_code == 302


def test_logging_in_to_ones_own_account_does_not_clear_the_address_count(client, settings, alice):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 12
    make_user("mallory")
    for n in range(11):
        _log_in(client, f"someone{n}", "guess", REMOTE_ADDR=ATTACKER)
    assert _log_in(client, "mallory", PASSWORD, REMOTE_ADDR=ATTACKER).status_code == 302
    client.post(reverse("logout"))
    _log_in(client, "someone-else", "guess", REMOTE_ADDR=ATTACKER)
    assert _log_in(client, "mallory", PASSWORD, REMOTE_ADDR=ATTACKER).status_code == 429


def test_the_page_says_how_long_to_wait_and_trying_again_does_not_lengthen_it(client, alice):
    for _ in range(5):
        _log_in(client, "alice", "guess", REMOTE_ADDR=ATTACKER)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=35))
    for _ in range(3):
        response = _log_in(client, "alice", "guess-again", REMOTE_ADDR=ATTACKER)
    assert response.status_code == 429
    assert b"Try again in 25 minutes" in response.content
    assert re.search(rb"from \d\d:\d\d UTC", response.content)


def test_the_pause_ends_after_the_cool_off(client, alice):
    for _ in range(5):
        _log_in(client, "alice", "guess", REMOTE_ADDR=ATTACKER)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=61))
    assert _log_in(client, "alice", PASSWORD, REMOTE_ADDR=ATTACKER).status_code == 302


def test_opening_a_password_reset_link_lifts_the_pause(client, alice):
    for _ in range(5):
        _log_in(client, "alice", "guess", REMOTE_ADDR=OWNER)
    assert _log_in(client, "alice", PASSWORD, REMOTE_ADDR=OWNER).status_code == 429

    client.post(reverse("password_reset"), {"email": "alice@example.com"}, REMOTE_ADDR=OWNER)
    link = re.search(r"https?://\S+/reset/\S+", mail.outbox[0].body).group()
    response = client.get(link, follow=True, REMOTE_ADDR=OWNER)
    assert b"new password" in response.content.lower()

    assert _log_in(client, "alice", PASSWORD, REMOTE_ADDR=OWNER).status_code == 302


def test_a_wrong_reset_link_lifts_nothing(client, alice):
    for _ in range(5):
        _log_in(client, "alice", "guess", REMOTE_ADDR=OWNER)
    client.get(reverse("password_reset_confirm", args=["MQ", "not-a-token"]))
    assert _log_in(client, "alice", PASSWORD, REMOTE_ADDR=OWNER).status_code == 429


# pause_ends: a pure rule, checked against counting by hand at every moment.

_START = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
_COOL_OFF = datetime.timedelta(minutes=60)
failures_strategy = st.lists(
    st.tuples(
        st.integers(1, 6), st.integers(0, 59).map(lambda m: _START + datetime.timedelta(minutes=m))
    ),
    max_size=8,
)


def _counting(failures, at):
    return sum(count for count, latest in failures if at <= latest + _COOL_OFF)


@given(failures=failures_strategy, limit=st.integers(1, 12))
def test_pause_ends_when_the_failures_still_counting_fall_below_the_limit(failures, limit):
    ends = pause_ends(failures, limit, _COOL_OFF)
    now = _START + datetime.timedelta(minutes=59)
    if ends is None:
        assert _counting(failures, now) < limit
        return
    assert _counting(failures, ends) >= limit
    assert _counting(failures, ends + datetime.timedelta(microseconds=1)) < limit
