from decimal import Decimal

import pytest
from django.urls import reverse

from offers.models import Offer, Promise
from tests.factories import make_contact, make_offer
from tests.offers.conftest import make_many_offers

pytestmark = pytest.mark.django_db


def url(offer):
    return reverse("offers:detail", args=[offer.pk])


def test_the_owner_sees_the_offers_facts_and_people(alice_client, alice_offer):
    response = alice_client.get(url(alice_offer))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Platform Engineer at Globex" in html
    assert "USD 100,000 a year" in html
    assert "10% of base salary" in html
    assert "USD 80,000, vesting over 4 years, evenly, after a 12-month cliff" in html
    assert alice_offer.respond_by.strftime("%B") in html
    assert "Sam Ortiz" in html and "mailto:sam@example.com" in html
    assert f'href="{reverse("offers:add_contact", args=[alice_offer.pk])}"' in html
    assert "&larr; All offers" in html


def test_the_four_year_table_lays_out_the_money_year_by_year(alice_client, alice_offer):
    response = alice_client.get(url(alice_offer))
    rows = {row.label: row for row in response.context["money_table"]}
    assert rows["Signing bonus"].amounts == (Decimal(15000), 0, 0, 0)
    assert rows["Equity vested"].amounts == (Decimal(20000),) * 4
    assert rows["Total"].total == Decimal(551000)
    html = response.content.decode()
    assert "Year by year, in USD" in html
    assert "rounded to whole units" in html
    assert '<th scope="col" class="text-end">Year 4</th>' in html
    assert "551,000" in html
    assert 'class="table-responsive"' in html


def test_the_page_explains_the_raise_and_the_equity_discount(alice_client, alice):
    offer = make_offer(
        alice,
        equity_value=Decimal(40000),
        yearly_raise_percent=Decimal(3),
        equity_discount_percent=Decimal(50),
    )
    html = alice_client.get(url(offer)).content.decode()
    assert "Salary rises 3% a year, compounded." in html
    assert "Equity is counted at 50% below its grant value" in html


def test_without_a_raise_the_page_says_none_is_assumed(alice_client, alice):
    html = alice_client.get(url(make_offer(alice))).content.decode()
    assert "No yearly raise is assumed." in html


def test_a_custom_vesting_schedule_is_shown_as_typed(alice_client, alice):
    offer = make_offer(
        alice,
        equity_value=Decimal(100000),
        vesting_schedule=Offer.VestingSchedule.CUSTOM,
        vesting_percentages=[5, 15, 40, 40],
    )
    response = alice_client.get(url(offer))
    assert "vesting over 4 years (5%, 15%, 40%, 40%), after a 12-month cliff" in (
        response.content.decode()
    )
    equity = next(r for r in response.context["money_table"] if r.label == "Equity vested")
    assert equity.amounts == (Decimal(5000), Decimal(15000), Decimal(40000), Decimal(40000))


def test_the_table_rounds_to_whole_units_and_still_adds_up(alice_client, alice):
    offer = make_offer(alice, base_salary=Decimal(80000), yearly_raise_percent=Decimal(3))
    response = alice_client.get(url(offer))
    salary = response.context["money_table"][0]
    assert salary.amounts == (Decimal(80000), Decimal(82400), Decimal(84872), Decimal(87418))
    assert "334,690" in response.content.decode()
    assert "87,418.16" not in response.content.decode()


def test_an_offer_with_no_amounts_asks_for_them_instead_of_a_table_of_zeros(alice_client, alice):
    offer = make_offer(alice, status=Offer.Status.EXPECTED, base_salary=Decimal(0))
    html = alice_client.get(url(offer)).content.decode()
    assert "No amounts yet." in html
    assert "money-table" not in html
    assert "Not given yet" in html


def test_the_page_leaves_room_for_decision_actions(alice_client, alice_offer):
    response = alice_client.get(url(alice_offer))
    assert "decisions/_offer_actions.html" in [t.name for t in response.templates]


def test_an_offer_with_no_people_invites_adding_one(alice_client, alice):
    html = alice_client.get(url(make_offer(alice))).content.decode()
    assert "No one yet." in html
    assert f'href="/offers/{alice.offers.get().pk}/contacts/add/"' in html


def test_the_page_refuses_post(alice_client, alice_offer):
    assert alice_client.post(url(alice_offer)).status_code == 405


def test_a_missing_offer_is_404(alice_client):
    assert alice_client.get(reverse("offers:detail", args=[999999])).status_code == 404


@pytest.mark.parametrize("other_offers, contacts, promises", [(0, 1, 0), (99, 12, 30)])
def test_the_page_takes_the_same_number_of_queries_however_many_offers_people_and_promises(
    alice_client, alice, today, other_offers, contacts, promises, django_assert_num_queries
):
    make_many_offers(alice, other_offers, today, contacts_each=2)
    offer = make_offer(alice)
    people = [make_contact(offer, name=f"Person {n}") for n in range(contacts)]
    Promise.objects.bulk_create(
        Promise(offer=offer, what=f"Promise {n}", promised_on=today, contact=people[n % contacts])
        for n in range(promises)
    )
    # Session, user, the offer, its contacts, its promises with their people.
    with django_assert_num_queries(5):
        content = alice_client.get(url(offer)).content.decode()
    assert content.count('class="promise-card') == promises
