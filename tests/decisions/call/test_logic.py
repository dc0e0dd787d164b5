"""The call plan's rules, tested directly: promptness, whom to call, the drafts, the statuses."""

import datetime
import zoneinfo
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from decisions.call import plans, script, timing
from decisions.models import PreparedAnswer
from offers.models import Contact, Offer

UTC = datetime.UTC
PARIS = zoneinfo.ZoneInfo("Europe/Paris")
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
LOS_ANGELES = zoneinfo.ZoneInfo("America/Los_Angeles")
# A week in November 2026: Monday the 23rd to Sunday the 29th.
MON, TUE, WED, THU, FRI, SAT, SUN = (datetime.date(2026, 11, 23 + i) for i in range(7))
NEXT_MON, NEXT_TUE = datetime.date(2026, 11, 30), datetime.date(2026, 12, 1)
ONE_DAY = datetime.timedelta(days=1)


def _at(day, hour=10, zone=UTC):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)


def _offer(**fields):
    fields.setdefault("company", "Northwind Freight")
    fields.setdefault("role", "Data Engineer")
    fields.setdefault("status", Offer.Status.SIGNED)
    return Offer(**fields)


# Promptness --------------------------------------------------------------------------------------


def test_the_call_is_due_two_working_days_after_the_decision():
    assert timing.call_by(MON) == WED
    assert timing.call_by(TUE) == THU
    assert timing.call_by(WED) == FRI


def test_weekends_do_not_count_as_working_days():
    assert timing.call_by(THU) == NEXT_MON
    assert timing.call_by(FRI) == NEXT_TUE
    assert timing.call_by(SAT) == NEXT_TUE
    assert timing.call_by(SUN) == NEXT_TUE


def test_working_days_after_skips_weekends():
    assert timing.working_days_after(FRI, NEXT_MON) == 1
    assert timing.working_days_after(FRI, NEXT_TUE) == 2
    assert timing.working_days_after(THU, SUN) == 1
    assert timing.working_days_after(MON, MON) == 0
    assert timing.working_days_after(TUE, MON) == 0


def test_the_answer_deadline_wins_when_earlier_and_says_so():
    # Decided Thursday: two working days is Monday; the new offer must be answered Saturday.
    p = timing.promptness(_at(THU), None, UTC, _at(THU, 11), answer_by=SAT)
    assert (p.prompt_by, p.call_by, p.reason) == (NEXT_MON, SAT, timing.ANSWER_DEADLINE)
    later = timing.promptness(_at(THU), None, UTC, _at(THU, 11), answer_by=NEXT_TUE)
    assert (later.call_by, later.reason) == (NEXT_MON, timing.PROMPT)
    same = timing.promptness(_at(THU), None, UTC, _at(THU, 11), answer_by=NEXT_MON)
    assert (same.call_by, same.reason) == (NEXT_MON, timing.ANSWER_DEADLINE)


def test_a_call_planned_after_the_answer_deadline_is_late():
    p = timing.promptness(_at(THU), _at(SUN), UTC, _at(THU, 11), answer_by=SAT)
    assert p.late


def test_only_an_offer_awaiting_an_answer_sets_a_deadline():
    assert timing.answer_deadline(_offer(status=Offer.Status.RECEIVED, respond_by=SAT)) == SAT
    assert timing.answer_deadline(_offer(status=Offer.Status.ACCEPTED, respond_by=SAT)) is None


@given(
    st.dates(min_value=datetime.date(2026, 1, 1), max_value=datetime.date(2027, 12, 31)),
    st.none() | st.dates(min_value=datetime.date(2026, 1, 1), max_value=datetime.date(2028, 1, 1)),
)
def test_the_call_by_date_is_never_later_than_the_answer_deadline(decided_on, answer_by):
    p = timing.promptness(_at(decided_on), None, UTC, _at(decided_on, 11), answer_by=answer_by)
    assert p.call_by <= p.prompt_by
    if answer_by is not None:
        assert p.call_by <= answer_by


def test_a_call_on_the_second_working_day_is_prompt_and_the_day_after_is_late():
    now = _at(FRI, 9)
    on_time = timing.promptness(_at(FRI), _at(NEXT_TUE, 17), UTC, now)
    assert on_time.call_by == NEXT_TUE
    assert not on_time.late
    assert on_time.working_days_planned == 2
    late = timing.promptness(_at(FRI), _at(NEXT_TUE + datetime.timedelta(days=1), 9), UTC, now)
    assert late.late
    assert late.working_days_planned == 3


def test_a_call_over_the_weekend_after_a_thursday_decision_is_prompt():
    assert not timing.promptness(_at(THU), _at(SAT), UTC, _at(THU)).late


def test_an_unplanned_call_becomes_late_once_the_two_working_days_have_passed():
    assert not timing.promptness(_at(MON), None, UTC, _at(WED, 23)).late
    assert timing.promptness(_at(MON), None, UTC, _at(THU, 0)).late


def test_promptness_counts_days_in_the_users_own_time_zone():
    # Wednesday 23:30 in UTC is already Thursday in Paris.
    decided = datetime.datetime(2026, 11, 25, 23, 30, tzinfo=UTC)
    assert timing.promptness(decided, None, UTC, decided).call_by == FRI
    assert timing.promptness(decided, None, PARIS, decided).call_by == NEXT_MON


def test_a_decision_late_on_thursday_in_los_angeles_counts_from_thursday_not_friday():
    # 23:30 on Thursday in Los Angeles is already Friday morning in UTC.
    decided = datetime.datetime.combine(THU, datetime.time(23, 30), tzinfo=LOS_ANGELES)
    planned = datetime.datetime.combine(NEXT_MON, datetime.time(9), tzinfo=LOS_ANGELES)
    p = timing.promptness(decided, planned, LOS_ANGELES, decided)
    assert p.call_by == NEXT_MON
    assert not p.late
    # Friday and Monday: the second working day, not the first.
    assert p.working_days_planned == 2


def test_a_call_planned_late_on_the_last_day_in_los_angeles_is_prompt_across_the_weekend():
    # Decided on Friday; the call at 23:30 on Tuesday in Los Angeles is Wednesday in UTC.
    decided = datetime.datetime.combine(FRI, datetime.time(17), tzinfo=LOS_ANGELES)
    planned = datetime.datetime.combine(NEXT_TUE, datetime.time(23, 30), tzinfo=LOS_ANGELES)
    p = timing.promptness(decided, planned, LOS_ANGELES, decided)
    assert p.call_by == NEXT_TUE
    assert not p.late
    assert p.working_days_planned == 2


def test_an_unplanned_call_is_late_on_wednesday_morning_in_tokyo_while_utc_is_still_tuesday():
    # Decided late on Friday in Tokyo: the call was due by Tuesday.
    decided = datetime.datetime.combine(FRI, datetime.time(23, 30), tzinfo=TOKYO)
    wednesday_morning = datetime.datetime.combine(
        NEXT_TUE + ONE_DAY, datetime.time(8), tzinfo=TOKYO
    )
    tuesday_night = datetime.datetime.combine(NEXT_TUE, datetime.time(23, 59), tzinfo=TOKYO)
    assert timing.promptness(decided, None, TOKYO, wednesday_morning).late
    assert not timing.promptness(decided, None, TOKYO, tuesday_night).late


ZONES = [UTC, PARIS, TOKYO, LOS_ANGELES, zoneinfo.ZoneInfo("Pacific/Auckland")]


@given(
    decided=st.datetimes(
        min_value=datetime.datetime(2000, 1, 1),
        max_value=datetime.datetime(2100, 1, 1),
        timezones=st.just(UTC),
    ),
    zone=st.sampled_from(ZONES),
    hour=st.integers(0, 23),
)
def test_in_every_time_zone_the_last_day_is_prompt_and_the_day_after_is_late(decided, zone, hour):
    """Whatever the hour, in the user's own calendar: a call on the last day of the window is
    on time and counts two working days; the next day it is late, planned or not."""
    due = timing.promptness(decided, None, zone, decided).call_by
    on_last_day = datetime.datetime.combine(due, datetime.time(hour), tzinfo=zone)
    on_next_day = datetime.datetime.combine(due + ONE_DAY, datetime.time(hour), tzinfo=zone)
    last_day = timing.promptness(decided, on_last_day, zone, decided)
    assert not last_day.late
    assert last_day.working_days_planned == 2
    assert timing.promptness(decided, on_next_day, zone, decided).late
    assert not timing.promptness(decided, None, zone, on_last_day).late
    assert timing.promptness(decided, None, zone, on_next_day).late


def test_there_is_no_promptness_without_a_recorded_decision():
    assert timing.promptness(None, _at(MON), UTC, _at(MON)) is None


@given(st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 1, 1)))
def test_the_call_by_day_is_always_exactly_two_working_days_later(decided_on):
    due = timing.call_by(decided_on)
    assert timing.is_working_day(due)
    assert timing.working_days_after(decided_on, due) == 2
    assert 2 <= (due - decided_on).days <= 4


@given(
    st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 1, 1)),
    st.integers(min_value=0, max_value=60),
)
def test_working_days_after_matches_counting_day_by_day(start, length):
    end = start + datetime.timedelta(days=length)
    expected = sum(
        1 for i in range(1, length + 1) if (start + datetime.timedelta(days=i)).weekday() < 5
    )
    assert timing.working_days_after(start, end) == expected


# Whom to call ------------------------------------------------------------------------------------


def test_the_hiring_manager_is_called_by_default():
    recruiter = Contact(name="Sam Ortiz", role=Contact.Role.RECRUITER)
    manager = Contact(name="Morgan Lee", role=Contact.Role.HIRING_MANAGER)
    assert script.default_contact([recruiter, manager]) is manager


def test_the_recruiter_is_called_when_there_is_no_hiring_manager():
    hr = Contact(name="Kim Park", role=Contact.Role.HR)
    recruiter = Contact(name="Sam Ortiz", role=Contact.Role.RECRUITER)
    assert script.default_contact([hr, recruiter]) is recruiter


def test_nobody_is_chosen_when_there_is_neither():
    assert script.default_contact([Contact(name="Kim Park", role=Contact.Role.HR)]) is None
    assert script.default_contact([]) is None


def test_the_agency_call_goes_to_the_agency_contact():
    manager = Contact(name="Morgan Lee", role=Contact.Role.HIRING_MANAGER)
    agent = Contact(name="Ari Cole", role=Contact.Role.AGENCY)
    assert script.default_agency_contact([manager, agent]) is agent
    assert script.default_agency_contact([manager]) is None


# How ---------------------------------------------------------------------------------------------


def test_only_email_gets_advice_to_call_instead():
    assert "live conversation" in script.channel_advice("email")
    assert "short e-mail" in script.channel_advice("email")
    for channel in ("phone", "video", "in_person"):
        assert script.channel_advice(channel) is None


# The drafts --------------------------------------------------------------------------------------


def test_the_script_uses_the_contacts_first_name_the_role_and_the_company():
    offer = _offer()
    drafted = script.draft_script(offer, Contact(name="Morgan Lee"))
    assert set(drafted) == set(script.SCRIPT_SECTIONS)
    assert drafted["opening"].startswith("Hello Morgan,")
    assert "Northwind Freight" in drafted["opening"]
    assert "not be joining Northwind Freight as Data Engineer" in drafted["news"]
    assert all(text.strip() for text in drafted.values())


def test_the_script_greets_without_a_name_when_nobody_is_chosen():
    assert script.draft_script(_offer(), None)["opening"].startswith("Hello, thank you")


def test_the_reason_is_short_and_compares_no_companies():
    drafted = script.draft_script(_offer(), None)
    assert "career" in drafted["reason"]
    assert len(drafted["reason"]) < 200
    assert "Northwind" not in drafted["reason"]


def test_someone_who_has_started_says_they_are_leaving_and_returns_equipment():
    offer = _offer(status=Offer.Status.STARTED, notice_period="two weeks")
    drafted = script.draft_script(offer, None)
    assert "leave my role as Data Engineer" in drafted["news"]
    assert "notice period (two weeks)" in drafted["logistics"]
    assert "return my laptop" in drafted["logistics"]
    assert "onboarding" not in drafted["logistics"]


def test_someone_who_has_not_started_asks_to_cancel_onboarding_and_benefits():
    logistics = script.draft_logistics(_offer())
    assert "onboarding" in logistics
    assert "benefits enrolment" in logistics
    assert "relocation" not in logistics


def test_logistics_name_the_exact_amount_owed_on_the_day_of_the_call():
    offer = _offer(
        currency="EUR",
        status=Offer.Status.STARTED,
        accepted_on=datetime.date(2026, 9, 1),
        start_date=datetime.date(2026, 10, 1),
        repayment_terms="Relocation allowance repayable within 12 months.",
        repayment_for=Offer.RepaymentFor.RELOCATION,
        repayment_amount=Decimal("7500.50"),
        repayment_until=datetime.date(2027, 10, 1),
    )
    logistics = script.draft_logistics(offer, THU)
    assert "Under my agreement I owe EUR 7,500.50 back for the relocation." in logistics
    assert "stop any relocation arrangements" in logistics


def test_logistics_say_nothing_about_money_never_paid():
    # Accepted, starting in two weeks; the bonus is paid on the first day.
    offer = _offer(
        status=Offer.Status.ACCEPTED,
        accepted_on=THU - datetime.timedelta(days=10),
        start_date=THU + datetime.timedelta(days=14),
        signing_bonus=Decimal("5000"),
        repayment_amount=Decimal("5000"),
        repayment_until=THU + datetime.timedelta(days=14 + 365),
    )
    logistics = script.draft_logistics(offer, THU)
    assert "5,000" not in logistics
    assert "repay" not in logistics.lower() and "owe" not in logistics.lower()
    # A call planned after the first day, though, owes it all.
    assert "I owe USD 5,000 back" in script.draft_logistics(offer, THU + datetime.timedelta(15))


def test_a_signing_bonus_without_a_repayment_clause_is_not_mentioned():
    logistics = script.draft_logistics(_offer(signing_bonus=Decimal("3000")), THU)
    assert "signing bonus" not in logistics and "3,000" not in logistics


def test_there_is_a_drafted_answer_for_every_reaction():
    answers = script.draft_answers(_offer())
    assert set(answers) == set(PreparedAnswer.Reaction.values)
    assert all(text.strip() for text in answers.values())
    assert "final" in answers["reconsider"]


def test_the_repayment_answer_names_the_amount_only_when_something_is_owed():
    paid = _offer(
        status=Offer.Status.STARTED,
        accepted_on=MON - datetime.timedelta(days=40),
        start_date=MON - datetime.timedelta(days=30),
        repayment_amount=Decimal("5000"),
        repayment_ends=Offer.RepaymentEnds.PRO_RATA,
        repayment_months=12,
    )
    assert "I owe USD 5,000 back" in script.draft_answers(paid, MON)["repayment"]
    unpaid = _offer(
        status=Offer.Status.ACCEPTED,
        accepted_on=MON,
        start_date=NEXT_MON,
        repayment_amount=Decimal("5000"),
        repayment_until=NEXT_MON + datetime.timedelta(days=365),
    )
    answer = script.draft_answers(unpaid, MON)["repayment"]
    assert answer == "Nothing has been paid to me yet, so there is nothing to return."


def test_the_counter_offer_answer_claims_nothing_about_money():
    # Whatever the user's own pros say (a much higher salary, say), the drafted answer stays
    # neutral: it neither says the move is about money nor that it is not.
    for offer in (_offer(), _offer(status=Offer.Status.STARTED)):
        answers = script.draft_answers(offer, MON)
        assert "money" not in answers["counter_offer"].lower()
        assert "money" not in answers["why"].lower()
        assert "final" in answers["counter_offer"]


def test_the_reason_says_accepted_only_once_the_new_offer_is_accepted():
    received = _offer(company="Contoso", status=Offer.Status.RECEIVED)
    accepted = _offer(company="Contoso", status=Offer.Status.ACCEPTED)
    assert (
        "I have decided to take another position"
        in (script.draft_script(_offer(), None, received, MON)["reason"])
    )
    assert (
        "I have accepted another position"
        in (script.draft_script(_offer(), None, accepted, MON)["reason"])
    )


def test_the_stage_on_the_day_of_the_call_decides_joining_or_leaving():
    # Accepted, but the start date has passed by the day of the call: they are leaving a role.
    offer = _offer(status=Offer.Status.ACCEPTED, start_date=MON)
    assert "leave my role" in script.draft_script(offer, None, None, WED)["news"]
    assert "not be joining" in script.draft_script(offer, None, None, MON - ONE_DAY)["news"]


# After the call ----------------------------------------------------------------------------------


def test_backing_out_is_proposed_for_the_committed_offer_until_it_is_backed_out():
    change = plans.back_out_change(_offer())
    assert change.status == Offer.Status.BACKED_OUT
    assert "Backed out" in change.description
    assert plans.back_out_change(_offer(status=Offer.Status.BACKED_OUT)) is None


def test_accepting_is_proposed_only_for_a_chosen_offer_not_yet_accepted():
    assert plans.accept_change(_offer(status=Offer.Status.RECEIVED)) is not None
    for status in Offer.COMMITTED_STATUSES:
        assert plans.accept_change(_offer(status=status)) is None
