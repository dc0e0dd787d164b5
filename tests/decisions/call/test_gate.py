"""The gate: until the readiness checks are done, "mark done" and every status change ask for a
ticked, recorded acknowledgement of each open check; and accepting the new offer is a step of
its own, before the call."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from decisions.models import CallPlan, SkippedCheck
from offers.models import Offer

pytestmark = pytest.mark.django_db
ALL_SKIPS = {
    "skip_terms_reviewed": "on",
    "skip_written_offer_in_hand": "on",
    "skip_conditions_cleared": "on",
    "skip_start_date_confirmed": "on",
}


def _done(decision):
    return reverse("decisions:call_done", args=[decision.pk])


def _accept(decision):
    return reverse("decisions:accept_new_offer", args=[decision.pk])


# Marking the call done ---------------------------------------------------------------------------


def test_the_done_page_lists_each_check_in_the_check_your_answers_style(
    alice_client, call_decision, call_plan, call_committed
):
    call_committed.terms_reviewed = True
    call_committed.save()
    content = alice_client.get(_done(call_decision)).content.decode()
    assert "Check before you go on" in content
    assert content.count('class="summary-list-row"') == 5
    assert content.count(">Change<") == 5
    # The legal review, and what was promised (nothing: nothing to find in writing).
    assert content.count('badge text-bg-success">Done') == 2
    # Only the three open checks ask for an acknowledgement.
    assert 'name="skip_terms_reviewed"' not in content
    assert "I go ahead without the offer from Bluebird Health in writing" in content
    assert "I go ahead before Bluebird Health’s conditions are cleared" in content
    assert "I go ahead without a confirmed start date at Bluebird Health" in content


def test_done_is_refused_without_the_checks_or_an_acknowledgement(
    alice_client, call_decision, call_plan, call_committed, call_new
):
    response = alice_client.post(_done(call_decision), {"back_out": "on", "accept": "on"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert 'href="#id_skip_terms_reviewed"' in content
    assert "Tick this to go ahead without a legal review of your terms with Northwind" in content
    call_plan.refresh_from_db()
    call_committed.refresh_from_db()
    call_new.refresh_from_db()
    assert call_plan.done_at is None
    assert call_committed.status == Offer.Status.SIGNED
    assert call_new.status == Offer.Status.RECEIVED
    assert not SkippedCheck.objects.exists()


def test_one_missing_acknowledgement_is_enough_to_refuse_and_nothing_is_recorded(
    alice_client, call_decision, call_plan
):
    data = {**ALL_SKIPS, "back_out": "on"}
    del data["skip_start_date_confirmed"]
    response = alice_client.post(_done(call_decision), data)
    assert response.status_code == 200
    assert 'href="#id_skip_start_date_confirmed"' in response.content.decode()
    call_plan.refresh_from_db()
    assert call_plan.done_at is None
    assert not SkippedCheck.objects.exists()


def test_done_is_allowed_with_every_check_done(
    alice_client, call_decision, call_plan, call_committed, call_ready
):
    assert alice_client.post(_done(call_decision), {"back_out": "on"}).status_code == 302
    call_plan.refresh_from_db()
    assert call_plan.done_at is not None
    assert not SkippedCheck.objects.exists()


def test_done_is_allowed_with_each_open_check_acknowledged_and_the_choice_is_recorded(
    alice_client, call_decision, call_plan, call_committed
):
    response = alice_client.post(_done(call_decision), {**ALL_SKIPS, "back_out": "on"})
    assert response.status_code == 302
    call_plan.refresh_from_db()
    call_committed.refresh_from_db()
    assert call_plan.done_at is not None
    assert call_committed.status == Offer.Status.BACKED_OUT
    skips = {skip.check_name: skip for skip in call_plan.skipped_checks.all()}
    assert set(skips) == {name.removeprefix("skip_") for name in ALL_SKIPS}
    assert skips["terms_reviewed"].acknowledgement == (
        "I go ahead without a legal review of my terms with Northwind Freight"
    )
    assert all(skip.skipped_at <= timezone.now() for skip in skips.values())


def test_the_acknowledgement_shows_on_the_plan_the_print_and_in_the_export(
    alice_client, call_decision, call_plan
):
    alice_client.post(_done(call_decision), ALL_SKIPS)
    plan = alice_client.get(reverse("decisions:call", args=[call_decision.pk])).content.decode()
    assert "You chose to go ahead without" in plan
    assert "I go ahead without a legal review of my terms with Northwind Freight" in plan
    printed = alice_client.get(reverse("decisions:call_print", args=[call_decision.pk]))
    assert " (your choice, " in printed.content.decode()
    exported = json.loads(alice_client.get(reverse("export_data")).content)
    names = {row["check_name"] for row in exported["skipped_checks"]}
    assert names == {name.removeprefix("skip_") for name in ALL_SKIPS}
    assert all(row["call_plan"] == call_plan.pk for row in exported["skipped_checks"])


def test_a_recorded_acknowledgement_is_not_asked_for_again(alice_client, call_decision, call_plan):
    alice_client.post(_done(call_decision), ALL_SKIPS)
    alice_client.post(reverse("decisions:call_reopen", args=[call_decision.pk]))
    content = alice_client.get(_done(call_decision)).content.decode()
    assert 'name="skip_' not in content
    assert content.count("You chose to go ahead without it on") == 4
    assert alice_client.post(_done(call_decision), {}).status_code == 302


# Accepting the new offer: its own step before the call -------------------------------------------


def test_accepting_the_new_offer_is_gated_too(alice_client, call_decision, call_plan, call_new):
    today = timezone.localdate()
    response = alice_client.post(_accept(call_decision), {"accepted_on": today.isoformat()})
    assert response.status_code == 200
    assert 'href="#id_skip_written_offer_in_hand"' in response.content.decode()
    call_new.refresh_from_db()
    assert call_new.status == Offer.Status.RECEIVED
    assert not SkippedCheck.objects.exists()


def test_accepting_records_the_day_and_moves_the_offer_to_accepted(
    alice_client, call_decision, call_new, call_ready
):
    day = timezone.localdate() - datetime.timedelta(days=1)
    response = alice_client.post(_accept(call_decision), {"accepted_on": day.isoformat()})
    assert response.status_code == 302
    assert response.url.endswith("#steps")
    call_new.refresh_from_db()
    assert call_new.status == Offer.Status.ACCEPTED
    assert call_new.accepted_on == day
    # The step shows as done on the plan, with its date; the call comes next.
    plan = alice_client.get(reverse("decisions:call", args=[call_decision.pk])).content.decode()
    assert f"You accepted it on {day:%A} {day.day} {day:%B %Y}" in plan
    # The plan was saved with the step, so nothing is proposed twice on the done page.
    assert CallPlan.objects.filter(decision=call_decision).exists()
    done = alice_client.get(_done(call_decision)).content.decode()
    assert "as “Accepted”" not in done


def test_accepting_with_acknowledgements_records_them(alice_client, call_decision, call_new):
    data = {**ALL_SKIPS, "accepted_on": timezone.localdate().isoformat()}
    assert alice_client.post(_accept(call_decision), data).status_code == 302
    assert SkippedCheck.objects.count() == 4
    call_new.refresh_from_db()
    assert call_new.status == Offer.Status.ACCEPTED


@pytest.mark.parametrize(
    ("accepted_on", "message"),
    [
        ("", "Enter the day you accepted."),
        ("not a date", "Enter a date, such as 2026-12-01."),
        ("2199-01-01", "it cannot be in the future"),
        ("2999-01-01", "Check the year: it should be between 1900 and 2200."),
        ("2000-01-01", "you cannot have accepted it before that"),
    ],
)
def test_a_bad_acceptance_day_is_refused_next_to_the_field(
    alice_client, call_decision, call_new, call_ready, accepted_on, message
):
    call_new.received_on = timezone.localdate() - datetime.timedelta(days=3)
    call_new.save()
    response = alice_client.post(_accept(call_decision), {"accepted_on": accepted_on})
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert 'href="#id_accepted_on"' in content
    call_new.refresh_from_db()
    assert call_new.status == Offer.Status.RECEIVED


def test_an_offer_already_accepted_is_not_accepted_again(
    alice_client, call_decision, call_new, call_ready
):
    earlier = timezone.localdate() - datetime.timedelta(days=5)
    call_new.status, call_new.accepted_on = Offer.Status.SIGNED, earlier
    call_new.save()
    response = alice_client.post(_accept(call_decision), {"accepted_on": "2026-01-01"})
    assert response.status_code == 302
    call_new.refresh_from_db()
    assert call_new.status == Offer.Status.SIGNED and call_new.accepted_on == earlier


def test_strangers_get_404_and_anonymous_visitors_log_in(
    client, charlie_client, call_decision, call_new
):
    data = {**ALL_SKIPS, "accepted_on": timezone.localdate().isoformat()}
    assert charlie_client.get(_accept(call_decision)).status_code == 404
    assert charlie_client.post(_accept(call_decision), data).status_code == 404
    assert charlie_client.post(_done(call_decision), data).status_code == 404
    client.logout()
    assert client.post(_accept(call_decision), data).url.startswith(reverse("login"))
    call_new.refresh_from_db()
    assert call_new.status == Offer.Status.RECEIVED
    assert not SkippedCheck.objects.exists()
