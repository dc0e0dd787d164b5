"""The printable script: /decisions/<id>/call/print/."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from decisions.models import CallPlan, Referral
from offers.models import Offer
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db


def _url(decision):
    return reverse("decisions:call_print", args=[decision.pk])


def test_the_owner_gets_one_clean_page_with_script_contact_referrals_and_answers(
    alice_client, call_decision, call_plan
):
    Referral.objects.create(call_plan=call_plan, name="Dana Kim", why_they_fit="Built the same")
    response = alice_client.get(_url(call_decision))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "Call Morgan Lee at Northwind Freight" in content
    assert 'href="tel:+1 555 0142"' in content
    assert "Hello Morgan, thank you for taking my call." in content
    assert "Dana Kim" in content and "Built the same" in content
    assert "Answer to They ask why" in content
    # No site navigation or footer on the printed page.
    assert 'aria-label="Main"' not in content
    assert "site-footer" not in content


def test_empty_sections_are_left_out_of_the_print(alice_client, call_decision, call_plan):
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "The apology" not in content
    assert "The news" in content


def test_before_the_plan_is_saved_the_draft_is_printed_and_nothing_is_written(
    alice_client, call_decision
):
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "Hello Morgan" in content
    assert "will not be joining Northwind Freight" in content
    assert not CallPlan.objects.exists()


def test_a_decision_that_does_not_back_out_has_no_script(alice_client, alice, call_new):
    committed = make_offer(alice, company="Stay Co", status=Offer.Status.SIGNED)
    staying = make_decision(alice, [committed, call_new], chosen_offer=committed)
    assert alice_client.get(_url(staying)).status_code == 404


def test_the_print_takes_the_same_queries_with_1_and_30_referrals(
    alice_client, call_decision, call_plan, django_assert_num_queries
):
    Referral.objects.create(call_plan=call_plan, name="Person 0")
    alice_client.get(_url(call_decision))
    with CaptureQueriesContext(connection) as small:
        alice_client.get(_url(call_decision))
    Referral.objects.bulk_create(
        Referral(call_plan=call_plan, name=f"Person {i}") for i in range(1, 30)
    )
    with django_assert_num_queries(len(small.captured_queries)):
        content = alice_client.get(_url(call_decision)).content.decode()
    assert "Person 29" in content
