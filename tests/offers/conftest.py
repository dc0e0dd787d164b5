import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from offers.models import Contact, Offer
from tests.factories import make_contact, make_offer


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def alice_offer(alice, today):
    """Alice's offer with a deadline, a contact and money in every line."""
    offer = make_offer(
        alice,
        company="Globex",
        role="Platform Engineer",
        received_on=today - datetime.timedelta(days=2),
        respond_by=today + days(3),
        target_bonus_percent=Decimal(10),
        signing_bonus=Decimal(15000),
        equity_value=Decimal(80000),
        benefits_value=Decimal(4000),
    )
    make_contact(offer, name="Sam Ortiz", role=Contact.Role.RECRUITER, email="sam@example.com")
    return offer


@pytest.fixture
def contact(alice_offer):
    """Sam Ortiz, the recruiter on Alice's offer."""
    return alice_offer.contacts.get()


def make_many_offers(owner, count, today, contacts_each=0):
    """``count`` offers in all kinds of state, made in two queries."""
    statuses = list(Offer.Status)
    offers = Offer.objects.bulk_create(
        Offer(
            owner=owner,
            company=f"Company {i}",
            role="Engineer",
            status=statuses[i % len(statuses)],
            currency="USD",
            base_salary=Decimal(90000 + i),
            expected_on=today + days(i % 20),
            received_on=today - datetime.timedelta(days=1),
            respond_by=today + days(i % 15),
            accepted_on=today - datetime.timedelta(days=1),
            start_date=today + days(10 + i % 30),
        )
        for i in range(count)
    )
    Contact.objects.bulk_create(
        Contact(offer=offer, name=f"Person {n}") for offer in offers for n in range(contacts_each)
    )
    return offers


def offer_form_data(**overrides) -> dict:
    """Everything the offer form posts for a valid received offer; override what a test needs."""
    today = timezone.localdate()
    data = {
        "company": "Initech",
        "role": "Staff Engineer",
        "location": "Lisbon",
        "work_mode": "hybrid",
        "status": "received",
        "agency_name": "",
        "expected_on": "",
        "received_on": (today - datetime.timedelta(days=1)).isoformat(),
        "respond_by": (today + days(3)).isoformat(),
        "accepted_on": "",
        "start_date": "",
        "currency": "EUR",
        "base_salary": "95000",
        "target_bonus": "",
        "target_bonus_percent": "",
        "signing_bonus": "",
        "benefits_value": "",
        "yearly_raise_percent": "0",
        "equity_value": "",
        "vesting_years": "4",
        "cliff_months": "12",
        "vesting_schedule": "even",
        "vesting_percentages": "",
        "equity_discount_percent": "0",
        "notice_period": "",
        "repayment_terms": "",
        "repayment_amount": "",
        "repayment_for": "signing_bonus",
        "repayment_paid": "on_start",
        "repayment_paid_on": "",
        "repayment_ends": "until_date",
        "repayment_until": "",
        "repayment_months": "",
        "terms_reviewed_on": "",
        "notes": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def dilemma(alice, today):
    """An accepted offer starting in two weeks, one due in three days, one expected next week."""
    return [
        make_offer(
            alice,
            company="Northwind",
            status=Offer.Status.ACCEPTED,
            start_date=today + days(14),
        ),
        make_offer(
            alice,
            company="Globex",
            received_on=today,
            respond_by=today + days(3),
        ),
        make_offer(
            alice,
            company="Initech",
            status=Offer.Status.EXPECTED,
            expected_on=today + days(7),
        ),
    ]


def three_offers(owner, today):
    """The case: a job accepted and started in Prague; a better offer from Amsterdam, due in
    four days; a third expected from Moldau Bank in nine days, whose recruiter is on the offer."""
    prague = make_offer(
        owner,
        company="Vltava Systems",
        location="Prague",
        currency="CZK",
        base_salary=Decimal("1800000"),
        status=Offer.Status.STARTED,
        received_on=today - days(70),
        accepted_on=today - days(60),
        start_date=today - days(30),
    )
    amsterdam = make_offer(
        owner,
        company="Grachten Data",
        role="Senior Data Engineer",
        location="Amsterdam",
        currency="EUR",
        base_salary=Decimal("95000"),
        received_on=today - days(1),
        respond_by=today + days(4),
        start_date=today + days(40),
    )
    moldau = make_offer(
        owner,
        company="Moldau Bank",
        role="Analytics Engineer",
        currency="CZK",
        status=Offer.Status.EXPECTED,
        expected_on=today + days(9),
    )
    make_contact(moldau, name="Pat Novak", role=Contact.Role.RECRUITER, email="pat@moldau.example")
    return prague, amsterdam, moldau
