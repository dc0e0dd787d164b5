"""“Calls to make” on the dashboard, and the links to the call plan from other pages."""

import datetime

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from decisions.dashboard import FOLLOW_UPS_SHOWN, _calls_to_make
from decisions.models import CallPlan, Decision
from offers.models import Offer
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db


def _backing_out(user, company, **fields):
    committed = make_offer(user, company=company, status=Offer.Status.SIGNED)
    new = make_offer(user, company=f"Better than {company}")
    fields.setdefault("decided_at", timezone.now())
    return make_decision(user, [committed, new], chosen_offer=new, **fields)


def test_a_plan_not_done_is_a_call_to_make_with_its_time(alice_client, call_decision, call_plan):
    content = alice_client.get(reverse("home")).content.decode()
    assert "Calls to make" in content
    assert "Call Morgan Lee at Northwind Freight" in content
    assert reverse("decisions:call", args=[call_decision.pk]) in content
    assert "Planned for" in content
    assert "Late" not in content


def test_a_decision_backing_out_without_a_plan_is_a_call_to_make(alice_client, call_decision):
    content = alice_client.get(reverse("home")).content.decode()
    assert "Call Northwind Freight" in content
    assert "No plan yet." in content
    assert "two working days after your decision" in content


def test_a_late_call_is_flagged(alice_client, call_decision, call_plan):
    call_plan.scheduled_at = timezone.now() + datetime.timedelta(days=10)
    call_plan.save()
    content = alice_client.get(reverse("home")).content.decode()
    assert "Late: more than two working days after your decision" in content


def test_done_calls_other_peoples_calls_and_decisions_that_stay_are_not_listed(
    alice, bob, call_decision, call_plan
):
    call_plan.done_at = timezone.now()
    call_plan.save()
    _backing_out(bob, "Bob Co")
    committed = make_offer(alice, company="Stay Co", status=Offer.Status.SIGNED)
    make_decision(alice, [committed], chosen_offer=committed, decided_at=timezone.now())
    _backing_out(alice, "Undecided Co", decided_at=None)
    assert _calls_to_make(alice)["calls_to_make"] == []


def test_a_decision_whose_offer_is_already_backed_out_without_a_plan_is_not_listed(
    alice, call_decision, call_committed
):
    call_committed.status = Offer.Status.BACKED_OUT
    call_committed.save()
    assert _calls_to_make(alice)["calls_to_make"] == []


def test_nothing_shows_when_there_is_no_call_to_make(alice_client):
    assert "Calls to make" not in alice_client.get(reverse("home")).content.decode()


def test_the_calls_take_the_same_queries_with_1_and_6_decisions(alice, django_assert_num_queries):
    _backing_out(alice, "Company 0")
    with CaptureQueriesContext(connection) as small:
        render_to_string("decisions/call/_dashboard_calls.html", _calls_to_make(alice))
    for i in range(1, 6):
        decision = _backing_out(alice, f"Company {i}")
        if i % 2:
            CallPlan.objects.create(decision=decision, scheduled_at=timezone.now())
    with django_assert_num_queries(len(small.captured_queries)):
        html = render_to_string("decisions/call/_dashboard_calls.html", _calls_to_make(alice))
    # The soonest five are listed, each with its steps; the sixth is counted.
    assert html.count("list-group-item") == 5
    assert "And one more call to make" in html


# Links to the plan from elsewhere ----------------------------------------------------------------


def test_the_call_link_shows_for_a_decision_that_backs_out_without_querying(
    call_decision, django_assert_num_queries
):
    decision = Decision.objects.get(pk=call_decision.pk)
    with django_assert_num_queries(0):
        html = render_to_string("decisions/call/_call_link.html", {"decision": decision})
    assert reverse("decisions:call", args=[decision.pk]) in html


def test_the_call_link_is_absent_for_a_decision_that_stays(alice):
    committed = make_offer(alice, status=Offer.Status.SIGNED)
    decision = make_decision(alice, [committed], chosen_offer=committed)
    html = render_to_string("decisions/call/_call_link.html", {"decision": decision})
    assert html.strip() == ""


def _offer_page(client, offer) -> str:
    return client.get(reverse("offers:detail", args=[offer.pk])).content.decode()


def test_a_committed_offer_being_left_links_to_its_call_plan(
    alice_client, call_decision, call_committed
):
    html = _offer_page(alice_client, call_committed)
    assert reverse("decisions:call", args=[call_decision.pk]) in html
    assert "Plan the call to Northwind Freight" in html


def test_an_offer_nobody_is_leaving_has_no_call_link(alice_client, call_decision, call_new):
    assert reverse("decisions:call", args=[call_decision.pk]) not in _offer_page(
        alice_client, call_new
    )


def test_a_backed_out_offer_still_links_to_its_plan(
    alice_client, call_decision, call_committed, call_plan
):
    call_committed.status = Offer.Status.BACKED_OUT
    call_committed.save()
    html = _offer_page(alice_client, call_committed)
    assert "See the call plan" in html


# By when to act ----------------------------------------------------------------------------------


def _day(date) -> str:
    return f"{date:%A} {date.day} {date:%B}"


def test_the_answer_deadline_wins_when_it_comes_before_the_two_working_days(
    alice_client, call_decision, call_new
):
    deadline = timezone.localdate()  # always before two working days after a decision today
    call_new.respond_by = deadline
    call_new.save()
    content = alice_client.get(reverse("home")).content.decode()
    assert f"Call by <strong>{_day(deadline)}</strong>: Bluebird Health needs your answer" in (
        content
    )
    assert "accept it first, then call" in content
    assert "two working days after your decision" not in content


def test_the_two_working_days_win_when_the_answer_deadline_is_later(
    alice_client, call_decision, call_new
):
    call_new.respond_by = timezone.localdate() + datetime.timedelta(days=30)
    call_new.save()
    content = alice_client.get(reverse("home")).content.decode()
    assert "two working days after your decision" in content
    assert "needs your answer" not in content


def test_an_accepted_new_offer_no_longer_sets_the_call_by_date(
    alice_client, call_decision, call_new
):
    call_new.respond_by = timezone.localdate()
    call_new.status, call_new.accepted_on = Offer.Status.ACCEPTED, timezone.localdate()
    call_new.save()
    content = alice_client.get(reverse("home")).content.decode()
    assert "needs your answer" not in content
    assert "two working days after your decision" in content


def test_a_call_planned_after_the_answer_deadline_is_late_and_says_why(
    alice_client, call_decision, call_plan, call_new
):
    call_new.respond_by = timezone.localdate()
    call_new.save()
    call_plan.scheduled_at = timezone.now() + datetime.timedelta(days=1)
    call_plan.save()
    content = alice_client.get(reverse("home")).content.decode()
    assert "Late: after Bluebird Health’s answer deadline" in content


# Follow-ups after the call, until ticked ---------------------------------------------------------


def test_follow_ups_with_a_due_date_show_on_the_dashboard_and_the_timeline_until_ticked(
    alice_client, call_decision, call_plan
):
    due = timezone.localdate() + datetime.timedelta(days=2)
    ticked = call_plan.follow_ups.create(text="Return the laptop", due_on=due, done=True)
    call_plan.follow_ups.create(text="Send the confirmation e-mail", due_on=due)
    call_plan.follow_ups.create(text="Someday, maybe", due_on=None)
    for url in (reverse("home"), reverse("offers:timeline")):
        content = alice_client.get(url).content.decode()
        assert "Follow-ups after your calls" in content
        assert "Send the confirmation e-mail" in content
        assert f'By <time datetime="{due:%Y-%m-%d}">' in content
        assert "Return the laptop" not in content
        assert "Someday, maybe" not in content
    assert ticked.done
    call_plan.follow_ups.get(text="Send the confirmation e-mail").toggle_done()
    assert "Follow-ups after your calls" not in alice_client.get(reverse("home")).content.decode()


def test_a_follow_up_past_its_date_is_flagged_overdue(alice_client, call_decision, call_plan):
    call_plan.follow_ups.create(
        text="Send the confirmation e-mail", due_on=timezone.localdate() - datetime.timedelta(1)
    )
    assert "Overdue" in alice_client.get(reverse("home")).content.decode()


def test_other_peoples_follow_ups_never_show(charlie_client, call_decision, call_plan):
    call_plan.follow_ups.create(text="Alice's secret errand", due_on=timezone.localdate())
    assert "Alice's secret errand" not in charlie_client.get(reverse("home")).content.decode()
    timeline = charlie_client.get(reverse("offers:timeline")).content.decode()
    assert "Alice's secret errand" not in timeline


def test_the_follow_ups_take_one_query_whatever_their_number(
    alice, call_decision, call_plan, django_assert_num_queries
):
    from decisions.dashboard import follow_ups_due

    for i in range(8):
        call_plan.follow_ups.create(text=f"Errand {i}", due_on=timezone.localdate())
    for every, shown in ((False, FOLLOW_UPS_SHOWN), (True, 8)):
        with django_assert_num_queries(1):
            html = render_to_string(
                "decisions/call/_follow_ups_due.html",
                {
                    "follow_ups_due": follow_ups_due(alice, every=every),
                    "follow_ups_today": timezone.localdate(),
                },
            )
        assert html.count("<li") == shown


def test_the_soonest_follow_ups_show_and_the_rest_are_one_link_away(
    alice_client, call_decision, call_plan
):
    today = timezone.localdate()
    for i in range(FOLLOW_UPS_SHOWN + 3):
        call_plan.follow_ups.create(text=f"Errand {i}", due_on=today + datetime.timedelta(i))
    dashboard = alice_client.get(reverse("home")).content.decode()
    assert f"Errand {FOLLOW_UPS_SHOWN - 1}" in dashboard
    assert f"Errand {FOLLOW_UPS_SHOWN}" not in dashboard
    link = reverse("offers:timeline") + "?follow_ups=all"
    assert f"See all {FOLLOW_UPS_SHOWN + 3} follow-ups" in dashboard and link in dashboard
    every = alice_client.get(link).content.decode()
    assert all(f"Errand {i}" in every for i in range(FOLLOW_UPS_SHOWN + 3))
    assert "See all" not in every.split("follow-ups-due-title")[1].split("</section>")[0]
    # On the timeline, the link keeps the page and the clashes shown.
    paged = alice_client.get(reverse("offers:timeline"), {"page": "1", "clashes": "all"})
    assert 'href="?page=1&amp;clashes=all&amp;follow_ups=all#follow-ups-due-title"' in (
        paged.content.decode()
    )
