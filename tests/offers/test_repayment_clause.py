"""Repayment terms as data: entered on the offer form, refused when they cannot be right, shown
on the offer's page as what leaving costs, and carried over from the old free text."""

import datetime
import importlib
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.urls import reverse

from crossroads.models import User
from offers.models import Offer
from tests.factories import make_offer, with_token
from tests.offers.conftest import offer_form_data

pytestmark = pytest.mark.django_db
ADD = reverse("offers:new")


def _clause(**fields) -> dict:
    """The realistic case: the signing bonus paid on the first day, all of it repayable for a
    year."""
    data = {
        "repayment_amount": "5000",
        "repayment_for": "signing_bonus",
        "repayment_paid": "on_start",
        "repayment_ends": "until_date",
        "repayment_until": "2027-12-10",
        "repayment_terms": "Signing bonus repayable in full if I leave within a year of starting.",
    }
    data.update(fields)
    return offer_form_data(**data)


def _offer(owner, **fields) -> Offer:
    """An offer paying 60,000 EUR with a 5,000 signing bonus."""
    fields = {"currency": "EUR", "base_salary": 60000, "signing_bonus": 5000, **fields}
    return make_offer(owner, **fields)


def _repayment(offer) -> str:
    return reverse("offers:edit_section", args=[offer.pk, "repayment"])


def _refused(client, field, **fields) -> str:
    """Post the repayment terms of a saved offer; the errors on ``field``, nothing changed."""
    offer = _offer(User.objects.get(pk=client.session["_auth_user_id"]))
    before = Offer.objects.values().get()
    response = client.post(_repayment(offer), _clause(**fields))
    assert response.status_code == 200
    assert Offer.objects.values().get() == before
    errors = response.context["form"].errors
    assert field in errors, dict(errors)
    assert f'href="#id_{field}' in response.content.decode()
    return " ".join(errors[field])


def test_a_clause_is_saved_as_data_with_its_wording(alice_client, alice):
    offer = _offer(alice)
    data = _clause(repayment_ends="pro_rata", repayment_months="12")
    response = alice_client.post(_repayment(offer), data)
    assert response.url == offer.get_absolute_url()
    offer.refresh_from_db()
    assert offer.repayment_amount == Decimal(5000)
    assert offer.repayment_for == Offer.RepaymentFor.SIGNING_BONUS
    assert offer.repayment_paid == Offer.RepaymentPaid.ON_START
    assert offer.repayment_ends == Offer.RepaymentEnds.PRO_RATA
    assert offer.repayment_months == 12
    assert offer.repayment_terms.startswith("Signing bonus repayable in full")


def test_adding_an_offer_leaves_the_clause_for_later(alice_client):
    html = alice_client.get(with_token(ADD)).content.decode()
    assert 'name="repayment_amount"' not in html
    assert "money to pay back if you leave early" in html


@pytest.mark.parametrize("months", ["0", "121", "-3"])
def test_a_pro_rata_period_of_0_or_over_120_months_is_refused(alice_client, months):
    message = _refused(
        alice_client, "repayment_months", repayment_ends="pro_rata", repayment_months=months
    )
    assert "Enter a period from 1 to 120 months" in message


def test_pro_rata_needs_its_number_of_months(alice_client):
    message = _refused(alice_client, "repayment_months", repayment_ends="pro_rata")
    assert "over how many months" in message


def test_a_payment_date_after_the_repayable_until_date_is_refused(alice_client):
    message = _refused(
        alice_client,
        "repayment_paid_on",
        repayment_paid="on_date",
        repayment_paid_on="2028-01-15",
        repayment_until="2027-12-10",
    )
    assert "paid on 15 January 2028, after the day it stops being repayable" in message
    assert "10 December 2027" in message


def test_a_start_date_after_the_repayable_until_date_is_refused_for_money_paid_on_it(
    alice_client, alice
):
    """The start date is on the first page, the clause on its own: the message is at the top,
    linking to the field on the clause's page."""
    offer = _offer(
        alice,
        status="accepted",
        accepted_on=datetime.date(2026, 11, 16),
        repayment_amount=5000,
        repayment_until=datetime.date(2027, 12, 10),
    )
    data = offer_form_data(status="accepted", accepted_on="2026-11-16", start_date="2028-01-10")
    response = alice_client.post(reverse("offers:edit", args=[offer.pk]), data)
    assert response.status_code == 200
    offer.refresh_from_db()
    assert offer.start_date is None
    (message,) = response.context["form"].non_field_errors()
    assert message.startswith("Money to pay back if you leave early, Repayable until")
    assert "paid on 10 January 2028" in message
    assert f'href="{_repayment(offer)}#id_repayment_until"' in response.content.decode()


def test_a_repayment_over_ten_times_the_base_salary_names_both_figures(alice_client):
    message = _refused(alice_client, "repayment_amount", repayment_amount="600,001")
    assert "EUR 600,001 is more than 10 times the base salary (EUR 60,000)" in message


def test_money_paid_on_a_date_needs_that_date(alice_client):
    message = _refused(alice_client, "repayment_paid_on", repayment_paid="on_date")
    assert "Enter the day the money is or was paid" in message


def test_all_of_it_until_a_date_needs_the_date(alice_client):
    assert "Enter the last day" in _refused(alice_client, "repayment_until", repayment_until="")


def test_unknown_choices_are_refused_with_a_message(alice_client):
    message = _refused(alice_client, "repayment_paid", repayment_paid="whenever")
    assert "Choose one of the options shown: whenever is not one of them." in message


def test_editing_another_users_offer_is_a_404_and_changes_nothing(charlie_client, alice):
    offer = make_offer(alice, repayment_amount=Decimal(100))
    assert charlie_client.post(_repayment(offer), _clause(repayment_amount="1")).status_code == 404
    offer.refresh_from_db()
    assert offer.repayment_amount == Decimal(100)


# The offer's page: what leaving costs ------------------------------------------------------------


def test_the_offer_page_shows_what_leaving_costs_now_at_the_start_and_after_3_6_12_months(
    alice_client, alice, today
):
    start = today + datetime.timedelta(days=14)
    offer = make_offer(
        alice,
        company="Northwind",
        status=Offer.Status.ACCEPTED,
        currency="EUR",
        start_date=start,
        signing_bonus=Decimal(5000),
        repayment_amount=Decimal(5000),
        repayment_ends=Offer.RepaymentEnds.PRO_RATA,
        repayment_months=12,
        repayment_terms="Repayable pro rata over the first year.",
    )
    html = alice_client.get(reverse("offers:detail", args=[offer.pk])).content.decode()
    assert "What you would pay back to Northwind, by the day you leave" in html
    rows = html[html.index("<tbody>", html.index("leaving-cost-table")) :]
    rows = rows[: rows.index("</tbody>")]
    cells = [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r'<td class="text-end money">(.*?)</td>', rows, re.S)
    ]
    assert cells == ["Nothing", "EUR 5,000", "EUR 3,750", "EUR 2,500", "Nothing"]
    assert "EUR 5,000 (signing bonus), paid on your first day; repayable pro rata" in html
    assert "Repayable pro rata over the first year." in html


def test_an_offer_without_a_clause_says_nothing_is_recorded(alice_client, alice):
    offer = make_offer(alice)
    html = alice_client.get(reverse("offers:detail", args=[offer.pk])).content.decode()
    assert "Nothing to pay back is recorded." in html
    assert "leaving-cost-table" not in html


# The old free text, carried over -----------------------------------------------------------------


def test_the_data_migration_keeps_the_wording_and_reads_the_rest_from_it(alice):
    migration = importlib.import_module("offers.migrations.0007_repayment_clause_as_data")
    relocation = make_offer(
        alice,
        repayment_terms="Relocation allowance repayable within 12 months.",
        repayment_amount=Decimal(7500),
        repayment_until=datetime.date(2027, 3, 1),
    )
    bonus_only = make_offer(
        alice, signing_bonus=Decimal(4000), repayment_terms="Bonus to be returned if I quit."
    )
    untouched = make_offer(alice)
    Offer.objects.update(repayment_for="other", repayment_paid="on_date")
    migration.clause_from_old_terms(apps, None)
    for offer in (relocation, bonus_only, untouched):
        offer.refresh_from_db()
    assert relocation.repayment_terms == "Relocation allowance repayable within 12 months."
    assert relocation.repayment_for == Offer.RepaymentFor.RELOCATION
    assert relocation.repayment_amount == Decimal(7500)
    assert relocation.repayment_paid == Offer.RepaymentPaid.ON_START
    assert relocation.repayment_until == datetime.date(2027, 3, 1)
    # As the app did before, a clause with no amount stood for the signing bonus.
    assert bonus_only.repayment_amount == Decimal(4000)
    assert bonus_only.repayment_for == Offer.RepaymentFor.SIGNING_BONUS
    assert bonus_only.repayment_terms == "Bonus to be returned if I quit."
    assert untouched.repayment_paid == "on_date"  # no clause: left alone
