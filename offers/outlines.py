"""An offer's outline: its names, status, dates and four-year total, read as plain rows for the
timeline and the dashboard; and those four years added up by the database."""

import datetime
import functools
from dataclasses import dataclass
from decimal import Decimal

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import (
    BooleanField,
    Case,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce, Least, Round

from offers.models import Offer


@dataclass(eq=False, slots=True)
class OfferOutline:
    """An offer's names, status, dates and four-year total: all the timeline and the dashboard
    read of it.

    Loaded as plain rows of the few columns they need, without building the models (five hundred
    offers cost a fraction as much), and answering with the model's own rules: its methods, not
    copies of them. The money is one figure the database adds up (``four_year_headline``).
    Slotted rather than frozen: a frozen dataclass sets each field through ``object.__setattr__``,
    which made building five hundred outlines cost some eight times as much."""

    # The offer's own columns; then what the dashboard asks of the database besides
    # (``outlines()``), which the timeline leaves out (``outlines(with_totals=False)``).
    FIELDS = (
        *("pk", "role", "company", "status", "is_example"),
        *("expected_on", "respond_by", "start_date", "currency"),
    )
    ASKED = (
        "four_year_headline",  # added up by the database: see with_four_year_headline()
        "has_figures",  # compensation.has_figures, asked of the database
        "owes_withdrawal",  # a withdrawal from it not told yet: see untold_withdrawal()
    )

    pk: int
    role: str
    company: str
    status: str
    is_example: bool
    expected_on: datetime.date | None
    respond_by: datetime.date | None
    start_date: datetime.date | None
    currency: str
    four_year_headline: Decimal | None = None  # outlines(with_totals=False) leaves it out
    has_figures: bool | None = None  # and this
    owes_withdrawal: bool | None = None  # and this

    Status = Offer.Status
    OPEN_STATUSES = Offer.OPEN_STATUSES
    COMMITTED_STATUSES = Offer.COMMITTED_STATUSES
    IN_PLAY_STATUSES = Offer.IN_PLAY_STATUSES

    __str__ = Offer.__str__
    get_absolute_url = Offer.get_absolute_url
    is_committed = Offer.is_committed
    is_open = Offer.is_open
    is_expected = Offer.is_expected
    is_in_play = Offer.is_in_play
    days_until_deadline = Offer.days_until_deadline
    deadline_state = Offer.deadline_state

    def get_status_display(self) -> str:
        return self.Status(self.status).label


def four_year_headline() -> RawSQL:
    """Each offer's four years as its table prints them (``compensation.headline``), added up by
    the database (tests/offers/test_four_year_total.py checks they agree)."""
    sql, params = _four_year_sql()
    return RawSQL(sql, params, output_field=_TOTAL)


_TOTAL = DecimalField(max_digits=20, decimal_places=2)


def untold_withdrawal() -> Exists:
    """Whether a withdrawal from the offer is not told yet (owed or not: the offers decide,
    ``Withdrawal.is_pending``), so a page reads which only when some offer has one."""
    return _untold_withdrawal()


@functools.cache
def _untold_withdrawal() -> Exists:
    # Made once a process: Django copies an expression as it adds it to a query.
    from offers.withdrawals.models import Withdrawal

    return Exists(Withdrawal.objects.filter(offer=OuterRef("pk"), told_at__isnull=True))


def has_figures() -> RawSQL:
    """``compensation.has_figures`` as a column (``figures_entered``), compiled once as the sum
    below is: its ten conditions took Django a third of a millisecond a request."""
    sql, params = _has_figures_sql()
    return RawSQL(sql, params, output_field=BooleanField())


@functools.cache
def _four_year_sql() -> tuple[str, list]:
    """The sum below, compiled to SQL once: Django takes longer to compile it (some 6 ms) than
    the database takes to add it up for hundreds of offers."""
    return _compiled(_four_year_sum())


@functools.cache
def _has_figures_sql() -> tuple[str, list]:
    from offers.querysets import figures_entered  # Offer's QuerySet: made before Offer

    return _compiled(ExpressionWrapper(figures_entered(), output_field=BooleanField()))


def _compiled(expression) -> tuple[str, list]:
    """``expression`` of an offer's columns as SQL. Its constants (the sum has some eighty: 1,
    0.01, the rounding digits) are written into the SQL as the database driver would send them
    (``compose_sql``), rather than passed as parameters: the driver reads a query with fewer than
    fifty parameters once and remembers it, but re-reads one with more on every request."""
    query = Offer.objects.all().query
    connection = connections[DEFAULT_DB_ALIAS]
    sql, params = query.get_compiler(connection=connection).compile(
        expression.resolve_expression(query)
    )
    # "%" would read as a parameter's place in the query this is part of.
    return connection.ops.compose_sql(sql, params).replace("%", "%%"), []


def _four_year_sum():
    """``compensation.headline``'s four years in SQL: each year's salary (with the yearly raise)
    and bonus rounded to the cent, the signing bonus, four years of benefits, and the equity
    vested after 48 months (nothing before the cliff; a custom schedule's first four yearly
    shares, or an even share of each year) less the discount, each rounded again to a whole unit
    as the offer's table prints them and adds them up. Percentages are multiplied by 0.01 rather
    than divided by 100, so the database rounds nothing the compensation module does not."""

    exact = DecimalField(max_digits=60, decimal_places=30)
    one, hundredth = Value(Decimal(1), exact), Value(Decimal("0.01"), exact)
    growth = one + F("yearly_raise_percent") * hundredth
    salaries = [F("base_salary") * one]
    for _year in range(3):
        salaries.append(salaries[-1] * growth)
    fixed_bonus = Round(Coalesce(F("target_bonus"), Value(Decimal(0), exact)), 2)
    bonuses = [
        Case(
            When(
                target_bonus_percent__isnull=False,
                then=Round(s * F("target_bonus_percent") * hundredth, 2),
            ),
            default=fixed_bonus,
            output_field=exact,
        )
        for s in salaries
    ]
    shares = [
        Coalesce(Cast(KT(f"vesting_percentages__{year}"), exact), Value(Decimal(0), exact))
        for year in range(4)
    ]
    vested = Case(
        When(cliff_months__gt=48, then=Value(Decimal(0), exact)),
        When(
            Q(vesting_schedule=Offer.VestingSchedule.CUSTOM) & ~Q(vesting_percentages=[]),
            then=Least(sum(shares[1:], shares[0]) * hundredth, one),
        ),
        default=Cast(Least(F("vesting_years"), Value(4)), exact) / F("vesting_years"),
        output_field=exact,
    )
    equity = Round(F("equity_value") * vested * (one - F("equity_discount_percent") * hundredth), 2)
    parts = [*(Round(s, 2) for s in salaries), *bonuses, Round(F("signing_bonus"), 2)]
    parts = [Round(part, 0) for part in parts]
    parts += [Round(Round(F("benefits_value"), 2), 0) * Value(Decimal(4), exact), Round(equity, 0)]
    return ExpressionWrapper(sum(parts[1:], parts[0]), output_field=_TOTAL)
