import pytest
from django.urls import reverse

from offers.models import Contact, Offer, TimeAsk
from tests.factories import make_contact, make_offer
from tests.offers.conftest import days


@pytest.fixture
def due(alice, today):
    """Alice's offer due in three days, with a hiring manager and a recruiter to speak to."""
    offer = make_offer(
        alice,
        company="Globex",
        role="Platform Engineer",
        received_on=today,
        respond_by=today + days(3),
    )
    make_contact(offer, name="Ana Hiring", role=Contact.Role.HIRING_MANAGER)
    make_contact(offer, name="Sam Ortiz", role=Contact.Role.RECRUITER, email="sam@example.com")
    return offer


@pytest.fixture
def expected(alice, today):
    """Alice's offer expected in a week."""
    offer = make_offer(
        alice, company="Initech", status=Offer.Status.EXPECTED, expected_on=today + days(7)
    )
    make_contact(offer, name="Kim Lee", role=Contact.Role.RECRUITER, phone="+44 20 7946 0000")
    return offer


def more_time_url(offer, other=None) -> str:
    url = reverse("offers:ask_more_time", args=[offer.pk])
    return f"{url}?other={other.pk}" if other else url


def make_ask(offer, **fields) -> TimeAsk:
    fields.setdefault("kind", TimeAsk.Kind.MORE_TIME)
    fields.setdefault("asked_on", offer.respond_by - days(3) if offer.respond_by else None)
    fields.setdefault("requested_date", offer.respond_by + days(7) if offer.respond_by else None)
    return TimeAsk.objects.create(offer=offer, **fields)
