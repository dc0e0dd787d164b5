import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from offers import changes
from offers.dashboard import dashboard_context
from offers.models import Offer
from offers.withdrawals import records as withdrawal_records
from tests.factories import make_offer
from tests.offers.conftest import days, make_many_offers, three_offers

pytestmark = pytest.mark.django_db
URL = reverse("home")


def test_with_no_offers_the_dashboard_invites_the_first(alice_client):
    html = alice_client.get(URL).content.decode()
    assert "Start with your offers" in html
    assert f'href="{reverse("offers:new")}"' in html
    assert "Getting started" not in html


def test_the_dashboard_shows_the_next_three_dates(alice_client, alice, today):
    make_offer(alice, company="Past", status=Offer.Status.STARTED, start_date=today - days(1))
    make_offer(alice, company="First", received_on=today, respond_by=today)
    make_offer(alice, company="Second", status=Offer.Status.EXPECTED, expected_on=today + days(2))
    make_offer(alice, company="Third", status=Offer.Status.SIGNED, start_date=today + days(9))
    make_offer(alice, company="Fourth", status=Offer.Status.SIGNED, start_date=today + days(30))
    response = alice_client.get(URL)
    assert [e.offer.company for e in response.context["offers_next_dates"]] == [
        "First",
        "Second",
        "Third",
    ]
    html = response.content.decode()
    assert "Coming up" in html and "Fourth" not in html
    assert "(today)" in html


def test_the_dashboard_lists_offers_needing_an_answer_within_a_week(alice_client, alice, today):
    make_offer(alice, company="Overdue", received_on=today - days(9), respond_by=today - days(1))
    make_offer(alice, company="Soon", received_on=today, respond_by=today + days(2))
    make_offer(alice, company="Next week", received_on=today, respond_by=today + days(7))
    make_offer(alice, company="Later", received_on=today, respond_by=today + days(8))
    make_offer(alice, company="Answered", status=Offer.Status.ACCEPTED, respond_by=today)
    response = alice_client.get(URL)
    assert [o.company for o, _ in response.context["offers_answer_soon"]] == [
        "Overdue",
        "Soon",
        "Next week",
    ]
    html = response.content.decode()
    assert "Waiting for your answer" in html
    assert "Deadline passed" in html and "Closing soon" in html


def test_the_dashboard_names_the_five_soonest_answers_and_links_to_the_rest(
    alice_client, alice, today
):
    for n in range(8):
        make_offer(alice, company=f"Due {n}", received_on=today, respond_by=today + days(n))
    response = alice_client.get(URL)
    shown = [o.company for o, _ in response.context["offers_answer_soon"]]
    assert shown == ["Due 0", "Due 1", "Due 2", "Due 3", "Due 4"]
    html = response.content.decode()
    assert "Due 5" not in html
    assert "And 3 more answers due within a week" in html
    assert f'<a href="{reverse("offers:timeline")}">see them all on the timeline</a>' in html


def test_the_dashboard_names_five_offers_with_no_deadline_and_links_to_the_rest(
    alice_client, alice, today
):
    for n in range(6):
        make_offer(alice, company=f"Open {n}", received_on=today, respond_by=None)
    html = alice_client.get(URL).content.decode()
    assert "No answer deadline known" in html and "Open 4" in html and "Open 5" not in html
    assert "And 1 more with no deadline known" in html
    assert f'href="{reverse("offers:list")}?status=received"' in html


def test_the_dashboard_points_to_clashes_on_the_timeline(alice_client, alice, today):
    make_offer(alice, company="Due", received_on=today, respond_by=today + days(3))
    make_offer(alice, status=Offer.Status.EXPECTED, expected_on=today + days(7))
    html = alice_client.get(URL).content.decode()
    assert "1 clash between your offers" in html
    assert f'<a href="{reverse("offers:timeline")}">See what to do</a>' in html


def test_the_dashboard_shows_none_of_someone_elses_offers(charlie_client, alice, today):
    make_offer(alice, company="Globex", received_on=today, respond_by=today + days(1))
    response = charlie_client.get(URL)
    assert "Globex" not in response.content.decode()
    assert response.context["offers_has_any"] is False


@pytest.mark.parametrize("count", [1, 100])
def test_the_offers_part_takes_two_queries_for_1_or_100_offers(
    alice, today, count, django_assert_num_queries
):
    make_many_offers(alice, count, today, contacts_each=2)
    # The offers (and whether any owes a withdrawal not told yet: none does), the asks about
    # them. The offers are in one currency, so no exchange rate is read.
    with django_assert_num_queries(2):
        dashboard_context(alice)


@pytest.mark.parametrize("count", [1, 100])
def test_a_withdrawal_owed_is_read_in_one_query_for_1_or_100_offers(
    alice, today, count, django_assert_num_queries
):
    make_many_offers(alice, count, today, contacts_each=2)
    _, amsterdam, moldau = three_offers(alice, today)
    changes.accept(amsterdam, go_ahead=True, today=today)
    # The two queries above, the withdrawals not told yet, the exchange rates (three currencies).
    with django_assert_num_queries(4):
        context = dashboard_context(alice)
    shown = [w.offer.pk for w in context["offers_withdrawals"]]
    assert moldau.pk in shown
    assert shown == [w.offer_id for w in withdrawal_records.pending_for(alice)]


@pytest.mark.parametrize("count", [1, 100])
def test_money_in_several_currencies_reads_the_rates_once_for_1_or_100_offers(
    alice, today, count, django_assert_num_queries
):
    make_many_offers(alice, count, today, contacts_each=2)
    three_offers(alice, today)  # in crowns and euros: the money compared converts
    # The two queries above, and the exchange rates.
    with django_assert_num_queries(3):
        context = dashboard_context(alice)
    # Compared in the home currency: the two others, with no rate set yet, are named.
    assert len(context["offers_money"].missing) == 2


def test_the_dashboard_page_takes_as_many_queries_with_100_offers_as_with_1(
    alice_client, alice, today, django_assert_num_queries
):
    make_many_offers(alice, 1, today)
    with CaptureQueriesContext(connection) as small:
        alice_client.get(URL)
    make_many_offers(alice, 99, today, contacts_each=2)
    with django_assert_num_queries(len(small.captured_queries)):
        alice_client.get(URL)
