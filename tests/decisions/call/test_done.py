"""Marking the call done, and the offer statuses that follow only once confirmed. With every
readiness check done (``call_ready``) no acknowledgement is asked: see test_gate.py."""

import pytest
from django.urls import reverse
from django.utils import timezone

from decisions.models import CallPlan
from offers.models import Offer

pytestmark = pytest.mark.django_db


def _url(decision):
    return reverse("decisions:call_done", args=[decision.pk])


def test_the_confirmation_page_lists_the_changes_and_changes_nothing(
    alice_client, call_decision, call_plan, call_committed, call_new
):
    response = alice_client.get(_url(call_decision))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "Set Data Engineer at Northwind Freight to “Backed out”" in content
    assert "Mark Senior Data Engineer at Bluebird Health as “Accepted”" in content
    call_plan.refresh_from_db()
    call_committed.refresh_from_db()
    assert call_plan.done_at is None
    assert call_committed.status == Offer.Status.SIGNED


def test_confirming_marks_the_call_done_and_updates_both_offers(
    alice_client, call_decision, call_plan, call_committed, call_new, call_ready
):
    response = alice_client.post(_url(call_decision), {"back_out": "on", "accept": "on"})
    assert response.status_code == 302
    call_plan.refresh_from_db()
    call_committed.refresh_from_db()
    call_new.refresh_from_db()
    assert call_plan.done_at is not None
    assert call_committed.status == Offer.Status.BACKED_OUT
    assert call_new.status == Offer.Status.ACCEPTED
    assert call_new.accepted_on == timezone.localdate()


def test_declining_the_status_changes_still_marks_the_call_done(
    alice_client, call_decision, call_plan, call_committed, call_new, call_ready
):
    alice_client.post(_url(call_decision), {})
    call_plan.refresh_from_db()
    call_committed.refresh_from_db()
    call_new.refresh_from_db()
    assert call_plan.done_at is not None
    assert call_committed.status == Offer.Status.SIGNED
    assert call_new.status == Offer.Status.RECEIVED
    assert call_new.accepted_on is None


def test_each_change_is_confirmed_on_its_own(
    alice_client, call_decision, call_plan, call_committed, call_new, call_ready
):
    alice_client.post(_url(call_decision), {"back_out": "on"})
    call_committed.refresh_from_db()
    call_new.refresh_from_db()
    assert call_committed.status == Offer.Status.BACKED_OUT
    assert call_new.status == Offer.Status.RECEIVED


def test_an_offer_already_accepted_keeps_its_status_and_date(
    alice_client, call_decision, call_plan, call_new
):
    call_new.status = Offer.Status.SIGNED
    call_new.save()
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "Bluebird Health as" not in content
    alice_client.post(_url(call_decision), {"back_out": "on", "accept": "on"})
    call_new.refresh_from_db()
    assert call_new.status == Offer.Status.SIGNED
    assert call_new.accepted_on is None


def test_the_done_plan_shows_as_done_and_can_be_reopened(
    alice_client, call_decision, call_plan, call_committed, call_ready
):
    alice_client.post(_url(call_decision), {"back_out": "on"})
    page = alice_client.get(reverse("decisions:call", args=[call_decision.pk])).content.decode()
    assert "You made the call" in page
    assert "Reopen the plan" in page
    alice_client.post(reverse("decisions:call_reopen", args=[call_decision.pk]))
    call_plan.refresh_from_db()
    call_committed.refresh_from_db()
    assert call_plan.done_at is None
    assert call_committed.status == Offer.Status.BACKED_OUT


def test_marking_a_draft_done_saves_the_drafted_plan(alice_client, call_decision, call_ready):
    alice_client.post(_url(call_decision), {})
    assert CallPlan.objects.get().done_at is not None


def test_reopening_refuses_get(alice_client, call_decision, call_plan):
    url = reverse("decisions:call_reopen", args=[call_decision.pk])
    assert alice_client.get(url).status_code == 405
