"""The result page and the list cost the same number of queries however big the decision is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from decisions.models import Consideration, Decision, Factor, Rating
from offers.models import Offer
from tests.decisions.helpers import at_step, url
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db


def _decision(owner, offers: int, factors: int, considerations: int) -> Decision:
    """A finished decision: the first offer committed, the last one rated best."""
    made = [
        make_offer(
            owner,
            company=f"Company {i}",
            status=Offer.Status.SIGNED if i == 0 else Offer.Status.RECEIVED,
        )
        for i in range(offers)
    ]
    decision = make_decision(owner, made, title=f"{offers} offers")
    Factor.objects.bulk_create(
        Factor(decision=decision, name=f"Own factor {i}", weight=2, position=10 + i)
        for i in range(factors - decision.factors.count())
    )
    Rating.objects.bulk_create(
        Rating(factor=factor, offer=offer, score=1 + (i % 5))
        for factor in decision.factors.all()
        for i, offer in enumerate(made)
    )
    Consideration.objects.bulk_create(
        Consideration(
            decision=decision,
            offer=made[i % offers],
            kind="pro" if i % 2 else "con",
            term="immediate" if i % 3 else "long_term",
            text=f"Point {i}",
        )
        for i in range(considerations)
    )
    return at_step(decision, Decision.Step.RESULT)


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_the_result_page_takes_the_same_queries_for_2_offers_and_for_5_x_10_x_40(
    alice_client, alice, django_assert_num_queries
):
    small = _decision(alice, offers=2, factors=5, considerations=0)
    large = _decision(alice, offers=5, factors=10, considerations=40)
    expected = _count(alice_client, url("result", small))
    with django_assert_num_queries(expected):
        response = alice_client.get(url("result", large))
    html = response.content.decode()
    assert "Point 39" in html and "Own factor 4" in html
    assert "If you leave Company 0" in html  # the risk and the checklist are on both pages
    assert "If you leave Company 0" in alice_client.get(url("result", small)).content.decode()


def test_the_list_takes_the_same_queries_for_2_offers_and_for_5_x_10_x_40(
    alice_client, alice, django_assert_num_queries
):
    _decision(alice, offers=2, factors=5, considerations=0)
    expected = _count(alice_client, reverse("decisions:list"))
    for _ in range(3):
        _decision(alice, offers=5, factors=10, considerations=40)
    with django_assert_num_queries(expected):
        alice_client.get(reverse("decisions:list"))


@pytest.mark.parametrize("step", ["ratings", "pros_cons", "priorities"])
def test_each_step_takes_the_same_queries_small_or_large(
    alice_client, alice, step, django_assert_num_queries
):
    small = _decision(alice, offers=2, factors=5, considerations=0)
    large = _decision(alice, offers=5, factors=10, considerations=40)
    expected = _count(alice_client, url(step, small))
    with django_assert_num_queries(expected):
        alice_client.get(url(step, large))
