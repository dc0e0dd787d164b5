"""What leaving costs, on its own: the realistic case first, then properties for any clause."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from offers.leaving_cost import (
    MAX_PRO_RATA_MONTHS,
    ON_DATE,
    ON_SIGNING,
    ON_START,
    PRO_RATA,
    UNTIL_DATE,
    Clause,
    Commitment,
    add_months,
    months_completed,
    owed,
    payment_date,
    table,
)

D = Decimal
TODAY = datetime.date(2026, 11, 26)
START = TODAY + datetime.timedelta(days=14)  # Thursday 10 December 2026
ONE_DAY = datetime.timedelta(days=1)

# Accepted ten days ago, not signed, starting in 14 days: 5,000 paid on the first day, all of it
# to repay if leaving within a year of starting.
NOT_SIGNED = Commitment(signed_on=None, start_date=START)
BONUS_FOR_A_YEAR = Clause(D(5000), paid=ON_START, ends=UNTIL_DATE, until=add_months(START, 12))
BONUS_PRO_RATA = Clause(D(5000), paid=ON_START, ends=PRO_RATA, months=12)


def test_leaving_before_the_start_costs_nothing_the_bonus_was_never_paid():
    assert owed(BONUS_FOR_A_YEAR, NOT_SIGNED, TODAY) == 0
    assert owed(BONUS_FOR_A_YEAR, NOT_SIGNED, START - ONE_DAY) == 0
    assert owed(BONUS_PRO_RATA, NOT_SIGNED, TODAY) == 0


def test_leaving_the_day_after_the_start_costs_the_whole_bonus():
    assert owed(BONUS_FOR_A_YEAR, NOT_SIGNED, START + ONE_DAY) == D(5000)
    assert owed(BONUS_PRO_RATA, NOT_SIGNED, START + ONE_DAY) == D(5000)


def test_after_6_of_12_months_pro_rata_half_is_still_owed():
    assert owed(BONUS_PRO_RATA, NOT_SIGNED, add_months(START, 6)) == D(2500)
    assert owed(BONUS_PRO_RATA, NOT_SIGNED, add_months(START, 6) - ONE_DAY) == D("2916.67")


def test_pro_rata_runs_out_after_its_months_and_a_dated_clause_after_its_date():
    assert owed(BONUS_PRO_RATA, NOT_SIGNED, add_months(START, 12)) == 0
    assert owed(BONUS_FOR_A_YEAR, NOT_SIGNED, add_months(START, 12)) == D(5000)
    assert owed(BONUS_FOR_A_YEAR, NOT_SIGNED, add_months(START, 12) + ONE_DAY) == 0


def test_money_paid_on_signing_is_owed_once_signed_and_counts_from_the_start_until_then():
    clause = Clause(D(3000), paid=ON_SIGNING, until=add_months(START, 12))
    assert owed(clause, NOT_SIGNED, TODAY) == 0
    assert owed(clause, NOT_SIGNED, START) == D(3000)
    signed = Commitment(signed_on=TODAY - datetime.timedelta(days=3), start_date=START)
    assert owed(clause, signed, TODAY) == D(3000)


def test_money_paid_on_a_date_is_owed_from_that_date():
    clause = Clause(
        D(8000), paid=ON_DATE, paid_on=datetime.date(2027, 1, 15), until=datetime.date(2028, 1, 1)
    )
    assert owed(clause, NOT_SIGNED, datetime.date(2027, 1, 14)) == 0
    assert owed(clause, NOT_SIGNED, datetime.date(2027, 1, 15)) == D(8000)


def test_nothing_is_owed_without_a_payment_date_or_an_amount():
    assert payment_date(BONUS_FOR_A_YEAR, Commitment(None, None)) is None
    assert owed(BONUS_FOR_A_YEAR, Commitment(None, None), START) == 0
    assert owed(Clause(D(0)), NOT_SIGNED, START) == 0


def test_months_are_calendar_months_and_short_months_end_on_their_last_day():
    assert add_months(datetime.date(2027, 1, 31), 1) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2026, 12, 10), 13) == datetime.date(2028, 1, 10)
    assert months_completed(datetime.date(2027, 1, 31), datetime.date(2027, 2, 28)) == 1
    assert months_completed(datetime.date(2026, 12, 10), datetime.date(2027, 1, 9)) == 0
    assert months_completed(datetime.date(2026, 12, 10), datetime.date(2027, 1, 10)) == 1


def test_the_table_reads_now_the_first_day_and_3_6_12_months_after():
    rows = table(BONUS_PRO_RATA, NOT_SIGNED, TODAY)
    assert [row.label for row in rows] == [
        "Leaving now",
        "On your first day",
        "After 3 months",
        "After 6 months",
        "After 12 months",
    ]
    assert [row.owed for row in rows] == [D(0), D(5000), D(3750), D(2500), D(0)]
    assert rows[3].day == datetime.date(2027, 6, 10)


def test_without_a_start_date_the_table_says_so_rather_than_guess():
    rows = table(BONUS_FOR_A_YEAR, Commitment(None, None), TODAY)
    assert rows[0].owed == 0
    assert all(row.day is None and row.owed is None for row in rows[1:])


# Properties -------------------------------------------------------------------------------------

days = st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2035, 12, 31))
clauses = st.builds(
    Clause,
    amount=st.decimals(min_value=0, max_value=10_000_000, places=2),
    paid=st.sampled_from([ON_SIGNING, ON_START, ON_DATE]),
    paid_on=st.none() | days,
    ends=st.sampled_from([UNTIL_DATE, PRO_RATA]),
    until=st.none() | days,
    months=st.none() | st.integers(min_value=1, max_value=MAX_PRO_RATA_MONTHS),
)
commitments = st.builds(Commitment, signed_on=st.none() | days, start_date=st.none() | days)


@given(clauses, commitments, days)
def test_what_is_owed_is_never_negative_nor_more_than_the_amount(clause, commitment, day):
    assert D(0) <= owed(clause, commitment, day) <= clause.amount


@given(clauses, commitments, days)
def test_nothing_is_owed_before_the_money_is_paid(clause, commitment, day):
    paid_on = payment_date(clause, commitment)
    if paid_on is None or day < paid_on:
        assert owed(clause, commitment, day) == 0


@given(clauses, commitments, days, days)
def test_once_paid_what_is_owed_never_grows_as_the_leaving_day_moves_later(
    clause, commitment, first, second
):
    earlier, later = sorted((first, second))
    paid_on = payment_date(clause, commitment)
    if paid_on is not None and earlier >= paid_on:
        assert owed(clause, commitment, later) <= owed(clause, commitment, earlier)


@given(st.integers(min_value=1, max_value=MAX_PRO_RATA_MONTHS), days, days)
def test_pro_rata_owes_the_unserved_share_of_the_months(months, start, day):
    clause = Clause(D(1200), paid=ON_START, ends=PRO_RATA, months=months)
    commitment = Commitment(None, start)
    if day >= start:
        served = min(months_completed(start, day), months)
        expected = (D(1200) * (months - served) / months).quantize(D("0.01"), ROUND_HALF_UP)
        assert owed(clause, commitment, day) == expected
