"""The steps of the call in order, with their state (decisions.call.steps), and the facts the
readiness ticks stand for (offers.rules.ticks_without_facts), tested directly."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from decisions.call import steps
from decisions.call.readiness import (
    ACCEPT_FIRST,
    CHECK_NAMES,
    PROMISES_IN_WRITING,
    readiness_checks,
)
from offers.models import Offer
from offers.rules import ticks_without_facts

START = datetime.date(2027, 1, 4)
ORDER = [*CHECK_NAMES, PROMISES_IN_WRITING, ACCEPT_FIRST, steps.CALL]
OPEN_STATUSES = [Offer.Status.EXPECTED, Offer.Status.RECEIVED]
NEW_STATUSES = [*OPEN_STATUSES, Offer.Status.ACCEPTED, Offer.Status.SIGNED, Offer.Status.WITHDRAWN]


def _offers(new_status=Offer.Status.RECEIVED, start_date=None, **ticks):
    committed = Offer(company="Northwind Freight", role="Data Engineer", status="signed")
    new = Offer(company="Bluebird Health", role="Engineer", status=new_status)
    new.start_date = start_date
    committed.terms_reviewed = ticks.pop("terms_reviewed", False)
    for name, value in ticks.items():
        setattr(new, name, value)
    return committed, new


def _every_fact(**fields):
    fields.setdefault("start_date", START)
    ticks = dict.fromkeys(CHECK_NAMES, True)
    return _offers(**{**ticks, **fields})


def _states(ordered):
    return {step.name: step.state for step in ordered}


def test_the_steps_are_the_checks_then_accepting_then_the_call():
    ordered = steps.call_steps(*_offers(), {}, call_done=False)
    assert [step.name for step in ordered] == ORDER
    assert [step.text for step in ordered] == [
        "Have your terms with Northwind Freight legally reviewed",
        "Get Bluebird Health’s offer in writing",
        "Have Bluebird Health’s conditions cleared",
        "Get your start date at Bluebird Health confirmed",
        "Check that everything Bluebird Health promised is in the written offer (no promises "
        "recorded)",
        "Accept Bluebird Health’s offer in writing",
        "Call Northwind Freight",
    ]
    # Nothing promised: nothing to find in writing.
    assert {s.name for s in ordered if s.state != steps.OPEN} == {PROMISES_IN_WRITING}


def test_every_check_ticked_is_not_ready_while_the_new_offer_is_not_accepted():
    ordered = steps.call_steps(*_every_fact(), {}, call_done=False)
    assert _states(ordered)[ACCEPT_FIRST] == steps.OPEN
    gaps = steps.call_gaps(ordered, contact_chosen=True, time_set=True)
    assert gaps == ["accepting Bluebird Health’s offer in writing"]
    assert steps.saved_message(gaps, checks_done=True) == (
        "All checks are done. Still missing before the call: accepting Bluebird Health’s offer "
        "in writing."
    )


def test_accepting_the_new_offer_makes_it_ready_to_call():
    ordered = steps.call_steps(*_every_fact(new_status=Offer.Status.ACCEPTED), {}, False)
    assert _states(ordered)[ACCEPT_FIRST] == steps.DONE
    assert steps.call_gaps(ordered, True, True) == []
    assert steps.saved_message([], True) == "All checks are done: you are ready to make the call."


def test_a_recorded_choice_to_call_before_accepting_settles_that_step():
    moment = datetime.datetime(2026, 12, 5, 10, tzinfo=datetime.UTC)
    ordered = steps.call_steps(*_every_fact(), {ACCEPT_FIRST: moment}, False)
    accept = ordered[ORDER.index(ACCEPT_FIRST)]
    assert (accept.state, accept.skipped_at, accept.state_words) == (
        steps.SKIPPED,
        moment,
        "Skipped",
    )
    assert steps.call_gaps(ordered, True, True) == []


def test_a_confirmed_start_date_without_a_start_date_is_not_done():
    ordered = steps.call_steps(*_every_fact(start_date=None), {}, False)
    assert _states(ordered)["start_date_confirmed"] == steps.OPEN
    checks = readiness_checks(*_every_fact(start_date=None))
    assert "Add the start date" in checks[3].missing_fact
    assert (
        checks[3].missing_fact
        == ticks_without_facts({"status": "received", "start_date_confirmed": True})[
            "start_date_confirmed"
        ]
    )


def test_an_offer_still_expected_cannot_be_in_writing_nor_cleared():
    ordered = steps.call_steps(*_every_fact(new_status=Offer.Status.EXPECTED), {}, False)
    states = _states(ordered)
    assert states["written_offer_in_hand"] == states["conditions_cleared"] == steps.OPEN
    assert states["start_date_confirmed"] == steps.DONE


def test_the_gaps_name_each_open_step_then_whom_and_when():
    ordered = steps.call_steps(*_offers(written_offer_in_hand=True), {}, False)
    assert steps.call_gaps(ordered, False, False) == [
        "a legal review of your terms with Northwind Freight",
        "Bluebird Health’s conditions cleared",
        "your start date at Bluebird Health confirmed",
        "accepting Bluebird Health’s offer in writing",
        "someone to call",
        "a time for the call",
    ]


def test_a_skipped_check_is_still_missing_but_calling_first_is_settled():
    moment = datetime.datetime(2026, 12, 5, 10, tzinfo=datetime.UTC)
    skipped = {"terms_reviewed": moment, ACCEPT_FIRST: moment}
    ordered = steps.call_steps(*_every_fact(terms_reviewed=False), skipped, False)
    assert _states(ordered)["terms_reviewed"] == steps.SKIPPED
    assert steps.call_gaps(ordered, True, True) == [
        "a legal review of your terms with Northwind Freight (skipped: its risk stays)"
    ]


def test_only_an_open_offer_not_accepted_can_be_called_before_accepting():
    committed, new = _offers()
    assert steps.accepting_to_skip(steps.call_steps(committed, new, {}, False), new).name == (
        ACCEPT_FIRST
    )
    skipped = steps.call_steps(committed, new, {ACCEPT_FIRST: None}, False)
    assert steps.accepting_to_skip(skipped, new) is None
    for status in (Offer.Status.ACCEPTED, Offer.Status.WITHDRAWN):
        committed, new = _offers(new_status=status)
        assert steps.accepting_to_skip(steps.call_steps(committed, new, {}, False), new) is None


ticks = st.fixed_dictionaries({name: st.booleans() for name in CHECK_NAMES})


@given(
    ticks=ticks,
    status=st.sampled_from(NEW_STATUSES),
    start=st.sampled_from([None, START]),
    skipped=st.sets(st.sampled_from([*CHECK_NAMES, ACCEPT_FIRST])),
    call_done=st.booleans(),
    contact=st.booleans(),
    time=st.booleans(),
)
def test_ready_to_call_follows_the_facts(ticks, status, start, skipped, call_done, contact, time):
    committed, new = _offers(new_status=status, start_date=start, **ticks)
    ordered = steps.call_steps(committed, new, dict.fromkeys(skipped), call_done)
    states = _states(ordered)
    # Always the same steps, in the same order.
    assert [step.name for step in ordered] == ORDER
    # A step is done only with its facts; skipped only by a recorded choice, never when done.
    assert (states[ACCEPT_FIRST] == steps.DONE) == new.is_committed()
    if states["start_date_confirmed"] == steps.DONE:
        assert start is not None and ticks["start_date_confirmed"]
    if states["conditions_cleared"] == steps.DONE:
        assert ticks["written_offer_in_hand"] and status != Offer.Status.EXPECTED
    for name in (*CHECK_NAMES, ACCEPT_FIRST):
        if states[name] == steps.SKIPPED:
            assert name in skipped
    # Ready to call: every check done, accepting done or skipped, whom and when set.
    ready = not steps.call_gaps(ordered, contact, time)
    checks_done = all(states[name] == steps.DONE for name in CHECK_NAMES)
    assert ready == (checks_done and states[ACCEPT_FIRST] != steps.OPEN and contact and time)
    # Never ready while accepting first is neither done nor skipped.
    if not new.is_committed() and ACCEPT_FIRST not in skipped:
        assert not ready
    assert (states[steps.CALL] == steps.DONE) == call_done


@given(
    values=st.fixed_dictionaries(
        {
            "status": st.sampled_from(NEW_STATUSES),
            "start_date": st.sampled_from([None, START]),
            **{name: st.booleans() for name in CHECK_NAMES},
        }
    )
)
def test_a_tick_is_refused_only_when_ticked_and_lacking_its_fact(values):
    refused = ticks_without_facts(values)
    assert set(refused) <= {name for name in CHECK_NAMES if values[name]}
    assert ("start_date_confirmed" in refused) == (
        values["start_date_confirmed"] and values["start_date"] is None
    )
    received = values["status"] != Offer.Status.EXPECTED
    assert ("written_offer_in_hand" in refused) == (
        values["written_offer_in_hand"] and not received
    )
    assert "terms_reviewed" not in refused
