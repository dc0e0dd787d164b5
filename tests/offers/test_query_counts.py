"""The pages that show all of a user's offers take as many queries for 100 offers as for 1."""

import pytest
from django.urls import reverse

from offers import changes
from tests.offers.conftest import make_many_offers, three_offers

pytestmark = pytest.mark.django_db

PAGES = [
    # Session, user, the page's offers, every offer's currency with whether the filter shows it
    # (the page count) and the totals of those in play (the comparison). The offers here are in
    # one currency, so no exchange rate is read (test_money_across_currencies.py: several).
    ("offers:list", 4),
    # Session, user, the user's offers, the four years of those the page shows, the asks about
    # them, the follow-ups still to tick, the withdrawals still to make, the committed offers
    # with their leaving terms (the notice clashes). One currency: no exchange rate is read.
    ("offers:timeline", 8),
    # Session, user, the version of the file (one query that fingerprints every table it reads,
    # for the ETag: calendar apps poll it), the offers, the asks about them.
    ("offers:calendar", 5),
]


@pytest.mark.parametrize("count", [1, 100])
@pytest.mark.parametrize(("name", "queries"), PAGES, ids=[name for name, _ in PAGES])
def test_the_page_takes_the_same_number_of_queries_for_1_or_100_offers(
    alice_client, alice, today, name, queries, count, django_assert_num_queries
):
    make_many_offers(alice, count, today, contacts_each=2)
    with django_assert_num_queries(queries):
        assert alice_client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("count", [1, 100])
@pytest.mark.parametrize(("name", "queries"), [("offers:list", 5), ("offers:timeline", 9)])
def test_money_in_several_currencies_reads_the_rates_once_for_1_or_100_offers(
    alice_client, alice, today, name, queries, count, django_assert_num_queries
):
    make_many_offers(alice, count, today)
    three_offers(alice, today)  # in crowns and euros: the comparison and the clashes convert
    # The pages' queries above, and the exchange rates.
    with django_assert_num_queries(queries):
        assert alice_client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("count", [1, 100])
def test_the_withdraw_page_takes_the_same_number_of_queries_for_1_or_100_offers(
    alice_client, alice, today, count, django_assert_num_queries
):
    make_many_offers(alice, count, today, contacts_each=2)
    _, amsterdam, moldau = three_offers(alice, today)
    changes.accept(amsterdam, go_ahead=True, today=today)
    # Session, user, the offer, its people, the withdrawal owed with the offer accepted instead.
    with django_assert_num_queries(5):
        assert alice_client.get(reverse("offers:withdraw", args=[moldau.pk])).status_code == 200
