"""The side-by-side money page: offers in columns, years in rows, converted with the user's rate
and labelled, left out and named without one, in a fixed number of queries."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from decisions.models import Decision
from offers.compare.forms import compare_url
from offers.models import ExchangeRate, Offer
from tests.decisions.helpers import at_step, rate, url
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _page(client, **params) -> str:
    response = client.get(reverse("offers:compare"), params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def three_offers(alice):
    """Two offers in euros and one in dollars, as in the issue."""
    return [
        make_offer(alice, company="Paris Co", currency="EUR", base_salary=Decimal(90000)),
        make_offer(alice, company="Prague Co", currency="EUR", base_salary=Decimal(60000)),
        make_offer(
            alice,
            company="New York Co",
            currency="USD",
            base_salary=Decimal(100000),
            signing_bonus=Decimal(10000),
        ),
    ]


def _set_rate(user, currency="USD", home="EUR", rate="0.92", days_ago=2):
    return ExchangeRate.objects.create(
        owner=user,
        currency=currency,
        home_currency=home,
        rate=Decimal(rate),
        taken_on=timezone.localdate() - datetime.timedelta(days=days_ago),
        source="my bank",
    )


def test_without_a_rate_the_dollar_offer_is_shown_in_dollars_and_not_compared(
    alice_client, three_offers
):
    html = _page(alice_client)
    text = _text(html)
    assert "No exchange rate for USD in EUR yet, so" in text
    assert f"{reverse('offers:set_rate')}?currency=USD" in html
    assert "In USD: no rate yet, not compared" in text
    # The chart draws only what can be compared: the two euro offers.
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", html, re.S).group(1)
    assert "Paris Co" in desc and "Prague Co" in desc and "New York Co" not in desc


def test_with_a_rate_every_offer_is_compared_and_converted_figures_are_labelled(
    alice_client, alice, three_offers
):
    _set_rate(alice)
    html = _page(alice_client, offers=[o.pk for o in three_offers], years=2)
    text = _text(html)
    assert "No exchange rate" not in text
    assert "USD converted to EUR at your rate 1 USD = 0.92 EUR of" in text
    # Year 1 of New York: salary 100,000 USD is EUR 92,000, with the original beside it.
    assert "EUR 92,000 from USD 100,000" in text
    # Signing bonus 10,000 USD -> 9,200 EUR; the year's total adds the converted cells.
    assert "EUR 101,200 from USD 110,000" in text
    # Over two years: 92,000 + 9,200 + 92,000.
    assert "EUR 193,200 from USD 210,000" in text
    assert "Year 2" in text and "Year 3" not in text
    # The chart's figures are in a table beside it, which its description points to.
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", html, re.S).group(1)
    assert "New York Co" in desc and "The figures are in the table beside the chart" in desc
    figures = _text(
        re.search(r'<table class="table table-sm chart-table">.*?</table>', html, re.S).group(0)
    )
    assert "Money so far in EUR" in figures and "New York Co 101,200 193,200" in figures
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "aria-labelledby" in svg and "style=" not in html


def test_an_old_rate_gets_a_gentle_note(alice_client, alice, three_offers):
    _set_rate(alice, days_ago=45)
    assert "over 30 days ago. Rates move" in _text(_page(alice_client))


def test_the_adjustments_show_as_their_own_lines_and_are_not_advice(alice_client, alice):
    make_offer(
        alice,
        company="Amsterdam Co",
        currency="EUR",
        base_salary=Decimal(100000),
        tax_rate_percent=Decimal(40),
        cost_of_living_factor=Decimal("1.25"),
    )
    make_offer(alice, company="Prague Co", currency="EUR", base_salary=Decimal(60000))
    text = _text(
        _page(alice_client, years=1, offers=list(Offer.objects.values_list("pk", flat=True)))
    )
    assert "Rough after-tax, with your own estimate of the tax rate EUR 60,000 No estimate" in text
    assert "Adjusted for the cost of living, with your own factor EUR 80,000 No factor" in text
    assert "not financial or tax advice" in text
    assert "divided by 1.25" in text


def test_the_committed_offer_shows_what_leaving_costs(alice_client, alice):
    make_offer(
        alice,
        company="Signed Co",
        currency="EUR",
        status=Offer.Status.SIGNED,
        signing_bonus=Decimal(5000),
        repayment_amount=Decimal(7000),
        # Paid when signing, so leaving now owes it (offers.leaving_cost).
        repayment_paid=Offer.RepaymentPaid.ON_SIGNING,
    )
    make_offer(alice, company="Other Co", currency="EUR")
    text = _text(_page(alice_client))
    assert "What leaving costs" in text and "EUR 7,000" in text
    assert "your commitment" in text


def test_money_not_paid_yet_is_not_a_cost_of_leaving(alice_client, alice):
    make_offer(
        alice,
        company="Accepted Co",
        currency="EUR",
        status=Offer.Status.ACCEPTED,
        start_date=datetime.date.today() + datetime.timedelta(days=14),
        repayment_amount=Decimal(7000),
        repayment_paid=Offer.RepaymentPaid.ON_START,
    )
    make_offer(alice, company="Other Co", currency="EUR")
    text = _text(_page(alice_client))
    assert "your commitment" in text and "EUR 7,000" not in text


def _from_the_result(client, decision) -> str:
    """The compare page's address as the decision's result page links to it."""
    result = client.get(url("result", decision)).content.decode()
    link = re.search(r'href="([^"]*)">See the money side by side', result).group(1)
    return link.replace("&amp;", "&")


def test_from_a_decision_it_compares_its_offers_over_its_horizon(alice_client, alice, three_offers):
    decision = make_decision(alice, three_offers[:2], horizon_years=3)
    rate(at_step(decision, Decision.Step.RESULT), dict.fromkeys(three_offers[:2], 3))
    link = _from_the_result(alice_client, decision)
    assert link == compare_url(three_offers[:2], 3)
    text = _text(alice_client.get(link).content.decode())
    assert "Year 3" in text and "Year 4" not in text
    assert "New York Co" not in text.split("Year 1")[1]


def test_another_users_decision_is_a_404(alice_client, bob):
    """The decision's offers and horizon come from its result page, which is the owner's only."""
    other = at_step(make_decision(bob, [make_offer(bob), make_offer(bob)]), Decision.Step.RESULT)
    assert alice_client.get(url("result", other)).status_code == 404


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"offers": ["nope"], "years": "2"}, "Choose from your own offers."),
        ({"years": "2"}, "Choose at least one offer."),
        ({"offers": ["1"], "years": "9"}, "Choose from 1 to 6 years."),
    ],
)
def test_a_bad_choice_is_explained_next_to_the_field(alice_client, three_offers, params, message):
    html = _page(alice_client, **params)
    assert message in html and "There is a problem" in html


def test_another_users_offer_cannot_be_chosen(alice_client, bob, three_offers):
    bobs = make_offer(bob, company="Bob's Co")
    html = _page(alice_client, offers=[bobs.pk], years=2)
    assert "Choose from your own offers." in html and "Bob&#x27;s Co" not in html


def test_by_default_it_compares_five_offers_in_play_and_says_how_to_choose_others(
    alice_client, alice
):
    today = timezone.localdate()
    committed = make_offer(alice, company="Signed Co", status=Offer.Status.SIGNED)
    soon = [
        make_offer(alice, company=f"Soon {i}", respond_by=today + datetime.timedelta(days=i))
        for i in range(1, 7)
    ]
    make_offer(alice, company="Declined Co", status=Offer.Status.DECLINED)
    html = _page(alice_client)
    heads = _text(re.search(r"<thead>.*?</thead>", html.split('id="table-title"')[1], re.S)[0])
    # The commitment first, then the four whose answers are due soonest.
    for offer in [committed, *soon[:4]]:
        assert offer.company in heads
    assert "Soon 5" not in heads and "Soon 6" not in heads and "Declined Co" not in heads
    text = _text(html)
    assert "2 more offers in play are not in this comparison: up to 5 can be read" in text
    assert "To compare others, choose them under Offers to compare and press Compare." in text
    # Every offer in play can be chosen, the five compared are ticked; the others on asking.
    assert html.count('name="offers"') == 7 and html.count("checked") == 5
    assert "Show every offer (1 more, no longer in play)" in html
    every = _page(alice_client, every=1)
    assert every.count('name="offers"') == 8 and every.count("checked") == 5
    assert "Show every offer" not in every and '<input type="hidden" name="every"' in every


def test_an_offer_chosen_elsewhere_is_listed_though_no_longer_in_play(alice_client, alice):
    """A decision's offers may include one declined since: its link still compares it."""
    declined = make_offer(alice, company="Declined Co", status=Offer.Status.DECLINED)
    received = make_offer(alice, company="Received Co")
    make_offer(alice, company="Withdrawn Co", status=Offer.Status.WITHDRAWN)
    html = _page(alice_client, offers=[declined.pk, received.pk], years=2)
    assert "compare-table" in html and "Withdrawn Co" not in html
    assert html.count('name="offers"') == 2 and html.count("checked") == 2
    assert "Show every offer (1 more, no longer in play)" in html


def test_with_no_offer_in_play_every_offer_is_listed(alice_client, alice):
    for company in ("One", "Two"):
        make_offer(alice, company=company, status=Offer.Status.DECLINED)
    html = _page(alice_client)
    assert html.count('name="offers"') == 2 and "Show every offer" not in html


def test_no_note_when_every_offer_in_play_is_compared(alice_client, three_offers):
    assert "not in this comparison" not in _text(_page(alice_client))


def test_more_than_five_offers_is_explained_next_to_the_field(alice_client, alice):
    offers = [make_offer(alice, company=f"Company {i}") for i in range(6)]
    html = _page(alice_client, offers=[offer.pk for offer in offers], years=2)
    assert "There is a problem" in html
    assert "Choose 5 offers at most: more columns than that cannot be read side by side." in html
    assert "compare-table" not in html


def test_a_visitor_is_sent_to_log_in(client):
    response = client.get(reverse("offers:compare"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def _many(user, count):
    offers = [
        make_offer(
            user,
            company=f"Company {i}",
            currency=("EUR", "USD", "GBP")[i % 3],
            status=Offer.Status.ACCEPTED if i == 0 else Offer.Status.RECEIVED,
            equity_value=Decimal(40000),
            tax_rate_percent=Decimal(30),
        )
        for i in range(count)
    ]
    _set_rate(user)
    _set_rate(user, currency="GBP", rate="1.17")
    return offers


@pytest.mark.parametrize(("count", "years"), [(2, 1), (5, 6)])
def test_the_page_takes_the_same_queries_for_2_offers_or_5_over_6_years(
    alice_client, alice, count, years, django_assert_num_queries
):
    offers = _many(alice, count)
    # Session, user, the user's offers, the exchange rates.
    with django_assert_num_queries(4):
        _page(alice_client, offers=[o.pk for o in offers], years=years)


@pytest.mark.parametrize("count", [2, 5])
def test_from_a_decision_the_queries_are_the_same_too(
    alice_client, alice, count, django_assert_num_queries
):
    offers = _many(alice, count)
    make_decision(alice, offers, horizon_years=4)
    # Session, user, the user's offers, the exchange rates: the decision's result page put its
    # offers and horizon in the address, so the page no longer reads the decision and its offers
    # (it took 6 when it was given the decision's id).
    with django_assert_num_queries(4):
        alice_client.get(compare_url(offers, 4))


def test_offers_all_in_the_home_currency_need_no_rates_and_one_query_less(
    alice_client, alice, three_offers, django_assert_num_queries
):
    _set_rate(alice)
    euros = [offer.pk for offer in three_offers if offer.currency == "EUR"]
    # Session, user, the user's offers: nothing is converted, so the rates are not read.
    with django_assert_num_queries(3):
        text = _text(_page(alice_client, offers=euros, years=2))
    assert "EUR 90,000" in text and "EUR 60,000" in text and "converted" not in text


def test_an_offer_alone_in_another_currency_is_shown_in_it_without_reading_rates(
    alice_client, alice, three_offers, django_assert_num_queries
):
    _set_rate(alice)
    dollars = [offer.pk for offer in three_offers if offer.currency == "USD"]
    with django_assert_num_queries(3):
        text = _text(_page(alice_client, offers=dollars, years=1))
    assert "In USD" in text and "USD 110,000" in text and "converted" not in text
