"""One person's odd input never breaks a page, for anyone.

Every address the app answers is found in its URL patterns and filled from a world of alice's
data (``tests/crossroads/fuzz.py``); every form its pages draw is read from their HTML and sent
hostile values. No answer may be a server error, and nothing of bob's may change. A page or form
added later is walked without anyone listing it. The walk is split in two halves, this file and
``test_no_server_errors_other_half.py``, so two workers share it.
"""

import re

import pytest
from django.urls import reverse

from tests.crossroads.fuzz import address, everything_of, fuzz, make_world, routes

pytestmark = pytest.mark.django_db

# Addresses anyone may open signed out, with why.
PUBLIC = {
    "": "the front page",
    "accounts/signup/": "signing up",
    "accounts/signup/sent/": "after signing up",
    "accounts/signup/confirm/<str:token>/": "the link in the sign-up e-mail",
    "accounts/login/": "signing in",
    "accounts/logout/": "signing out twice does no harm",
    "accounts/password_reset/": "a forgotten password",
    "accounts/password_reset/done/": "a forgotten password",
    "accounts/reset/<uidb64>/<token>/": "the link in the password e-mail",
    "accounts/reset/done/": "a forgotten password",
    "reminders/calendar/<str:token>.ics": "a calendar app, the token is the key",
    "reminders/unsubscribe/<str:token>/": "a mail app, the signed token is the key",
}


def test_hostile_input_in_any_form_of_the_first_half_never_makes_a_server_error(
    alice_client, alice, bob
):
    covered = fuzz(alice_client, alice, bob, shard=0, shards=2)
    assert covered["forms"] > 20


def test_every_address_is_walked(alice):
    """A new address with a parameter nobody described fails here, saying what to add."""
    world = make_world(alice)
    assert all(address(route, world) for route in routes())
    assert "offers/<int:pk>/edit/" in routes()
    assert not any(route.startswith("admin/") for route in routes())


OWNED = [route for route in routes() if re.search(r"<int:", route)]


@pytest.mark.parametrize("route", OWNED)
def test_a_stranger_gets_404_on_every_page_of_someone_elses_data(charlie_client, alice, route):
    url = address(route, make_world(alice))
    before = everything_of(alice)
    answers = {
        charlie_client.get(url).status_code,
        charlie_client.post(url, {"name": "Mine now", "confirm": "on"}).status_code,
    }
    # 405 answers a method the page never takes, whoever asks: it gives nothing away.
    assert 404 in answers and answers <= {404, 405}
    assert everything_of(alice) == before


@pytest.mark.parametrize("route", [route for route in routes() if route not in PUBLIC])
def test_an_anonymous_visitor_is_sent_to_log_in_from_every_page(client, alice, route):
    url = address(route, make_world(alice))
    before = everything_of(alice)
    for response in (client.get(url), client.post(url, {"name": "Mine now", "confirm": "on"})):
        assert response.status_code == 302, (url, response.status_code)
        assert response.url.startswith(reverse("login"))
    assert everything_of(alice) == before
