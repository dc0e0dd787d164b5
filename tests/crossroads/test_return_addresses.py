"""Every return address (``next``) is checked in one place: only a path on this site is followed,
anything else falls back to the page's own default, never a server error."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from crossroads.navigation import safe_return_path
from offers.models import Offer
from tests.factories import PASSWORD, make_decision, make_offer
from tests.offers.conftest import offer_form_data

pytestmark = pytest.mark.django_db

MALFORMED = [
    "-1",
    "home",
    "offers:list",
    "//evil.example/x",
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    "/\\evil.example",
    "\\\\evil.example",
    " /offers/",
    "/offers/\r\nSet-Cookie: x=1",
    "/\x00",
    "",
]


@pytest.mark.parametrize("url", MALFORMED)
def test_anything_but_a_local_path_is_refused(url):
    assert safe_return_path(url) == ""


@pytest.mark.parametrize("url", ["/", "/offers/", "/decisions/3/result/?tab=a#record"])
def test_a_local_path_is_kept(url):
    assert safe_return_path(url) == url


@given(st.text())
def test_whatever_is_posted_the_answer_is_nothing_or_a_local_path(url):
    path = safe_return_path(url)
    assert path == "" or (path.startswith("/") and not path.startswith(("//", "/\\")))
    assert not any(ord(c) < 32 for c in path)


# Every form that follows a posted `next`.


@pytest.mark.parametrize("url", MALFORMED)
def test_adding_an_offer_with_a_malformed_next_goes_to_the_offer(alice_client, alice, url):
    response = alice_client.post(reverse("offers:new"), offer_form_data(next=url))
    offer = Offer.objects.get(owner=alice)
    assert response.status_code == 302
    assert response.url == offer.get_absolute_url()


@pytest.mark.parametrize("url", MALFORMED)
def test_editing_an_offer_with_a_malformed_next_goes_to_the_offer(alice_client, alice, url):
    offer = make_offer(alice)
    response = alice_client.post(reverse("offers:edit", args=[offer.pk]), offer_form_data(next=url))
    assert response.status_code == 302
    assert response.url == offer.get_absolute_url()


def test_adding_an_offer_with_a_local_next_returns_there(alice_client):
    response = alice_client.post(reverse("offers:new"), offer_form_data(next="/decisions/new/"))
    assert response.url == "/decisions/new/"


@pytest.mark.parametrize("url", MALFORMED)
def test_the_readiness_checks_with_a_malformed_next_go_to_the_dashboard(alice_client, alice, url):
    committed = make_offer(alice, status=Offer.Status.SIGNED)
    new = make_offer(alice, company="Second Co")
    decision = make_decision(alice, [committed, new], chosen_offer=new)
    response = alice_client.post(
        reverse("decisions:readiness", args=[decision.pk]), {"new_offer": new.pk, "next": url}
    )
    assert response.status_code == 302
    assert response.url == reverse("home")


@pytest.mark.parametrize("url", MALFORMED)
def test_logging_in_with_a_malformed_next_goes_to_the_dashboard(client, alice, url):
    response = client.post(
        reverse("login"), {"username": "alice", "password": PASSWORD, "next": url}
    )
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_logging_in_with_a_local_next_returns_there(client, alice):
    response = client.post(
        f"{reverse('login')}?next=/offers/", {"username": "alice", "password": PASSWORD}
    )
    assert response.url == "/offers/"


@pytest.mark.parametrize("url", MALFORMED)
def test_logging_out_with_a_malformed_next_goes_to_the_start_page(alice_client, url):
    response = alice_client.post(reverse("logout"), {"next": url})
    assert response.status_code == 302
    assert response.url == reverse("home")


@pytest.mark.parametrize("url", MALFORMED)
def test_a_signed_in_visitor_to_the_login_page_with_a_malformed_next_goes_home(alice_client, url):
    response = alice_client.get(reverse("login"), {"next": url})
    assert response.status_code == 302
    assert response.url == reverse("home")
