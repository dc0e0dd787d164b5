"""If I give notice on day D, when am I free? Plain Python, no Django.

A notice period is an amount of days, weeks or months, sometimes "to" a day of the month: the
contract then ends only on such a day, the first one once the period has run. Germany's default
(BGB §622) is four weeks to the 15th or the end of a month; during an agreed probation, two weeks.

The period starts the day after notice is given and ends on the same weekday (weeks) or the same
day of the month (months; the month's last day when it is shorter), as courts in most of Europe
count it. The last day is the last day of the contract; the person is free the day after.
"""

import calendar
import datetime
from dataclasses import dataclass

DAYS, WEEKS, MONTHS = "days", "weeks", "months"
# What a period runs to: any day, the 15th or the end of a month, the end of a month.
ANY_DAY, MID_OR_END, MONTH_END = "", "mid_or_end", "month_end"


@dataclass(frozen=True)
class Period:
    amount: int
    unit: str = WEEKS
    to: str = ANY_DAY


@dataclass(frozen=True)
class Terms:
    """What a contract says about leaving; every part may be unknown (None)."""

    start_date: datetime.date | None = None
    before_start: Period | None = None
    during_probation: Period | None = None
    after_probation: Period | None = None
    probation_months: int | None = None
    # The contract cannot be ended before the first day: notice runs from the first day.
    no_ending_before_start: bool = False


# Germany's defaults, for the tests and as an example of the shape.
GERMAN_DEFAULT = Period(4, WEEKS, MID_OR_END)
GERMAN_PROBATION = Period(2, WEEKS)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month ``months`` later; the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, _days_in(year, month)))


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=_days_in(day.year, day.month))


def _run(given_on: datetime.date, period: Period) -> datetime.date:
    if period.unit == MONTHS:
        return add_months(given_on, period.amount)
    return given_on + datetime.timedelta(days=period.amount * (7 if period.unit == WEEKS else 1))


def _to(day: datetime.date, to: str) -> datetime.date:
    """The first day on or after ``day`` that the contract may end on."""
    if to == MONTH_END:
        return _month_end(day)
    if to == MID_OR_END:
        return day.replace(day=15) if day.day <= 15 else _month_end(day)
    return day


def last_day(given_on: datetime.date, period: Period) -> datetime.date:
    """The contract's last day when notice of ``period`` is given on ``given_on``."""
    return _to(_run(given_on, period), period.to)


def period_for(given_on: datetime.date, terms: Terms) -> tuple[Period | None, datetime.date]:
    """The period that applies to notice given on ``given_on``, and the day it counts from."""
    start, counts_from = terms.start_date, given_on
    if start is not None and given_on < start:
        if terms.no_ending_before_start:
            counts_from = start
        elif terms.before_start is not None:
            return terms.before_start, given_on
    in_probation = (
        terms.probation_months
        and start is not None
        and counts_from < add_months(start, terms.probation_months)
    )
    if in_probation and terms.during_probation is not None:
        return terms.during_probation, counts_from
    return terms.after_probation or terms.during_probation or terms.before_start, counts_from


def contract_ends(given_on: datetime.date, terms: Terms) -> datetime.date | None:
    """The last day of the contract for notice given on ``given_on``; None when the contract's
    notice period is not known."""
    period, counts_from = period_for(given_on, terms)
    if period is None:
        return None
    return last_day(counts_from, period)


def free_from(given_on: datetime.date, terms: Terms) -> datetime.date | None:
    """The first day the person is free of the contract: the day after its last day. Never
    before ``given_on``."""
    ends = contract_ends(given_on, terms)
    return None if ends is None else ends + datetime.timedelta(days=1)


def describe(period: Period) -> str:
    """ "four weeks to the 15th or the end of a month", in plain words."""
    unit = period.unit[:-1] if period.amount == 1 else period.unit
    words = f"{_number(period.amount)} {unit}"
    return words + _TO_WORDS[period.to]


_TO_WORDS = {
    ANY_DAY: "",
    MID_OR_END: " to the 15th or the end of a month",
    MONTH_END: " to the end of a month",
}


_SMALL = "no one two three four five six seven eight nine ten eleven twelve".split()


def _number(n: int) -> str:
    return _SMALL[n] if 0 <= n < len(_SMALL) else str(n)
