"""The pure rules: the date to ask for, when to follow up, when accepting is too early, and how
an answer changes the clashes."""

import datetime
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from offers import timeline
from offers.asks.rules import (
    add_working_days,
    clashes_with_asks,
    expected_soon_after,
    follow_up_on,
    needs_nudge,
    next_working_day,
    proposed_until,
)
from tests.offers.fakes import OfferStatuses

MONDAY = datetime.date(2026, 5, 4)
days = datetime.timedelta


@dataclass(eq=False)
class FakeOffer(OfferStatuses):
    """Just enough of an offer for the timeline's and the rules' functions."""

    company: str
    status: str
    pk: int
    expected_on: datetime.date | None = None
    respond_by: datetime.date | None = None
    start_date: datetime.date | None = None


@dataclass
class FakeAsk:
    offer_id: int
    kind: str


dates = st.dates(datetime.date(2020, 1, 1), datetime.date(2040, 12, 31))


def test_it_proposes_a_few_days_after_the_other_offer_is_expected():
    # Due Thursday, the other offer expected the next Monday: ask until Thursday after.
    assert proposed_until(MONDAY + days(3), MONDAY + days(7), MONDAY) == MONDAY + days(10)


def test_a_proposal_on_a_weekend_moves_to_monday():
    # Expected on a Wednesday, plus three days is a Saturday.
    assert proposed_until(MONDAY, MONDAY + days(2), MONDAY) == MONDAY + days(7)


def test_without_an_arrival_date_it_proposes_a_week_after_the_deadline():
    assert proposed_until(MONDAY + days(1), None, MONDAY) == MONDAY + days(8)


def test_the_proposal_always_comes_after_the_deadline():
    # The other offer is expected long before the deadline (an odd case): still ask for more.
    assert proposed_until(MONDAY + days(14), MONDAY + days(1), MONDAY) == MONDAY + days(15)


@given(deadline=st.none() | dates, expected=st.none() | dates, today=dates)
def test_the_proposal_is_a_working_day_after_today_the_deadline_and_the_arrival(
    deadline, expected, today
):
    proposed = proposed_until(deadline, expected, today)
    assert proposed > today
    assert deadline is None or proposed > deadline
    assert expected is None or proposed >= expected + days(3)
    assert proposed.weekday() < 5
    # Never more than a weekend past the latest of those.
    latest = max(d for d in (today, deadline, expected and expected + days(3)) if d)
    assert proposed <= latest + days(10)


@given(day=dates, count=st.integers(0, 30))
def test_working_days_skip_weekends(day, count):
    later = add_working_days(day, count)
    span = [day + days(n) for n in range(1, (later - day).days + 1)]
    assert sum(1 for d in span if d.weekday() < 5) == count
    assert count == 0 or later.weekday() < 5


def test_a_nudge_is_due_two_working_days_after_asking():
    friday = MONDAY + days(4)
    assert follow_up_on(MONDAY) == MONDAY + days(2)
    assert follow_up_on(friday) == friday + days(4)  # the Tuesday after
    assert not needs_nudge(friday, friday + days(3))
    assert needs_nudge(friday, friday + days(4))


@given(day=dates)
def test_next_working_day_is_never_a_weekend_nor_earlier(day):
    found = next_working_day(day)
    assert found.weekday() < 5 and day <= found <= day + days(2)


def test_accepting_is_too_early_while_another_offer_is_expected_within_a_week_after():
    offer = FakeOffer("Globex", "received", 1, respond_by=MONDAY + days(3))
    before = FakeOffer("Before", "expected", 2, expected_on=MONDAY + days(1))
    week_after = FakeOffer("Week", "expected", 3, expected_on=MONDAY + days(10))
    too_late = FakeOffer("Later", "expected", 4, expected_on=MONDAY + days(11))
    received = FakeOffer("Here", "received", 5, expected_on=MONDAY + days(2))
    found = expected_soon_after(
        offer, offer.respond_by, [too_late, week_after, received, before, offer], MONDAY
    )
    assert [o.company for o in found] == ["Before", "Week"]


def test_with_no_deadline_the_week_counts_from_today():
    offer = FakeOffer("Globex", "received", 1)
    soon = FakeOffer("Soon", "expected", 2, expected_on=MONDAY + days(7))
    later = FakeOffer("Later", "expected", 3, expected_on=MONDAY + days(8))
    assert expected_soon_after(offer, None, [soon, later], MONDAY) == [soon]


def dilemma():
    due = FakeOffer("Globex", "received", 1, respond_by=MONDAY + days(3))
    expected = FakeOffer("Initech", "expected", 2, expected_on=MONDAY + days(7))
    return due, expected


def test_an_extension_past_the_arrival_makes_the_clash_go_away():
    due, expected = dilemma()
    assert len(timeline.clashes([due, expected], MONDAY)) == 1
    due.respond_by = MONDAY + days(10)  # what a granted ask does
    assert timeline.clashes([due, expected], MONDAY) == []


def test_a_partial_extension_keeps_the_clash_on_the_new_date():
    due, expected = dilemma()
    due.respond_by = MONDAY + days(5)
    [clash] = timeline.clashes([due, expected], MONDAY)
    assert clash.date == MONDAY + days(5)
    assert clash.offer is due and clash.other is expected


def test_an_offer_brought_forward_before_the_deadline_ends_the_clash():
    due, expected = dilemma()
    expected.expected_on = MONDAY + days(2)  # what a granted heads-up does
    assert timeline.clashes([due, expected], MONDAY) == []


def test_each_clash_gets_its_own_asks():
    due, expected = dilemma()
    [clash] = timeline.clashes([due, expected], MONDAY)
    more_time, heads_up = FakeAsk(1, "more_time"), FakeAsk(2, "heads_up")
    unrelated = [FakeAsk(2, "more_time"), FakeAsk(1, "heads_up"), FakeAsk(9, "more_time")]
    assert clashes_with_asks([clash], [*unrelated, heads_up, more_time]) == [
        (clash, [more_time, heads_up])
    ]
