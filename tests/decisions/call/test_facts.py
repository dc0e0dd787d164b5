"""The readiness checklist follows the facts: a tick standing for a fact the offer does not record
is refused next to it, with where to add the fact, and nothing is saved; the plan says "ready to
make the call" only once the new offer is accepted (or calling first is a recorded choice)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from decisions.models import SkippedCheck
from offers.models import Offer

pytestmark = pytest.mark.django_db


def _url(decision):
    return reverse("decisions:readiness", args=[decision.pk])


def _plan(decision):
    return reverse("decisions:call", args=[decision.pk])


def _post(client, decision, new, *ticks):
    data = {"new_offer": new.pk, "next": _plan(decision), **dict.fromkeys(ticks, "on")}
    return client.post(_url(decision), data)


ALL_TICKS = (
    "terms_reviewed",
    "written_offer_in_hand",
    "conditions_cleared",
    "start_date_confirmed",
)


def test_the_start_date_cannot_be_confirmed_without_one_and_nothing_is_saved(
    alice_client, call_decision, call_committed, call_new
):
    response = _post(alice_client, call_decision, call_new, *ALL_TICKS)
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "There is a problem" in content
    assert 'href="#ready-start_date_confirmed"' in content
    # The message next to the box, with a link to where the start date is added and back.
    field = content.split('id="ready-start_date_confirmed-fact"')[1].split("</div>")[0]
    assert "Error:</span> Add the start date to the offer first" in field
    edit = reverse("offers:edit", args=[call_new.pk])
    assert f'href="{edit}?next={_plan(call_decision)}#id_start_date"' in field
    assert "Add the start date to Bluebird Health’s offer" in field
    # The other ticks are kept on the page, and none is saved.
    assert content.count(" checked ") + content.count(" checked>") >= 4
    call_committed.refresh_from_db()
    call_new.refresh_from_db()
    assert not call_committed.terms_reviewed
    assert not (call_new.written_offer_in_hand or call_new.start_date_confirmed)


def test_with_the_start_date_recorded_the_tick_is_saved(alice_client, call_decision, call_new):
    call_new.start_date = timezone.localdate() + datetime.timedelta(days=30)
    call_new.save()
    response = _post(alice_client, call_decision, call_new, "start_date_confirmed")
    assert response.status_code == 302
    call_new.refresh_from_db()
    assert call_new.start_date_confirmed


def test_the_plan_says_what_a_tick_needs_before_it_is_ticked(alice_client, call_decision, call_new):
    content = alice_client.get(_plan(call_decision)).content.decode()
    hint = content.split('id="ready-start_date_confirmed-fact"')[1].split("</div>")[0]
    assert "Add the start date to the offer first" in hint
    assert reverse("offers:edit", args=[call_new.pk]) in hint
    assert "Error:" not in hint
    assert 'id="ready-terms_reviewed-fact"' not in content


def test_conditions_are_cleared_only_on_an_offer_in_writing(alice_client, call_decision, call_new):
    response = _post(alice_client, call_decision, call_new, "conditions_cleared")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Have the offer in writing first" in content
    assert 'href="#ready-written_offer_in_hand"' in content
    call_new.refresh_from_db()
    assert not call_new.conditions_cleared
    # Both ticked at once is fine.
    response = _post(
        alice_client, call_decision, call_new, "conditions_cleared", "written_offer_in_hand"
    )
    assert response.status_code == 302
    call_new.refresh_from_db()
    assert call_new.conditions_cleared and call_new.written_offer_in_hand


def test_an_offer_still_expected_cannot_be_in_writing(alice_client, call_decision, call_new):
    call_new.status, call_new.expected_on = Offer.Status.EXPECTED, timezone.localdate()
    call_new.save()
    response = _post(alice_client, call_decision, call_new, "written_offer_in_hand")
    assert response.status_code == 200
    content = response.content.decode()
    assert "An offer that is still expected cannot be in your hand" in content
    assert f"{reverse('offers:edit', args=[call_new.pk])}?next=" in content
    call_new.refresh_from_db()
    assert not call_new.written_offer_in_hand


def test_a_tick_saved_before_its_fact_was_cleared_no_longer_counts(
    alice_client, call_decision, call_plan, call_new, call_ready, call_accepted
):
    assert "Ready to call" in alice_client.get(_plan(call_decision)).content.decode()
    Offer.objects.filter(pk=call_new.pk).update(start_date=None)
    content = alice_client.get(_plan(call_decision)).content.decode()
    assert "Not ready to call" in content
    assert "your start date at Bluebird Health confirmed" in content
    assert 'id="ready-start_date_confirmed" checked' not in content


# "Ready to make the call" only with the new offer accepted -----------------------------------


def test_every_check_done_is_not_ready_while_the_new_offer_is_not_accepted(
    alice_client, call_decision, call_plan, call_new
):
    call_new.start_date = timezone.localdate() + datetime.timedelta(days=30)
    call_new.save()
    response = _post(alice_client, call_decision, call_new, *ALL_TICKS)
    assert response.status_code == 302
    page = alice_client.get(response.url).content.decode()
    assert "you are ready to make the call" not in page
    assert (
        "All checks are done. Still missing before the call: accepting Bluebird Health’s offer "
        "in writing." in page
    )
    assert "Not ready to call" in page


def test_with_the_new_offer_accepted_every_check_done_is_ready_to_call(
    alice_client, call_decision, call_plan, call_new, call_accepted
):
    call_new.start_date = timezone.localdate() + datetime.timedelta(days=30)
    call_new.save()
    response = _post(alice_client, call_decision, call_new, *ALL_TICKS)
    page = alice_client.get(response.url).content.decode()
    assert "All checks are done: you are ready to make the call." in page
    assert "Ready to call" in page and "Not ready to call" not in page


# Calling before accepting: a recorded choice through the gate ------------------------------------


def _skip(decision):
    return reverse("decisions:skip_accepting_first", args=[decision.pk])


def test_calling_before_accepting_shows_every_step_and_refuses_without_the_tick(
    alice_client, call_decision, call_plan, call_ready
):
    content = alice_client.get(_skip(call_decision)).content.decode()
    assert content.count("<h1") == 1
    assert "Call Northwind Freight before you accept Bluebird Health’s offer?" in content
    assert content.count('class="summary-list-row"') == 6
    assert "I call Northwind Freight before I have accepted Bluebird Health’s offer" in content
    response = alice_client.post(_skip(call_decision), {})
    assert response.status_code == 200
    assert 'href="#id_skip_new_offer_accepted"' in response.content.decode()
    assert not SkippedCheck.objects.exists()


def test_the_choice_to_call_before_accepting_is_recorded_and_the_plan_is_ready(
    alice_client, call_decision, call_plan, call_ready, call_new
):
    before = call_plan.updated
    response = alice_client.post(_skip(call_decision), {"skip_new_offer_accepted": "on"})
    assert response.status_code == 302
    assert response.url == _plan(call_decision) + "#steps"
    skip = SkippedCheck.objects.get(call_plan=call_plan)
    assert skip.check_name == "new_offer_accepted"
    assert skip.acknowledgement.startswith("I call Northwind Freight before I have accepted")
    call_plan.refresh_from_db()
    assert call_plan.updated > before
    page = alice_client.get(_plan(call_decision)).content.decode()
    assert "Ready to call" in page and "Not ready to call" not in page
    assert 'data-step="new_offer_accepted" data-state="skipped"' in page
    call_new.refresh_from_db()
    assert call_new.status == Offer.Status.RECEIVED


def test_calling_first_settles_only_the_order_the_checks_still_open_stay_missing(
    alice_client, call_decision, call_plan
):
    data = {"skip_new_offer_accepted": "on", "skip_terms_reviewed": "on"}
    assert alice_client.post(_skip(call_decision), data).status_code == 302
    assert [s.check_name for s in SkippedCheck.objects.all()] == ["new_offer_accepted"]
    page = alice_client.get(_plan(call_decision)).content.decode()
    assert "Not ready to call" in page
    assert "a legal review of your terms with Northwind Freight" in page
    assert "accepting Bluebird Health’s offer in writing" not in page


def test_an_accepted_offer_has_nothing_to_skip(
    alice_client, call_decision, call_plan, call_accepted
):
    response = alice_client.post(_skip(call_decision), {"skip_new_offer_accepted": "on"})
    assert response.status_code == 302
    assert not SkippedCheck.objects.exists()
    assert "Call before accepting" not in alice_client.get(_plan(call_decision)).content.decode()


def test_strangers_get_404_and_anonymous_visitors_log_in(
    client, charlie_client, call_decision, call_plan
):
    data = {"skip_new_offer_accepted": "on"}
    assert charlie_client.get(_skip(call_decision)).status_code == 404
    assert charlie_client.post(_skip(call_decision), data).status_code == 404
    assert charlie_client.post(_url(call_decision), {"new_offer": "1"}).status_code == 404
    assert not SkippedCheck.objects.exists()
    client.logout()
    assert client.post(_skip(call_decision), data).url.startswith(reverse("login"))


def test_refused_only_the_refused_tick_says_what_it_needs(alice_client, call_decision, call_new):
    ticks = ("written_offer_in_hand", "conditions_cleared", "start_date_confirmed")
    content = _post(alice_client, call_decision, call_new, *ticks).content.decode()
    assert 'id="ready-start_date_confirmed-fact"' in content
    # The offer in writing is ticked in the same post: clearing its conditions is fine.
    assert 'id="ready-conditions_cleared-fact"' not in content


def test_a_check_gone_ahead_without_is_named_as_skipped_among_what_is_missing(
    alice_client, call_decision, call_plan
):
    """The steps say "skipped"; what still keeps her from calling says the same, and why it
    still counts: the risk the check guards against stays."""
    SkippedCheck.objects.create(
        call_plan=call_plan,
        check_name="terms_reviewed",
        acknowledgement="I go ahead without a legal review of my terms.",
        skipped_at=timezone.now(),
    )
    page = alice_client.get(_plan(call_decision)).content.decode()
    assert 'data-step="terms_reviewed" data-state="skipped"' in page
    assert ("a legal review of your terms with Northwind Freight (skipped: its risk stays)") in page
