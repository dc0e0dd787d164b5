"""The pages that show all of a user's offers take as many queries for 100 offers as for 1, drawn
afresh or kept."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from tests.offers.conftest import make_many_offers

pytestmark = pytest.mark.django_db

PAGES = [
    # Session, user, the data version (crossroads/kept.py), the page's count, the page's offers,
    # the offers in play, the currencies of all offers (for the home currency), the exchange rates.
    ("offers:list", 8),
    # Session, user, the data version, the user's offers, the four years of those the page shows,
    # the asks about them, the exchange rates, the follow-ups still to tick.
    ("offers:timeline", 8),
    # Session, user, the fingerprint of the offers and the asks, the kept file
    # (calendar.kept_calendar): once made, the file is sent without loading an offer.
    ("offers:calendar", 4),
]
# Session, user, the data version: a page seen again with no change is not drawn again.
KEPT = 3


@pytest.mark.parametrize("count", [1, 100])
@pytest.mark.parametrize(("name", "queries"), PAGES, ids=[name for name, _ in PAGES])
def test_the_page_takes_the_same_number_of_queries_for_1_or_100_offers(
    alice_client, alice, today, name, queries, count, django_assert_num_queries
):
    make_many_offers(alice, count, today, contacts_each=2)
    alice_client.get(reverse(name))  # the calendar file is made once, then kept
    caches["pages"].clear()
    with django_assert_num_queries(queries):
        drawn = alice_client.get(reverse(name))
    if name != "offers:calendar":
        with django_assert_num_queries(KEPT):
            assert alice_client.get(reverse(name)).content == drawn.content
