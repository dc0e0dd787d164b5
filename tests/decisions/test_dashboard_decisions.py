import datetime

import pytest
from django.utils import timezone

from decisions.dashboard import dashboard_context
from decisions.models import CallPlan, Decision
from offers.models import Offer
from tests.decisions.helpers import at_step, url
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db


def _recorded(decision, days_ago, outcome=""):
    Decision.objects.filter(pk=decision.pk).update(
        decided_at=timezone.now() - datetime.timedelta(days=days_ago),
        step_reached=6,
        outcome=outcome,
    )


def test_drafts_are_offered_to_continue_at_the_step_reached(alice_client, decision):
    at_step(decision, Decision.Step.PRIORITIES)
    html = alice_client.get("/").content.decode()
    assert "Decisions in progress" in html
    assert "Step 3 of 6: Priorities" in html
    assert f'href="{url("priorities", decision)}"' in html


def test_a_decision_recorded_30_days_ago_invites_a_look_back(alice_client, decision):
    _recorded(decision, 31)
    html = alice_client.get("/").content.decode()
    assert "Look back on this decision" in html
    assert f'href="{url("result", decision)}#outcome"' in html


def test_no_look_back_before_30_days_or_once_written(alice, bob, decision):
    _recorded(decision, 29)
    assert dashboard_context(alice)["decisions_to_look_back"] == []
    _recorded(decision, 40, outcome="Went well")
    assert dashboard_context(alice)["decisions_to_look_back"] == []


def test_only_my_decisions_appear(alice, bob, decision):
    theirs = make_decision(bob, [make_offer(bob), make_offer(bob)])
    _recorded(theirs, 45)
    context = dashboard_context(alice)
    assert context["decision_drafts"] == [decision]
    assert context["decisions_to_look_back"] == []


def test_with_nothing_in_progress_it_invites_starting_one(alice_client):
    assert "Start a decision" in alice_client.get("/").content.decode()


def test_the_dashboard_part_takes_the_same_queries_for_few_and_many(
    alice, decision, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        dashboard_context(alice)
    for i in range(6):
        made = make_decision(alice, [make_offer(alice), make_offer(alice)], title=f"D{i}")
        if i % 2:
            _recorded(made, 40 + i)
    with django_assert_num_queries(len(few)):
        context = dashboard_context(alice)
        assert len(context["decisions_to_look_back"]) == 3
        assert [d.chosen_offer for d in context["decisions_to_look_back"]]


@pytest.mark.parametrize("call_made", [True, False])
def test_a_decision_due_a_look_back_is_a_call_to_make_only_until_the_call_is_made(alice, call_made):
    committed = make_offer(alice, company="Old Co", status=Offer.Status.SIGNED)
    new = make_offer(alice, company="New Co")
    leaving = make_decision(alice, [committed, new], chosen_offer=new, decided_at=timezone.now())
    CallPlan.objects.create(decision=leaving, done_at=timezone.now() if call_made else None)
    _recorded(leaving, 40)
    context = dashboard_context(alice)
    assert context["decisions_to_look_back"] == [leaving]
    assert [call.decision for call in context["calls_to_make"]] == ([] if call_made else [leaving])
    assert context["decision_drafts"] == []
