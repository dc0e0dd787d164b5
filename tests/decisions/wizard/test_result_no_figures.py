"""The wizard's money for an offer with no figures yet: "No figures yet" on the ratings and result
pages, never 0, left out of the money comparison and the suggested ratings, with a note."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from decisions.models import Decision
from offers.models import Offer
from tests.decisions.helpers import at_step, rate, url
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db

LEFT_OUT = "Moldau Bank is left out: no figures yet."


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _html(client, decision, step="result") -> str:
    response = client.get(url(step, decision))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def prague(alice):
    return make_offer(
        alice,
        company="Prague Co",
        currency="CZK",
        status=Offer.Status.ACCEPTED,
        base_salary=Decimal(1_200_000),
    )


@pytest.fixture
def amsterdam(alice):
    return make_offer(alice, company="Amsterdam Co", currency="CZK", base_salary=Decimal(1_500_000))


@pytest.fixture
def moldau(alice):
    return make_offer(
        alice,
        company="Moldau Bank",
        currency="CZK",
        status=Offer.Status.EXPECTED,
        base_salary=Decimal(0),
    )


@pytest.fixture
def decision(alice, prague, amsterdam, moldau):
    decision = make_decision(alice, [prague, amsterdam, moldau], horizon_years=2)
    rate(decision, {prague: 3, amsterdam: 4, moldau: 2})
    return at_step(decision, Decision.Step.RESULT)


def _money_rows(html: str) -> dict[str, str]:
    table = re.search(r'<table class="table table-sm money-compare">.*?</table>', html, re.S)
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(0), re.S)[1:]
    # Keyed by the offer's name: its first two words.
    return {" ".join(_text(row).split()[:2]): _text(row) for row in rows}


def test_the_result_says_no_figures_yet_and_leaves_it_out_of_the_money_ranking(
    alice_client, decision
):
    html = _html(alice_client, decision)
    text = _text(html)
    rows = _money_rows(html)
    assert rows["Moldau Bank"] == "Moldau Bank No figures yet left out: no figures yet"
    # Compared with the commitment; Moldau Bank neither the reference nor ranked.
    assert "Compared with Prague Co" in text
    assert rows["Amsterdam Co"] == "Amsterdam Co CZK 3,000,000 CZK 600,000 more"
    assert rows["Prague Co"] == "Prague Co CZK 2,400,000 the reference"
    assert "CZK 0" not in html
    assert LEFT_OUT in text
    # Its score still stands: it comes from the user's own ratings, not from its money.
    assert "Moldau Bank: 40.0" in text
    assert (
        "Moldau Bank has no figures yet: its score stands on your own ratings, compensation "
        "included, not on money." in text
    )


def test_the_ratings_step_pre_fills_no_compensation_rating_for_it(
    alice_client, decision, moldau, amsterdam
):
    html = _html(alice_client, at_step(decision, Decision.Step.RATINGS), "ratings")
    assert "Moldau Bank: No figures yet" in _text(html)
    assert "CZK 0" not in html
    assert LEFT_OUT in _text(html)


def test_the_result_takes_the_same_queries_with_an_offer_without_figures(
    alice_client, alice, prague, amsterdam, moldau, django_assert_num_queries
):
    with_money = make_decision(alice, [prague, amsterdam], horizon_years=2)
    rate(with_money, {prague: 3, amsterdam: 4})
    with CaptureQueriesContext(connection) as queries:
        _html(alice_client, at_step(with_money, Decision.Step.RESULT))
    without = make_decision(alice, [prague, amsterdam, moldau], horizon_years=2)
    rate(without, {prague: 3, amsterdam: 4, moldau: 2})
    with django_assert_num_queries(len(queries)):
        _html(alice_client, at_step(without, Decision.Step.RESULT))
