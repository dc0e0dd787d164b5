from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from offers import compensation
from offers.models import ExchangeRate, Offer
from tests.factories import make_offer
from tests.offers.conftest import days, make_many_offers

pytestmark = pytest.mark.django_db
URL = reverse("offers:list")


def test_the_owner_sees_their_offers_with_status_dates_and_totals(alice_client, alice_offer):
    response = alice_client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Platform Engineer" in html and "Globex" in html
    assert '<span class="badge status-badge status-received">Received</span>' in html
    assert "Answer due:" in html
    # 100,000 salary + 10% bonus + 15,000 signing + 20,000 equity + 4,000 benefits.
    assert "USD 149,000" in html
    assert "USD 551,000" in html
    assert f'href="{reverse("offers:detail", args=[alice_offer.pk])}"' in html


def test_an_offer_without_amounts_says_so_instead_of_zero(alice_client, alice):
    make_offer(alice, status=Offer.Status.EXPECTED, base_salary=Decimal(0))
    html = alice_client.get(URL).content.decode()
    assert "No figures yet" in html
    assert "USD 0" not in html


def test_a_deadline_within_48_hours_is_closing_soon(alice_client, alice, today):
    make_offer(alice, company="Soon", received_on=today, respond_by=today + days(2))
    make_offer(alice, company="Later", received_on=today, respond_by=today + days(3))
    html = alice_client.get(URL).content.decode()
    assert html.count("Closing soon") == 1
    assert "Deadline passed" not in html


def test_a_passed_deadline_on_an_open_offer_is_flagged(alice_client, alice, today):
    make_offer(alice, company="Late", received_on=today - days(9), respond_by=today - days(1))
    assert "Deadline passed" in alice_client.get(URL).content.decode()


def test_an_answered_offers_old_deadline_is_not_flagged(alice_client, alice, today):
    make_offer(alice, status=Offer.Status.ACCEPTED, respond_by=today - days(1))
    html = alice_client.get(URL).content.decode()
    assert "Deadline passed" not in html and "Closing soon" not in html


def test_offers_come_soonest_date_first_then_passed_then_undated(alice_client, alice, today):
    make_offer(alice, company="Undated", status=Offer.Status.DECLINED)
    make_offer(alice, company="Starts", status=Offer.Status.ACCEPTED, start_date=today + days(14))
    make_offer(alice, company="Passed", received_on=today - days(5), respond_by=today - days(2))
    make_offer(alice, company="Due", received_on=today, respond_by=today + days(3))
    make_offer(alice, company="Coming", status=Offer.Status.EXPECTED, expected_on=today + days(7))
    rows = alice_client.get(URL).context["rows"]
    assert [row["offer"].company for row in rows] == [
        "Due",
        "Coming",
        "Starts",
        "Passed",
        "Undated",
    ]


def test_the_list_can_be_filtered_by_status(alice_client, alice):
    make_offer(alice, company="Yes", status=Offer.Status.ACCEPTED)
    make_offer(alice, company="No", status=Offer.Status.DECLINED)
    response = alice_client.get(URL, {"status": "declined"})
    assert [row["offer"].company for row in response.context["rows"]] == ["No"]
    response = alice_client.get(URL, {"status": "in_play"})
    assert [row["offer"].company for row in response.context["rows"]] == ["Yes"]


def test_a_filter_with_no_match_says_so_and_offers_to_show_all(alice_client, alice):
    make_offer(alice)
    html = alice_client.get(URL, {"status": "expired"}).content.decode()
    assert "No offers match this filter" in html
    assert "Add your first offer" not in html


def test_an_unknown_status_filter_shows_everything(alice_client, alice):
    make_offer(alice)
    response = alice_client.get(URL, {"status": "nonsense"})
    assert response.status_code == 200
    assert len(response.context["rows"]) == 1


def test_with_no_offers_the_list_invites_the_first_one(alice_client):
    html = alice_client.get(URL).content.decode()
    assert "No offers yet" in html
    assert "Add your first offer" in html
    assert f'href="{reverse("offers:new")}"' in html


def test_offers_in_different_currencies_are_not_ranked(alice_client, alice):
    make_offer(alice, company="Dollars", currency="USD", base_salary=Decimal(100))
    make_offer(alice, company="Euros", currency="EUR", base_salary=Decimal(900))
    response = alice_client.get(URL)
    html = response.content.decode()
    assert "paid in different currencies" in html
    assert "None is marked as worth the most until every one can be converted" in html
    # One offer in each currency: the home currency is the first by code, EUR.
    assert "No exchange rate for USD in EUR yet" in html
    assert response.context["best"] is None
    assert "Most over four years" not in html


def test_offers_in_one_currency_show_which_is_worth_most(alice_client, alice):
    make_offer(alice, company="Less", base_salary=Decimal(100))
    more = make_offer(alice, company="More", base_salary=Decimal(200))
    response = alice_client.get(URL)
    assert response.context["best"] == more.pk
    assert "Most over four years" in response.content.decode()
    assert "different currencies" not in response.content.decode()


def test_more_than_twenty_offers_are_split_into_pages(alice_client, alice, today):
    make_many_offers(alice, 21, today)
    first = alice_client.get(URL)
    assert len(first.context["rows"]) == 20
    assert "Page 1 of 2" in first.content.decode()
    second = alice_client.get(URL, {"page": 2})
    assert len(second.context["rows"]) == 1
    assert 'href="?page=1"' in second.content.decode()


def test_the_pages_count_only_the_offers_the_filter_shows(alice_client, alice, today):
    for n in range(21):
        make_offer(alice, company=f"Declined {n}", status=Offer.Status.DECLINED)
    make_offer(alice, company="Kept", status=Offer.Status.RECEIVED)
    assert "Page 1 of 2" in alice_client.get(URL).content.decode()
    shown = alice_client.get(URL, {"status": "in_play"})
    assert [row["offer"].company for row in shown.context["rows"]] == ["Kept"]
    assert "Page 1 of" not in shown.content.decode()
    declined = alice_client.get(URL, {"status": "declined", "page": 9})
    assert len(declined.context["rows"]) == 1  # the last page of the 21 declined
    assert "Page 2 of 2" in declined.content.decode()


def test_page_links_keep_the_filter(alice_client, alice, today):
    make_many_offers(alice, 120, today)
    html = alice_client.get(URL, {"status": "in_play"}).content.decode()
    assert "status=in_play&amp;page=2" in html


def test_a_stranger_sees_none_of_alices_offers(charlie_client, alice_offer):
    response = charlie_client.get(URL)
    assert "Globex" not in response.content.decode()
    assert list(response.context["rows"]) == []


def test_the_list_refuses_post(alice_client):
    assert alice_client.post(URL).status_code == 405


def test_the_best_of_many_offers_is_found_pricing_only_the_offers_shown(
    alice_client, alice, today, monkeypatch
):
    # 120 offers in play, one clearly worth most and on the last page: the database adds up
    # their money, and the page prices only the 20 rows it shows.
    Offer.objects.bulk_create(
        Offer(
            owner=alice,
            company=f"Company {n:03d}",
            role="Engineer",
            respond_by=today + days(n),
            base_salary=Decimal(50000 + n),
        )
        for n in range(119)
    )
    make_offer(alice, company="Richest", base_salary=Decimal(900000), respond_by=today + days(200))
    priced = []
    breakdown = compensation.breakdown
    monkeypatch.setattr(compensation, "breakdown", lambda *a: priced.append(1) or breakdown(*a))
    last = alice_client.get(reverse("offers:list"), {"page": 6}).content.decode()
    assert "Most over four years" in last and last.index("Richest") < last.index("Most over")
    assert len(priced) == 20  # the rows of the last page
    priced.clear()
    first = alice_client.get(reverse("offers:list")).content.decode()
    assert "Most over four years" not in first
    assert len(priced) == 20


@pytest.mark.parametrize(("second", "best"), [(300, None), (250, "Co 1")])
def test_a_tie_at_the_top_marks_no_offer_the_most(alice_client, alice, second, best):
    for n, (currency, salary) in enumerate([("EUR", 100), ("EUR", 300), ("EUR", second)]):
        make_offer(alice, company=f"Co {n}", currency=currency, base_salary=Decimal(salary))
    make_offer(alice, company="Dollars", currency="USD", base_salary=Decimal(50))
    ExchangeRate.objects.create(
        owner=alice, currency="USD", home_currency="EUR", rate=1, taken_on=date.today()
    )
    response = alice_client.get(URL)
    found = Offer.objects.filter(pk=response.context["best"]).first()
    assert (found and found.company) == best
    assert response.content.decode().count("Most over four years") == (1 if best else 0)
