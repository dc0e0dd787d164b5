from decimal import Decimal

import pytest
from django.urls import reverse

from offers.models import Offer
from tests.factories import make_offer
from tests.offers.conftest import days

pytestmark = pytest.mark.django_db
URL = reverse("offers:timeline")


def test_every_date_comes_in_order_with_today_marked_first(alice_client, dilemma):
    response = alice_client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert [(e.label, e.offer.company) for e in response.context["events"]] == [
        ("Answer due", "Globex"),
        ("Offer expected", "Initech"),
        ("Start date", "Northwind"),
    ]
    assert response.context["today_index"] == 0
    assert html.index('aria-current="date"') < html.index("Answer due")


def test_today_sits_between_past_and_future_dates(alice_client, alice, today):
    make_offer(alice, company="Then", status=Offer.Status.STARTED, start_date=today - days(3))
    make_offer(alice, company="Soon", received_on=today, respond_by=today + days(1))
    html = alice_client.get(URL).content.decode()
    dates = html[html.index('<ol class="timeline') :]
    assert dates.index("Then") < dates.index('aria-current="date"') < dates.index("Soon")


def test_the_clashes_are_flagged_with_what_to_do(alice_client, dilemma):
    response = alice_client.get(URL)
    html = response.content.decode()
    assert "2 clashes to sort out" in html
    assert "Your answer to Globex is due on" in html
    assert "before the\n      offer from Initech is expected" in html
    assert "Ask Globex for more time" in html
    assert "Tell the recruiter at Initech that you have an offer to answer by" in html
    assert "Do not accept Globex before both offers are on the table" in html
    assert "You start at Northwind on" in html
    assert "Try to settle Initech before your first day" in html


def test_a_start_date_that_has_passed_with_an_offer_open_is_flagged(alice_client, alice, today):
    make_offer(alice, company="Northwind", status=Offer.Status.STARTED, start_date=today - days(5))
    make_offer(alice, company="Globex", received_on=today, respond_by=today + days(10))
    html = alice_client.get(URL).content.decode()
    assert "You started at Northwind on" in html
    assert "Decide about Globex soon" in html


def answer_due_before_arrival(owner, today, **expected_offer):
    """Globex to be answered in three days; Initech, with ``expected_offer``, due in a week."""
    make_offer(owner, company="Globex", received_on=today, respond_by=today + days(3))
    make_offer(
        owner,
        company="Initech",
        status=Offer.Status.EXPECTED,
        expected_on=today + days(7),
        **expected_offer,
    )


def test_a_clash_compares_money_in_one_currency(alice_client, alice, today):
    answer_due_before_arrival(alice, today, base_salary=Decimal(150000))
    html = alice_client.get(URL).content.decode()
    assert "Globex USD 400,000, Initech USD 600,000" in html


def test_offers_in_different_currencies_are_not_compared(alice_client, alice, today):
    answer_due_before_arrival(alice, today, currency="EUR")
    html = alice_client.get(URL).content.decode()
    assert "different currencies (USD and EUR), so their money is not compared" in html
    assert "paid in different currencies\n  (EUR, USD)" in html
    assert "USD 400,000" not in html


def test_closed_offers_are_left_out(alice_client, alice, today):
    make_offer(alice, company="Gone", status=Offer.Status.DECLINED, respond_by=today + days(1))
    html = alice_client.get(URL).content.decode()
    assert "Gone" not in html
    assert "None of your offers is open or accepted" in html


def test_with_no_offers_the_timeline_invites_the_first(alice_client):
    html = alice_client.get(URL).content.decode()
    assert "Nothing on your timeline yet" in html
    assert "Add your first offer" in html


def test_a_stranger_sees_none_of_alices_dates(charlie_client, dilemma):
    response = charlie_client.get(URL)
    assert response.context["events"] == []
    assert "Globex" not in response.content.decode()


def test_the_timeline_refuses_post(alice_client):
    assert alice_client.post(URL).status_code == 405
