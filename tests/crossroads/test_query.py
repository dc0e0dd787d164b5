"""Numbers and codes in addresses: anything but what is asked for reads as nothing, never a
server error."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from crossroads.query import currency_code, whole_number
from tests.factories import make_offer


@pytest.mark.parametrize("text", ["²", "١٢", "1e3", " 12", "12 ", "", "\x00", "9" * 40, None, "+3"])
def test_what_int_refuses_or_is_too_long_reads_as_the_default(text):
    assert whole_number(text, default=7) == 7


@given(st.integers(min_value=-(10**9) + 1, max_value=10**9 - 1))
def test_a_whole_number_reads_as_itself(number):
    assert whole_number(str(number)) == number


@pytest.mark.parametrize(
    ("text", "code"), [(" usd ", "USD"), ("\x00", ""), ("EU", ""), ("€UR", "")]
)
def test_a_currency_code_is_three_letters_or_nothing(text, code):
    assert currency_code(text) == code


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        lambda offer: reverse("offers:ask_more_time", args=[offer.pk]) + "?other=%C2%B2",
        lambda offer: reverse("offers:set_rate") + "?currency=%00",
        lambda offer: reverse("offers:timeline") + "?page=%C2%B2",
        lambda offer: reverse("offers:list") + "?page=%00",
    ],
    ids=["ask other", "rate currency", "timeline page", "list page"],
)
def test_odd_numbers_in_addresses_never_give_a_server_error(alice_client, alice, address):
    offer = make_offer(alice)
    assert alice_client.get(address(offer), follow=True).status_code in (200, 404)
