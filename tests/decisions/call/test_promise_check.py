"""The readiness gate's "everything promised is in writing" for the new offer: done when every
promise about it is found in the written offer (or none is recorded), open otherwise, skippable
through the gate like the other checks; and a warning before accepting while one is missing."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from decisions.models import CallPlan, SkippedCheck
from offers.models import Offer, Promise
from tests.decisions.helpers import url
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db
STEP = 'data-step="promises_in_writing"'


def _promise(offer, what="A remote day every week", found=False):
    return Promise.objects.create(
        offer=offer, what=what, promised_on=timezone.localdate(), found_in_writing=found
    )


def _step(content: str) -> str:
    return content.split(STEP)[1].split("</li>")[0]


def _plan(client, decision) -> str:
    return client.get(url("call", decision)).content.decode()


# On the plan: the step and the checklist's row ----------------------------------------------------


def test_with_nothing_promised_the_step_is_done_and_says_so(alice_client, call_decision, call_plan):
    content = _plan(alice_client, call_decision)
    step = _step(content)
    assert 'data-state="done"' in step
    assert "promised is in the written offer (no promises recorded)" in step
    row = content.split('id="ready-promises_in_writing"')[1].split("</li>")[0]
    assert "No promises recorded." in row


def test_a_promise_not_found_in_writing_leaves_the_step_open_with_links_to_tick_it(
    alice_client, call_decision, call_plan, call_new
):
    _promise(call_new)
    _promise(call_new, "The title Staff Engineer", found=True)
    content = _plan(alice_client, call_decision)
    step = _step(content)
    assert 'data-state="open"' in step
    assert "(1 of 2 not found yet)" in step
    offer_promises = f'href="{call_new.get_absolute_url()}#promises"'
    assert offer_promises in step
    row = content.split('id="ready-promises_in_writing"')[1].split("</ul>\n  <a")[0]
    assert "A remote day every week" in row and "The title Staff Engineer" not in row
    assert "what Bluebird Health promised, in writing" in content  # among what keeps from calling
    assert "Not ready to call" in content


def test_every_promise_found_makes_the_step_done(alice_client, call_decision, call_plan, call_new):
    _promise(call_new, found=True)
    step = _step(_plan(alice_client, call_decision))
    assert 'data-state="done"' in step and "not found yet" not in step


def test_ticking_the_last_promise_found_makes_the_plan_ready(
    alice_client, call_decision, call_plan, call_ready, call_accepted, call_new
):
    promise = _promise(call_new)
    assert "Not ready to call" in _plan(alice_client, call_decision)
    found = reverse("offers:promise_found", args=[call_new.pk, promise.pk])
    alice_client.post(found, {"found_in_writing": "on"})
    content = _plan(alice_client, call_decision)
    assert "Ready to call" in content and "Not ready to call" not in content


def test_only_the_new_offers_promises_count(alice_client, call_decision, call_plan, call_committed):
    _promise(call_committed)
    assert 'data-state="done"' in _step(_plan(alice_client, call_decision))


def test_a_recorded_choice_to_go_ahead_without_it_shows_it_skipped(
    alice_client, call_decision, call_plan, call_new
):
    _promise(call_new)
    SkippedCheck.objects.create(
        call_plan=call_plan,
        check_name="promises_in_writing",
        acknowledgement="I go ahead without everything Bluebird Health promised in writing",
        skipped_at=timezone.now(),
    )
    step = _step(_plan(alice_client, call_decision))
    assert 'data-state="skipped"' in step
    assert "You chose to go ahead without it" in step


# The gate, and the warning before accepting -------------------------------------------------------


def test_accepting_warns_while_a_promise_is_not_in_writing_and_asks_to_go_ahead_without_it(
    alice_client, call_decision, call_plan, call_ready, call_new
):
    _promise(call_new)
    content = alice_client.get(url("accept_new_offer", call_decision)).content.decode()
    warning = content.split('id="promises-warning"')[1].split("</div>")[0]
    assert "Ask for it in writing before you accept" in warning
    assert "A remote day every week" in warning
    assert f'href="{call_new.get_absolute_url()}#promises"' in warning
    assert "I go ahead without everything Bluebird Health promised in writing" in content
    # Without the tick: refused, nothing accepted, nothing recorded.
    today = timezone.localdate().isoformat()
    response = alice_client.post(url("accept_new_offer", call_decision), {"accepted_on": today})
    assert response.status_code == 200
    assert 'href="#id_skip_promises_in_writing"' in response.content.decode()
    call_new.refresh_from_db()
    assert call_new.status == Offer.Status.RECEIVED
    assert not SkippedCheck.objects.exists()
    # With it: accepted, and the choice recorded.
    data = {"accepted_on": today, "skip_promises_in_writing": "on"}
    assert alice_client.post(url("accept_new_offer", call_decision), data).status_code == 302
    call_new.refresh_from_db()
    assert call_new.status == Offer.Status.ACCEPTED
    assert SkippedCheck.objects.get().check_name == "promises_in_writing"
    assert 'data-state="skipped"' in _step(_plan(alice_client, call_decision))


def test_accepting_neither_warns_nor_asks_when_every_promise_is_in_writing(
    alice_client, call_decision, call_plan, call_ready, call_new
):
    _promise(call_new, found=True)
    content = alice_client.get(url("accept_new_offer", call_decision)).content.decode()
    assert "promises-warning" not in content
    assert "skip_promises_in_writing" not in content


def test_marking_the_call_done_asks_for_the_same_choice(
    alice_client, call_decision, call_plan, call_ready, call_new
):
    _promise(call_new)
    response = alice_client.post(url("call_done", call_decision), {})
    assert 'href="#id_skip_promises_in_writing"' in response.content.decode()
    call_plan.refresh_from_db()
    assert call_plan.done_at is None


def test_get_never_changes_anything(alice_client, call_decision, call_plan, call_new):
    _promise(call_new)
    for name in ("call", "accept_new_offer", "call_done", "call_print"):
        assert alice_client.get(url(name, call_decision)).status_code == 200
    call_new.refresh_from_db()
    assert call_new.status == Offer.Status.RECEIVED and not SkippedCheck.objects.exists()


# Queries: the same with no promise and with many --------------------------------------------------


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["call", "call_print", "call_ics", "accept_new_offer"])
def test_the_plan_pages_take_the_same_queries_with_no_promise_or_many(
    alice_client, call_decision, call_plan, call_new, name, django_assert_num_queries
):
    path = url(name, call_decision)
    expected = _count(alice_client, path)
    for n in range(25):
        _promise(call_new, f"Promise {n}", found=n % 2 == 0)
    with django_assert_num_queries(expected):
        alice_client.get(path)


def test_the_dashboards_calls_take_the_same_queries_with_no_promise_or_many(
    alice_client, alice, call_decision, call_plan, django_assert_num_queries
):
    expected = _count(alice_client, reverse("home"))
    for n in range(4):
        committed = make_offer(alice, company=f"Signed {n}", status=Offer.Status.SIGNED)
        new = make_offer(alice, company=f"Chosen {n}")
        decision = make_decision(
            alice, [committed, new], chosen_offer=new, decided_at=timezone.now()
        )
        CallPlan.objects.create(
            decision=decision, scheduled_at=timezone.now() + datetime.timedelta(days=1)
        )
        for k in range(5):
            _promise(new, f"Promise {k}")
    with django_assert_num_queries(expected):
        content = alice_client.get(reverse("home")).content.decode()
    assert content.count(f'{STEP} data-state="open"') == 4


# Calendars follow a promise ticked ----------------------------------------------------------------


def test_ticking_a_promise_updates_the_calls_event_with_a_higher_sequence(
    alice_client, call_decision, call_plan, call_new
):
    from tests.ical import read

    promise = _promise(call_new)
    hour_ago = timezone.now() - datetime.timedelta(hours=1)
    CallPlan.objects.filter(pk=call_plan.pk).update(updated=hour_ago)
    Offer.objects.update(updated=hour_ago)
    type(call_decision).objects.filter(pk=call_decision.pk).update(updated=hour_ago)
    [before] = read(alice_client.get(url("call_ics", call_decision)).content)
    line = "Check that everything Bluebird Health promised is in the written offer"
    assert f"{line} (1 of 1 not found yet): not yet" in before.description
    found = reverse("offers:promise_found", args=[call_new.pk, promise.pk])
    alice_client.post(found, {"found_in_writing": "on"})
    [after] = read(alice_client.get(url("call_ics", call_decision)).content)
    assert f"{line}: done" in after.description
    assert after.sequence > before.sequence
