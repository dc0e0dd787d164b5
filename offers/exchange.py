"""Money in different currencies, compared with exchange rates the user set. Plain Python: no
Django, no HTTP, tested directly.

A rate says "one unit of ``currency`` is ``per_unit`` of ``home``". The app never fetches one: the
user types it, with the day they took it. A rate works both ways (dollars into euros and back),
and never through a third currency: each conversion uses exactly one rate the user can see.

The rule every comparison follows:
- offers all in one currency are compared in it, converting nothing (a rate for another
  currency changes nothing);
- otherwise everything is compared in the user's home currency, and an offer whose currency has
  no rate to it is left out and named, never added to or ranked against the others;
- an offer with no figures yet (``compensation.has_figures``) is left out and named too: it is
  not worth nothing, its money is not known.
"""

import datetime
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import get_currency_precision

from crossroads.formats import format_exact, local_currency

CENT = Decimal("0.01")
ONE = Decimal(1)
# A rate taken longer ago than this gets a gentle note.
OLD_AFTER_DAYS = 30
# A rate that makes one offer worth this many times another is probably a slip of a digit.
SUSPICIOUS_RATIO = 1000
# What the user may say about an offer's place and taxes.
COST_OF_LIVING_RANGE = (Decimal("0.2"), Decimal(5))
TAX_PERCENT_RANGE = (Decimal(0), Decimal(90))


@dataclass(frozen=True)
class Rate:
    currency: str
    home: str
    per_unit: Decimal
    taken_on: datetime.date
    source: str = ""

    def __str__(self):
        return f"1 {self.currency} = {format_exact(self.per_unit)} {self.home}"

    def age_in_days(self, today: datetime.date) -> int:
        return (today - self.taken_on).days

    def is_old(self, today: datetime.date) -> bool:
        return self.age_in_days(today) > OLD_AFTER_DAYS


@dataclass(frozen=True)
class Amount:
    """An amount in ``currency``; when it was converted, the original and the rate used."""

    value: Decimal
    currency: str
    original: Decimal
    original_currency: str
    rate: Rate | None = None

    @property
    def converted(self) -> bool:
        return self.rate is not None

    @property
    def per_unit(self) -> Decimal | None:
        """What one unit of the original currency was counted as, whichever way the rate was
        set: 0.92 for dollars into euros at "1 USD = 0.92 EUR", 1/0.92 the other way."""
        if self.rate is None:
            return None
        if self.rate.currency == self.original_currency:
            return self.rate.per_unit
        return ONE / self.rate.per_unit


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _minor_units(value: Decimal, currency: str) -> Decimal:
    """``value`` rounded to the currency's own smallest unit: cents for EUR, whole yen."""
    digits = get_currency_precision(currency) if currency else 2
    return value.quantize(Decimal(10) ** -digits, rounding=ROUND_HALF_UP)


class Rates:
    """The user's rates, looked up either way round."""

    def __init__(self, rates: Iterable[Rate] = ()):
        self._by_pair = {(rate.currency, rate.home): rate for rate in rates if rate.per_unit > 0}

    def __iter__(self):
        return iter(self._by_pair.values())

    def __len__(self):
        return len(self._by_pair)

    def between(self, source: str, target: str) -> Rate | None:
        """The rate that converts ``source`` into ``target``, set either way round."""
        return self._by_pair.get((source, target)) or self._by_pair.get((target, source))

    def factor(self, source: str, target: str) -> Decimal | None:
        """How much of ``target`` one unit of ``source`` is; None without a rate."""
        if source == target:
            return ONE
        rate = self.between(source, target)
        if rate is None:
            return None
        return rate.per_unit if rate.currency == source else ONE / rate.per_unit

    def convert(self, value: Decimal, source: str, target: str) -> Amount | None:
        """``value`` of ``source`` in ``target``, to ``target``'s smallest unit (the cent, the
        yen); None when there is no rate."""
        if source == target:
            return Amount(value, target, value, source)
        factor = self.factor(source, target)
        if factor is None:
            return None
        return Amount(
            _minor_units(value * factor, target),
            target,
            value,
            source,
            self.between(source, target),
        )


def compared_in(currencies: Iterable[str], home: str) -> str:
    """The currency a comparison is made in: the offers' own when they share one, else home."""
    found = set(currencies)
    return found.pop() if len(found) == 1 else home


@dataclass(frozen=True)
class Comparison:
    """Amounts that can honestly be set against each other, all in ``currency``."""

    currency: str
    amounts: dict  # key -> Amount, only the comparable ones, in the caller's order
    left_out: tuple = ()  # keys whose currency has no rate to ``currency``
    missing: tuple[str, ...] = ()  # those currencies, sorted
    rates: tuple[Rate, ...] = field(default=())  # the rates used, by currency
    no_figures: tuple = ()  # keys with no figures yet: neither compared nor converted

    @property
    def complete(self) -> bool:
        return not self.left_out

    @property
    def converts(self) -> bool:
        return bool(self.rates)

    def old_rates(self, today: datetime.date) -> list[Rate]:
        return [rate for rate in self.rates if rate.is_old(today)]

    def best(self) -> Hashable | None:
        """The key worth most, or None when nothing can honestly be singled out: an offer left
        out for want of a rate, fewer than two offers, a tie at the top or no money at all."""
        if not self.complete or len(self.amounts) < 2:
            return None
        top = max(amount.value for amount in self.amounts.values())
        winners = [key for key, amount in self.amounts.items() if amount.value == top]
        return winners[0] if top > 0 and len(winners) == 1 else None

    def ranking(self) -> list[Hashable]:
        """The comparable keys, the most money first; ties keep the caller's order."""
        return sorted(self.amounts, key=lambda key: -self.amounts[key].value)


def compare(
    totals: Mapping[Hashable, tuple[Decimal, str]],
    home: str,
    rates: Rates,
    no_figures: Iterable[Hashable] = (),
) -> Comparison:
    """Set ``totals`` (key -> (amount, currency)) against each other.

    One currency throughout: nothing is converted. Several: each is converted into ``home``; a
    currency with no rate to it is left out (and named), never mixed in. The keys in
    ``no_figures`` (offers with no figures yet) are left out before anything else, so their
    currency neither decides the comparison's nor asks for a rate."""
    skipped = set(no_figures)
    no_figures = tuple(key for key in totals if key in skipped)
    totals = {key: total for key, total in totals.items() if key not in no_figures}
    target = compared_in((currency for _, currency in totals.values()), home)
    amounts, left_out, missing, used = {}, [], set(), {}
    for key, (value, currency) in totals.items():
        amount = rates.convert(value, currency, target)
        if amount is None:
            left_out.append(key)
            missing.add(currency)
            continue
        amounts[key] = amount
        if amount.rate is not None:
            used[amount.rate.currency, amount.rate.home] = amount.rate
    return Comparison(
        currency=target,
        amounts=amounts,
        left_out=tuple(left_out),
        missing=tuple(sorted(missing)),
        rates=tuple(sorted(used.values(), key=lambda rate: (rate.currency, rate.home))),
        no_figures=no_figures,
    )


# The offers in each currency that can decide a comparison: its best two. The best of all is the
# best of some currency, and a tie at the top is a tie between the best two of one currency or
# between the bests of two, so comparing these finds the same best (or none) as comparing all.
LEADERS_PER_CURRENCY = 2


def leaders(totals: Mapping[Hashable, tuple[Decimal, str]]) -> dict:
    """The ``LEADERS_PER_CURRENCY`` largest of ``totals`` (key -> (amount, currency)) in each
    currency, in the caller's order: ``compare()`` of them names the same best as of them all,
    converts with the same rates and misses the same currencies, without converting every one."""
    ranked = sorted(totals.items(), key=lambda item: -item[1][0])
    kept, counts = set(), {}
    for key, (_value, currency) in ranked:
        if counts.get(currency, 0) < LEADERS_PER_CURRENCY:
            counts[currency] = counts.get(currency, 0) + 1
            kept.add(key)
    return {key: total for key, total in totals.items() if key in kept}


def suspicious_ratio(these: Iterable[Decimal], others: Iterable[Decimal]) -> Decimal | None:
    """How many times the richest of ``these`` is worth the poorest of ``others``, or the other
    way round, when that is ``SUSPICIOUS_RATIO`` or more: a sign that a rate was mistyped.
    Amounts of zero (no figures yet) are ignored. None when nothing looks wrong."""
    these = [value for value in these if value > 0]
    others = [value for value in others if value > 0]
    if not these or not others:
        return None
    ratio = max(max(these) / min(others), max(others) / min(these))
    return ratio if ratio >= SUSPICIOUS_RATIO else None


def most_used_currency(currencies: Iterable[str], default: str) -> str:
    """The currency that appears most often; a tie goes to the earliest code alphabetically."""
    counts: dict[str, int] = {}
    for currency in currencies:
        counts[currency] = counts.get(currency, 0) + 1
    if not counts:
        return default
    return min(counts, key=lambda currency: (-counts[currency], currency))


def comparison_currency(user, offer_currencies: Iterable[str]) -> str:
    """The user's home currency: the one chosen, else the one most of ``offer_currencies`` use
    (the currencies of the user's offers, loaded by the caller), else the currency of the
    country of their number format."""
    return user.home_currency or most_used_currency(
        offer_currencies, default=local_currency(user.number_format)
    )


# Adjustments the user may set per offer. Both are rough: estimates, never advice.


def after_tax(value: Decimal, tax_percent: Decimal | None) -> Decimal | None:
    """``value`` less a flat estimated tax rate, to the cent; None without an estimate."""
    if tax_percent is None:
        return None
    return _cents(value * (100 - tax_percent) / 100)


def in_purchasing_power(value: Decimal, cost_of_living: Decimal | None) -> Decimal | None:
    """``value`` divided by how much more living costs there (1.15: 15% dearer than the place
    the user compares with), to the cent; None without a factor."""
    if cost_of_living is None:
        return None
    return _cents(value / cost_of_living)
