import re
from decimal import Decimal

import pytest
from django.urls import reverse

from offers import timeline
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
    text = " ".join(re.sub(r"<[^>]+>", "", html).split())
    assert "Globex USD 400,000, Initech USD 600,000" in text
    assert "converted" not in text


def test_offers_in_different_currencies_are_not_compared(alice_client, alice, today):
    answer_due_before_arrival(alice, today, currency="EUR")
    html = alice_client.get(URL).content.decode()
    text = " ".join(html.split())
    assert "different currencies (USD and EUR) and there is no exchange rate for" in text
    assert "so their money is not compared" in text
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


def _due_daily(owner, today, count, first=0):
    """``count`` received offers, one due each day from ``first`` days from today on."""
    Offer.objects.bulk_create(
        Offer(
            owner=owner,
            company=f"Company {n:03d}",
            role="Engineer",
            received_on=today - days(30),
            respond_by=today + days(first + n),
        )
        for n in range(count)
    )


def test_a_long_timeline_shows_a_page_of_dates_with_the_later_ones_a_click_away(
    alice_client, alice, today
):
    _due_daily(alice, today, 40, first=-10)
    first = alice_client.get(URL)
    html = first.content.decode()
    assert len(first.context["events"]) == 15
    assert "Company 007" in html and "Company 021" in html and "Company 022" not in html
    assert 'href="?page=1">Later dates</a>' in html
    assert 'href="?page=-1">Earlier dates</a>' in html
    later = alice_client.get(URL, {"page": 1}).content.decode()
    assert "Company 022" in later and "Company 021" not in later
    earlier = alice_client.get(URL, {"page": -1}).content.decode()
    assert "Company 000" in earlier and 'aria-current="date"' not in earlier


def test_a_page_number_that_is_not_one_shows_the_first_page(alice_client, alice, today):
    _due_daily(alice, today, 3)
    response = alice_client.get(URL, {"page": "first"})
    assert response.status_code == 200
    assert response.context["today_index"] == 0


def test_many_clashes_are_counted_listed_for_the_dates_shown_and_all_on_request(
    alice_client, alice, today
):
    _due_daily(alice, today, 30)
    make_offer(alice, company="Initech", status=Offer.Status.EXPECTED, expected_on=today + days(40))
    html = alice_client.get(URL).content.decode()
    assert "30 clashes to sort out" in html
    assert html.count('class="clash card') == timeline.CLASHES_SHOWN
    assert f"{timeline.CLASHES_SHOWN} of them are forced by the dates on this page" in html
    assert 'href="?clashes=all#clashes-title">See all 30 clashes</a>' in html
    every = alice_client.get(URL, {"clashes": "all"}).content.decode()
    assert every.count('class="clash card') == 30


def test_the_links_to_more_keep_what_else_the_page_shows(alice_client, alice, today):
    _due_daily(alice, today, 30)
    make_offer(alice, company="Initech", status=Offer.Status.EXPECTED, expected_on=today + days(40))
    html = alice_client.get(URL, {"page": "1", "follow_ups": "all"}).content.decode()
    assert 'href="?page=1&amp;follow_ups=all&amp;clashes=all#clashes-title"' in html
    assert 'href="?page=0&amp;follow_ups=all">Earlier dates</a>' in html
    every = alice_client.get(URL, {"clashes": "all", "follow_ups": "all"}).content.decode()
    assert 'href="?clashes=all&amp;follow_ups=all&amp;page=1">Later dates</a>' in every


def test_the_work_of_a_page_does_not_grow_with_the_offers(alice_client, alice, bob, today):
    # As many templates rendered, whatever the number of offers and clashes behind the page.
    _due_daily(alice, today, 30, first=-5)
    make_offer(alice, company="Initech", status=Offer.Status.EXPECTED, expected_on=today + days(90))
    _due_daily(bob, today, 300, first=-5)
    make_offer(bob, company="Initech", status=Offer.Status.EXPECTED, expected_on=today + days(900))
    few = alice_client.get(URL)
    alice_client.force_login(bob)
    many = alice_client.get(URL)
    assert len(many.templates) == len(few.templates)
    assert many.content.decode().count('class="clash card') == timeline.CLASHES_SHOWN
