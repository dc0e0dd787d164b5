"""The pages that show all of a user's offers take as many queries for 100 offers as for 1, drawn
afresh or kept."""

import pytest
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
    # Session, user, the data version, the offers, the asks about them (calendar.kept_calendar).
    ("offers:calendar", 5),
]
# Session, user, the data version: a page or a calendar file asked for again with no change is
# not made again.
KEPT = 3


@pytest.mark.parametrize("count", [1, 100])
@pytest.mark.parametrize(("name", "queries"), PAGES, ids=[name for name, _ in PAGES])
def test_the_page_takes_the_same_number_of_queries_for_1_or_100_offers(
    alice_client, alice, today, name, queries, count, django_assert_num_queries
):
    make_many_offers(alice, count, today, contacts_each=2)
    with django_assert_num_queries(queries):
        drawn = alice_client.get(reverse(name))
    with django_assert_num_queries(KEPT):
        assert alice_client.get(reverse(name)).content == drawn.content
