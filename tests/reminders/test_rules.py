"""What is due when: each rule in several time zones, around the 07:00 sending hour and across
daylight-saving changes (2026: the US on 8 March, the EU on 29 March)."""

import datetime
import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decisions.models import Decision
from offers.models import Offer
from reminders import rules
from reminders.models import SentReminder
from tests.factories import make_offer, make_user
from tests.reminders.conftest import (
    DAY,
    at,
    backing_out,
    follow_up,
    person,
    planned_call,
    recorded,
    wants_reminders,
)

pytestmark = pytest.mark.django_db
Kind = SentReminder.Kind


def found(finder, now):
    return sorted((r.kind, r.user.username, r.due_on) for r in finder(now))


# The sending hour, for any moment and any zone -----------------------------------------------

ZONES = sorted(zoneinfo.available_timezones() - {"Factory", "localtime"})


@given(
    now=st.datetimes(
        min_value=datetime.datetime(2000, 1, 1), max_value=datetime.datetime(2040, 1, 1)
    ).map(lambda d: d.replace(tzinfo=datetime.UTC)),
    zone=st.sampled_from(ZONES).map(zoneinfo.ZoneInfo),
    offset=st.integers(-5, 5),
)
def test_a_reminder_for_a_day_goes_out_only_on_that_local_day_from_seven(now, zone, offset):
    local = now.astimezone(zone)
    day = local.date() + datetime.timedelta(days=offset)
    expected = offset == 0 and local.time() >= rules.SEND_FROM
    assert rules.is_due(now, zone, day) is expected


@given(
    now=st.datetimes(
        min_value=datetime.datetime(2000, 1, 1), max_value=datetime.datetime(2040, 1, 1)
    ).map(lambda d: d.replace(tzinfo=datetime.UTC)),
    zone=st.sampled_from(ZONES).map(zoneinfo.ZoneInfo),
    days_late=st.integers(1, 10),
    grace=st.integers(0, 7),
)
def test_a_grace_period_covers_the_days_after_and_no_more(now, zone, days_late, grace):
    day = now.astimezone(zone).date() - datetime.timedelta(days=days_late)
    assert rules.is_due(now, zone, day, grace) is (days_late <= grace)


# Answer due tomorrow -------------------------------------------------------------------------


def test_an_answer_due_tomorrow_is_reminded_in_each_users_own_calendar():
    # 00:30 UTC on 2 March 2026: 09:30 on the 2nd in Tokyo, still 16:30 on the 1st in Los Angeles.
    now = at("UTC", 2026, 3, 2, 0, 30)
    tokyo, la = person("kenji", "Asia/Tokyo"), person("lena", "America/Los_Angeles")
    make_offer(tokyo, company="Due 3rd", respond_by=datetime.date(2026, 3, 3))
    make_offer(la, company="Due 3rd", respond_by=datetime.date(2026, 3, 3))
    make_offer(la, company="Due 2nd", respond_by=datetime.date(2026, 3, 2))
    assert found(rules.answers_due, now) == [
        (Kind.ANSWER_DUE, "kenji", datetime.date(2026, 3, 3)),
        (Kind.ANSWER_DUE, "lena", datetime.date(2026, 3, 2)),
    ]


def test_nothing_goes_out_before_seven_in_the_morning_local_time():
    berlin = person("berta", "Europe/Berlin")
    make_offer(berlin, respond_by=datetime.date(2026, 6, 11))
    assert found(rules.answers_due, at("Europe/Berlin", 2026, 6, 10, 6, 59)) == []
    assert len(rules.answers_due(at("Europe/Berlin", 2026, 6, 10, 7, 0))) == 1
    assert len(rules.answers_due(at("Europe/Berlin", 2026, 6, 10, 23, 59))) == 1
    # On the deadline day itself, "tomorrow" would be wrong: nothing.
    assert found(rules.answers_due, at("Europe/Berlin", 2026, 6, 11, 9, 0)) == []


@pytest.mark.parametrize(
    "status", [Offer.Status.ACCEPTED, Offer.Status.DECLINED, Offer.Status.WITHDRAWN]
)
def test_a_settled_offer_needs_no_answer_reminder(status):
    user = person("sam", "UTC")
    make_offer(user, status=status, respond_by=datetime.date(2026, 6, 11))
    assert rules.answers_due(at("UTC", 2026, 6, 10, 9)) == []


def test_only_people_who_want_it_with_an_address_and_an_active_account_are_reminded():
    now = at("UTC", 2026, 6, 10, 9)
    switched_off = wants_reminders(make_user("off"), answer_due=False)
    never_chose = make_user("old")  # an account from before reminders: no settings, none sent
    no_address = wants_reminders(make_user("blank", email=""))
    inactive = wants_reminders(make_user("gone", is_active=False))
    for user in (switched_off, never_chose, no_address, inactive):
        make_offer(user, respond_by=datetime.date(2026, 6, 11))
    assert rules.answers_due(now) == []


# Expected offer not arrived -------------------------------------------------------------------


def test_an_expected_offer_is_chased_from_the_day_after_its_date_for_a_few_days():
    user = person("ana", "America/Sao_Paulo")
    make_offer(user, status=Offer.Status.EXPECTED, expected_on=datetime.date(2026, 6, 9))
    on = [
        bool(rules.offers_late(at("America/Sao_Paulo", 2026, 6, day, 12))) for day in range(8, 15)
    ]
    # 8th and 9th: not late yet; 10th to 12th: late (the day after, plus two days' grace).
    assert on == [False, False, True, True, True, False, False]


def test_an_offer_that_arrived_is_not_chased():
    user = person("ana", "UTC")
    make_offer(user, status=Offer.Status.RECEIVED, expected_on=datetime.date(2026, 6, 9))
    assert rules.offers_late(at("UTC", 2026, 6, 10, 12)) == []


# Calls ----------------------------------------------------------------------------------------


def test_a_planned_call_is_reminded_on_its_day_just_after_the_us_clocks_go_forward():
    # New York moves from UTC-5 to UTC-4 on Sunday 8 March 2026; the call is on Monday 9th.
    user = person("nora", "America/New_York")
    planned_call(
        user,
        decided_at=at("America/New_York", 2026, 3, 6, 18),
        scheduled_at=at("America/New_York", 2026, 3, 9, 10),
    )
    # 07:00 in New York that Monday is 11:00 UTC (it would have been 12:00 a day earlier).
    assert found(rules.calls, at("UTC", 2026, 3, 9, 10, 59)) == []
    assert found(rules.calls, at("UTC", 2026, 3, 9, 11, 0)) == [
        (Kind.CALL_DUE, "nora", datetime.date(2026, 3, 9))
    ]
    assert found(rules.calls, at("America/New_York", 2026, 3, 10, 9)) == [
        (Kind.CALL_LATE, "nora", datetime.date(2026, 3, 9))
    ]
    assert found(rules.calls, at("America/New_York", 2026, 3, 11, 9)) == []


def test_an_early_call_is_reminded_two_hours_before_it_even_before_seven():
    user = person("ola", "Europe/Oslo")
    planned_call(
        user,
        decided_at=at("Europe/Oslo", 2026, 6, 8, 18),
        scheduled_at=at("Europe/Oslo", 2026, 6, 9, 6, 30),
    )
    assert rules.calls(at("Europe/Oslo", 2026, 6, 9, 4, 29)) == []
    assert len(rules.calls(at("Europe/Oslo", 2026, 6, 9, 4, 30))) == 1


def test_without_a_plan_the_call_is_due_on_the_last_prompt_day():
    user = person("tom", "Australia/Sydney")
    # Decided on Thursday 4 June 2026 (Sydney): call by Monday 8 June.
    backing_out(user, decided_at=at("Australia/Sydney", 2026, 6, 4, 20))
    assert rules.calls(at("Australia/Sydney", 2026, 6, 5, 9)) == []
    assert found(rules.calls, at("Australia/Sydney", 2026, 6, 8, 9)) == [
        (Kind.CALL_DUE, "tom", datetime.date(2026, 6, 8))
    ]


@pytest.mark.parametrize("closed", ["done_at", "called_at"])
def test_a_call_made_or_done_is_not_reminded(closed):
    user = person("nora", "UTC")
    plan = planned_call(
        user, decided_at=at("UTC", 2026, 6, 8, 9), scheduled_at=at("UTC", 2026, 6, 9, 15)
    )
    setattr(plan, closed, at("UTC", 2026, 6, 9, 8))
    plan.save()
    assert rules.calls(at("UTC", 2026, 6, 9, 9)) == []
    assert rules.calls(at("UTC", 2026, 6, 10, 9)) == []


def test_a_decision_no_longer_backing_out_has_no_call():
    user = person("nora", "UTC")
    plan = planned_call(
        user, decided_at=at("UTC", 2026, 6, 8, 9), scheduled_at=at("UTC", 2026, 6, 9, 15)
    )
    Decision.objects.filter(pk=plan.decision_id).update(chosen_offer=plan.decision.committed_offer)
    assert rules.calls(at("UTC", 2026, 6, 9, 9)) == []


# Follow-ups -----------------------------------------------------------------------------------


def test_a_follow_up_is_reminded_on_its_day_in_the_users_zone():
    kolkata = person("ravi", "Asia/Kolkata")
    plan = planned_call(
        kolkata, decided_at=at("UTC", 2026, 6, 1, 9), scheduled_at=at("UTC", 2026, 6, 2, 9)
    )
    follow_up(plan, datetime.date(2026, 6, 10))
    follow_up(plan, datetime.date(2026, 6, 10), text="Already done", done=True)
    # 02:00 UTC on the 10th is 07:30 in Kolkata (UTC+5:30).
    assert found(rules.follow_ups, at("UTC", 2026, 6, 10, 1, 29)) == []
    assert [r.subject for r in rules.follow_ups(at("UTC", 2026, 6, 10, 1, 30))] == [
        "Due today: Return the laptop"
    ]
    assert rules.follow_ups(at("Asia/Kolkata", 2026, 6, 11, 9)) == []


# Thirty days on -------------------------------------------------------------------------------


def test_the_look_back_falls_thirty_local_days_later_across_the_eu_clock_change():
    # Recorded at 23:30 on 27 February in Berlin (22:30 UTC); 30 days later is Sunday 29 March,
    # the day the EU clocks go forward: 07:00 is then 05:00 UTC, not 06:00.
    berlin, auckland = person("berta", "Europe/Berlin"), person("aroha", "Pacific/Auckland")
    decided = at("Europe/Berlin", 2026, 2, 27, 23, 30)
    recorded(berlin, decided)
    recorded(auckland, decided)  # 11:30 on 28 February in Auckland: its look back is 30 March
    assert found(rules.look_backs, at("UTC", 2026, 3, 29, 4, 59)) == []
    assert found(rules.look_backs, at("UTC", 2026, 3, 29, 5, 0)) == [
        (Kind.LOOK_BACK, "berta", datetime.date(2026, 3, 29))
    ]
    assert found(rules.look_backs, at("Pacific/Auckland", 2026, 3, 30, 7, 0)) == [
        (Kind.LOOK_BACK, "aroha", datetime.date(2026, 3, 30)),
        (Kind.LOOK_BACK, "berta", datetime.date(2026, 3, 29)),
    ]


def test_a_look_back_already_written_is_not_asked_for():
    user = person("berta", "UTC")
    decision = recorded(user, at("UTC", 2026, 5, 1, 9))
    decision.outcome = "Happy with the move."
    decision.save()
    assert rules.look_backs(at("UTC", 2026, 5, 31, 9)) == []


def test_a_changed_date_is_a_new_reminder():
    user = person("sam", "UTC")
    offer = make_offer(user, respond_by=datetime.date(2026, 6, 11))
    [first] = rules.answers_due(at("UTC", 2026, 6, 10, 9))
    offer.respond_by += DAY
    offer.save()
    [second] = rules.answers_due(at("UTC", 2026, 6, 11, 9))
    assert first.key != second.key
