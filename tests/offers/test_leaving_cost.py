"""What leaving costs, on its own: the realistic case first, then properties for any clause."""

import datetime
from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from offers.leaving_cost import (
    MAX_PRO_RATA_MONTHS,
    NOT_PAID,
    ON_DATE,
    ON_SIGNING,
    ON_START,
    PRO_RATA,
    RUN_OUT,
    UNTIL_DATE,
    Clause,
    Commitment,
    add_months,
    clause_of,
    commitment_of,
    months_completed,
    owed,
    payment_date,
    summary,
    table,
    why_nothing_owed,
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


def test_a_clause_that_has_run_out_says_so_and_never_that_the_money_was_not_paid():
    after_a_year = add_months(START, 12) + ONE_DAY
    assert why_nothing_owed(BONUS_FOR_A_YEAR, NOT_SIGNED, after_a_year) == RUN_OUT
    assert why_nothing_owed(BONUS_PRO_RATA, NOT_SIGNED, add_months(START, 12)) == RUN_OUT
    # Paid on the day someone leaves, but the clause had already run out before it.
    ran_out_first = Clause(
        D(1), paid=ON_DATE, paid_on=datetime.date(2027, 1, 10), until=datetime.date(2027, 1, 5)
    )
    assert why_nothing_owed(ran_out_first, NOT_SIGNED, datetime.date(2027, 1, 10)) == RUN_OUT


def test_money_not_paid_yet_or_never_is_not_paid_rather_than_run_out():
    assert why_nothing_owed(BONUS_FOR_A_YEAR, NOT_SIGNED, START - ONE_DAY) == NOT_PAID
    assert why_nothing_owed(BONUS_FOR_A_YEAR, Commitment(None, None), START) == NOT_PAID
    assert why_nothing_owed(Clause(D(0)), NOT_SIGNED, START) == NOT_PAID


def test_while_anything_is_owed_there_is_no_reason_why_nothing_is():
    assert why_nothing_owed(BONUS_FOR_A_YEAR, NOT_SIGNED, START) is None
    assert why_nothing_owed(Clause(D(1)), NOT_SIGNED, START) is None
    assert owed(Clause(D(1)), NOT_SIGNED, START) == D(1)


def test_a_pro_rata_share_rounds_half_a_cent_up():
    # 1,000.10 over 4 months, 3 served: 250.025 left, which is 250.03 (not the banker's 250.02).
    clause = Clause(D("1000.10"), paid=ON_START, ends=PRO_RATA, months=4)
    assert owed(clause, NOT_SIGNED, add_months(START, 3)) == D("250.03")


def test_pro_rata_without_months_costs_nothing_and_without_a_start_date_costs_everything():
    no_months = Clause(D(5000), paid=ON_START, ends=PRO_RATA, months=None)
    assert owed(no_months, NOT_SIGNED, START) == 0
    paid_on_a_date = Clause(D(5000), paid=ON_DATE, paid_on=TODAY, ends=PRO_RATA, months=12)
    assert owed(paid_on_a_date, Commitment(None, None), add_months(TODAY, 6)) == D(5000)


def test_the_table_dates_its_rows_from_today_and_the_first_day():
    rows = table(BONUS_PRO_RATA, NOT_SIGNED, TODAY)
    assert [row.day for row in rows[:3]] == [TODAY, START, datetime.date(2027, 3, 10)]


def _offer(**fields):
    money = {
        "repayment_amount": D(5000),
        "repayment_paid": ON_DATE,
        "repayment_paid_on": datetime.date(2027, 1, 15),
        "repayment_ends": PRO_RATA,
        "repayment_until": datetime.date(2028, 1, 1),
        "repayment_months": 18,
    }
    return SimpleNamespace(**{**money, **fields})


def test_an_offers_repayment_fields_make_its_clause():
    assert clause_of(_offer()) == Clause(
        D(5000),
        paid=ON_DATE,
        paid_on=datetime.date(2027, 1, 15),
        ends=PRO_RATA,
        until=datetime.date(2028, 1, 1),
        months=18,
    )


def test_an_offer_counts_as_signed_once_signed_or_started():
    accepted = TODAY - ONE_DAY
    for status in ("signed", "started"):
        offer = _offer(status=status, accepted_on=accepted, start_date=START)
        assert commitment_of(offer) == Commitment(signed_on=accepted, start_date=START)
    accepted_only = _offer(status="accepted", accepted_on=accepted, start_date=START)
    assert commitment_of(accepted_only) == Commitment(signed_on=None, start_date=START)


def test_someone_who_started_on_an_unrecorded_day_counts_from_the_acceptance():
    accepted = TODAY - ONE_DAY
    started = _offer(status="started", accepted_on=accepted, start_date=None)
    assert commitment_of(started).start_date == accepted
    signed = _offer(status="signed", accepted_on=accepted, start_date=None)
    assert commitment_of(signed).start_date is None


def test_the_clause_in_one_sentence():
    assert summary(BONUS_FOR_A_YEAR, "Signing bonus", "EUR") == (
        "EUR 5,000 (signing bonus), paid on your first day; "
        "all of it repayable until 10 December 2027."
    )
    on_signing = Clause(D(5000), paid=ON_SIGNING, ends=PRO_RATA, months=12)
    assert summary(on_signing, "Relocation", "EUR") == (
        "EUR 5,000 (relocation), paid when you sign; "
        "repayable pro rata, less each month, over 12 months from your first day."
    )
    on_a_date = Clause(D(5000), paid=ON_DATE, paid_on=START)
    assert summary(on_a_date, "Relocation", "EUR") == (
        "EUR 5,000 (relocation), paid on 10 December 2026; "
        "all of it repayable, with no end date recorded."
    )
    no_date = Clause(D(5000), paid=ON_DATE, ends=PRO_RATA)
    assert summary(no_date, "Relocation", "EUR") == (
        "EUR 5,000 (relocation), paid on a date not given; "
        "repayable pro rata, less each month, over 0 months from your first day."
    )


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


@given(clauses, commitments, days)
def test_nothing_owed_is_run_out_exactly_when_the_money_had_been_paid(clause, commitment, day):
    reason = why_nothing_owed(clause, commitment, day)
    if owed(clause, commitment, day) > 0:
        assert reason is None
    else:
        paid_on = payment_date(clause, commitment)
        paid = clause.amount > 0 and paid_on is not None and paid_on <= day
        assert reason == (RUN_OUT if paid else NOT_PAID)
