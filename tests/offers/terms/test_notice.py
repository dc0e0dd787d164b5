"""If I give notice on day D, when am I free? The realistic cases first, then properties."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from offers import notice
from offers.notice import (
    DAYS,
    GERMAN_DEFAULT,
    GERMAN_PROBATION,
    MID_OR_END,
    MONTH_END,
    MONTHS,
    WEEKS,
    Period,
    Terms,
    contract_ends,
    free_from,
    last_day,
)

D = datetime.date
ONE_MONTH_TO_MONTH_END = Period(1, MONTHS, MONTH_END)


def test_four_weeks_to_the_15th_or_the_end_of_a_month():
    # Given on Saturday 5 December 2026: four weeks run to 2 January, so the 15th of January.
    assert last_day(D(2026, 12, 5), GERMAN_DEFAULT) == D(2027, 1, 15)
    # Given on 18 December: four weeks run to 15 January, which is a day it may end on.
    assert last_day(D(2026, 12, 18), GERMAN_DEFAULT) == D(2027, 1, 15)
    # A day later, the 15th has passed: the end of January.
    assert last_day(D(2026, 12, 19), GERMAN_DEFAULT) == D(2027, 1, 31)
    # February: given on 1 February 2027, four weeks end on 1 March, so the 15th of March.
    assert last_day(D(2027, 2, 1), GERMAN_DEFAULT) == D(2027, 3, 15)


def test_two_weeks_in_probation_end_on_any_day():
    assert last_day(D(2026, 12, 5), GERMAN_PROBATION) == D(2026, 12, 19)


def test_a_contracts_own_one_month_to_the_end_of_a_month():
    assert last_day(D(2026, 12, 5), ONE_MONTH_TO_MONTH_END) == D(2027, 1, 31)
    # 31 January plus a month is the last day of February, which is a month's end already.
    assert last_day(D(2027, 1, 31), ONE_MONTH_TO_MONTH_END) == D(2027, 2, 28)
    assert last_day(D(2028, 1, 31), ONE_MONTH_TO_MONTH_END) == D(2028, 2, 29)


def test_days_and_no_notice():
    assert last_day(D(2026, 12, 5), Period(10, DAYS)) == D(2026, 12, 15)
    assert last_day(D(2026, 12, 5), Period(0, WEEKS)) == D(2026, 12, 5)


def test_the_period_follows_the_day_notice_is_given():
    start = D(2027, 1, 1)
    terms = Terms(
        start_date=start,
        during_probation=GERMAN_PROBATION,
        after_probation=GERMAN_DEFAULT,
        probation_months=6,
    )
    # Before the start, with no period of its own: the probation's two weeks.
    assert contract_ends(D(2026, 12, 5), terms) == D(2026, 12, 19)
    # During probation: two weeks.
    assert contract_ends(D(2027, 3, 1), terms) == D(2027, 3, 15)
    # After six months: four weeks to the 15th or the end of a month.
    assert contract_ends(D(2027, 7, 1), terms) == D(2027, 7, 31)
    assert free_from(D(2027, 7, 1), terms) == D(2027, 8, 1)


def test_a_contract_that_rules_out_ending_before_the_start_counts_from_the_first_day():
    terms = Terms(
        start_date=D(2027, 1, 4), after_probation=GERMAN_DEFAULT, no_ending_before_start=True
    )
    assert contract_ends(D(2026, 12, 5), terms) == D(2027, 2, 15)


def test_a_period_of_its_own_before_the_start():
    terms = Terms(
        start_date=D(2027, 1, 4), before_start=Period(1, WEEKS), after_probation=GERMAN_DEFAULT
    )
    assert contract_ends(D(2026, 12, 5), terms) == D(2026, 12, 12)


def test_unknown_notice_gives_no_day():
    assert free_from(D(2026, 12, 5), Terms(start_date=D(2027, 1, 1))) is None


def test_periods_in_words():
    assert notice.describe(GERMAN_DEFAULT) == "four weeks to the 15th or the end of a month"
    assert notice.describe(Period(1, MONTHS, MONTH_END)) == "one month to the end of a month"
    assert notice.describe(Period(30, DAYS)) == "30 days"


days = st.dates(min_value=D(1990, 1, 1), max_value=D(2150, 12, 31))
periods = st.builds(
    Period,
    amount=st.integers(0, 24),
    unit=st.sampled_from([DAYS, WEEKS, MONTHS]),
    to=st.sampled_from(["", MID_OR_END, MONTH_END]),
)


@given(days, periods)
def test_never_before_the_day_notice_is_given(given_on, period):
    assert last_day(given_on, period) >= given_on


@given(days, st.integers(0, 400), periods)
def test_later_notice_never_frees_you_sooner(given_on, later_by, period):
    later = given_on + datetime.timedelta(days=later_by)
    assert last_day(later, period) >= last_day(given_on, period)


@given(days, periods)
def test_it_ends_on_a_day_the_contract_allows(given_on, period):
    ends = last_day(given_on, period)
    month_end = (ends + datetime.timedelta(days=1)).day == 1
    if period.to == MONTH_END:
        assert month_end
    if period.to == MID_OR_END:
        assert month_end or ends.day == 15


@given(days, st.integers(0, 400), days, st.integers(0, 12))
def test_with_probation_later_notice_never_frees_you_sooner(given_on, later_by, start, months):
    # The usual shape: the probation's period is no longer than the one after it.
    terms = Terms(
        start_date=start,
        during_probation=GERMAN_PROBATION,
        after_probation=GERMAN_DEFAULT,
        probation_months=months,
    )
    later = given_on + datetime.timedelta(days=later_by)
    assert free_from(later, terms) >= free_from(given_on, terms) > given_on
