"""The whole dashboard, with every app's part filled in."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from decisions.models import CallPlan, Decision
from offers.models import Offer
from tests.factories import make_contact, make_decision, make_offer

pytestmark = pytest.mark.django_db


def _situations(user, count):
    """``count`` of each: an open offer with a deadline, a draft decision, a decision that backs
    out with a call plan, and one that backs out with no plan yet."""
    today = timezone.localdate()
    recorded = timezone.now() - datetime.timedelta(days=1)
    for i in range(count):
        committed = make_offer(user, company=f"Signed {i}", status=Offer.Status.SIGNED)
        make_contact(committed)
        new = make_offer(
            user, company=f"New {i}", respond_by=today + datetime.timedelta(days=i % 5)
        )
        make_decision(user, [committed, new], title=f"Draft {i}")
        planned = make_decision(
            user, [committed, new], chosen_offer=new, decided_at=recorded, step_reached=6
        )
        CallPlan.objects.create(decision=planned)
        make_decision(user, [committed, new], chosen_offer=new, decided_at=recorded)


def test_the_dashboard_shows_every_part(alice_client, alice):
    _situations(alice, 1)
    html = alice_client.get("/").content.decode()
    assert "New 0" in html
    assert "Draft 0" in html
    assert "Calls to make" in html


def test_the_whole_dashboard_takes_the_same_queries_for_little_and_much(
    alice_client, alice, django_assert_num_queries
):
    _situations(alice, 1)
    with CaptureQueriesContext(connection) as small:
        alice_client.get("/")
    _situations(alice, 20)
    assert Decision.objects.filter(owner=alice).count() == 63
    with django_assert_num_queries(len(small.captured_queries)):
        alice_client.get("/")
