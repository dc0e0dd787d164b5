"""What leaving costs in money paid back: "if I leave on date D, what do I owe?" Plain Python.

A repayment clause says how much, when that money is (or was) paid, and how the obligation runs
out: all of it until a date, or pro rata month by month over N months from the start. Money never
paid is never owed: a bonus paid on the first day costs nothing to someone who leaves before it.
"""

import calendar
import datetime
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal

from crossroads.formats import format_date, format_money

# When the money is paid.
ON_SIGNING, ON_START, ON_DATE = "on_signing", "on_start", "on_date"
# How the obligation runs out.
UNTIL_DATE, PRO_RATA = "until_date", "pro_rata"
MAX_PRO_RATA_MONTHS = 120
CENT = Decimal("0.01")
# The offer's statuses once a contract is signed (``Offer.Status`` takes these values).
SIGNED, STARTED = "signed", "started"


@dataclass(frozen=True)
class Clause:
    amount: Decimal
    paid: str = ON_START  # ON_SIGNING, ON_START or ON_DATE
    paid_on: datetime.date | None = None  # the date, for ON_DATE
    ends: str = UNTIL_DATE  # UNTIL_DATE or PRO_RATA
    until: datetime.date | None = None  # for UNTIL_DATE; None: no end recorded
    months: int | None = None  # for PRO_RATA


@dataclass(frozen=True)
class Commitment:
    """Where the user stands with the employer: the day they signed (None: not signed yet) and
    their first day (None: not known)."""

    signed_on: datetime.date | None
    start_date: datetime.date | None


# What ``clause_of`` and ``commitment_of`` read of an offer: a page that works out what leaving it
# costs loads these of its columns.
READ_FIELDS = (
    *(f"repayment_{field.name}" for field in fields(Clause)),
    *("status", "accepted_on", "start_date"),
)


def clause_of(offer) -> Clause:
    """The repayment clause of anything with the Offer model's ``repayment_*`` fields."""
    return Clause(
        amount=offer.repayment_amount,
        paid=offer.repayment_paid,
        paid_on=offer.repayment_paid_on,
        ends=offer.repayment_ends,
        until=offer.repayment_until,
        months=offer.repayment_months,
    )


def commitment_of(offer) -> Commitment:
    """When the user signed (the acceptance day stands for it once the offer is signed or
    started) and when they start: what the leaving cost counts from. ``offer`` is anything with
    the Offer model's ``status``, ``accepted_on`` and ``start_date``."""
    signed = offer.status in (SIGNED, STARTED)
    start = offer.start_date
    if start is None and offer.status == STARTED:
        start = offer.accepted_on
    return Commitment(signed_on=offer.accepted_on if signed else None, start_date=start)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months later, or the month's last day if it is shorter
    (31 January plus one month is 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_completed(start: datetime.date, day: datetime.date) -> int:
    """Whole calendar months from ``start`` up to ``day`` (0 before one full month)."""
    if day <= start:
        return 0
    months = (day.year - start.year) * 12 + day.month - start.month
    while months > 0 and add_months(start, months) > day:
        months -= 1
    return months


def payment_date(clause: Clause, commitment: Commitment) -> datetime.date | None:
    """The day the money is or would be paid; None when it would never be paid.

    Someone not signed yet would sign by their first day at the latest, so money paid on signing
    counts from the start date until the signature is recorded."""
    if clause.paid == ON_DATE:
        return clause.paid_on
    if clause.paid == ON_SIGNING:
        return commitment.signed_on or commitment.start_date
    return commitment.start_date


def owed(clause: Clause, commitment: Commitment, leaving_on: datetime.date) -> Decimal:
    """What leaving on ``leaving_on`` costs: nothing if the money was never paid by then,
    otherwise the full amount or the share still owed, to the cent.

    Never negative, never more than the amount, and once the money is paid it never grows as the
    leaving day moves later."""
    amount = max(clause.amount, Decimal(0))
    paid_on = payment_date(clause, commitment)
    if amount == 0 or paid_on is None or leaving_on < paid_on:
        return Decimal(0)
    if clause.ends == PRO_RATA:
        months = clause.months or 0
        if months <= 0:
            return Decimal(0)
        # Without a start date, the months cannot be counted down: the whole amount stands.
        served = months_completed(commitment.start_date, leaving_on) if commitment.start_date else 0
        share = amount * max(months - served, 0) / months
        return share.quantize(CENT, rounding=ROUND_HALF_UP)
    if clause.until is not None and leaving_on > clause.until:
        return Decimal(0)
    return amount


NOT_PAID, RUN_OUT = "not_paid", "run_out"


def why_nothing_owed(clause: Clause, commitment: Commitment, leaving_on: datetime.date):
    """NOT_PAID when the money is not paid by ``leaving_on``, RUN_OUT when it was but the
    obligation has run out; None when something is owed."""
    if owed(clause, commitment, leaving_on) > 0:
        return None
    paid_on = payment_date(clause, commitment)
    if clause.amount <= 0 or paid_on is None or leaving_on < paid_on:
        return NOT_PAID
    return RUN_OUT


@dataclass(frozen=True)
class Moment:
    label: str
    day: datetime.date | None  # None: the start date is not known
    owed: Decimal | None


def table(clause: Clause, commitment: Commitment, today: datetime.date) -> list[Moment]:
    """What leaving costs now, on the first day, and 3, 6 and 12 months after it."""
    start = commitment.start_date
    rows = [Moment("Leaving now", today, owed(clause, commitment, today))]
    rows.append(Moment("On your first day", start, start and owed(clause, commitment, start)))
    for months in (3, 6, 12):
        day = start and add_months(start, months)
        rows.append(Moment(f"After {months} months", day, day and owed(clause, commitment, day)))
    return rows


def summary(clause: Clause, what: str, currency: str) -> str:
    """The clause in one sentence: what (``what``, such as "Signing bonus"), how much, when
    paid, how it runs out."""
    if clause.paid == ON_DATE:
        paid = "paid on " + (format_date(clause.paid_on) if clause.paid_on else "a date not given")
    else:
        paid = {ON_SIGNING: "paid when you sign", ON_START: "paid on your first day"}[clause.paid]
    if clause.ends == PRO_RATA:
        months = clause.months or 0
        ends = f"repayable pro rata, less each month, over {months} months from your first day"
    elif clause.until:
        ends = f"all of it repayable until {format_date(clause.until)}"
    else:
        ends = "all of it repayable, with no end date recorded"
    return f"{format_money(clause.amount, currency)} ({what.lower()}), {paid}; {ends}."
