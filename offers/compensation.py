"""The money of an offer, year by year. Plain Python: no Django, no HTTP, tested directly.

All amounts are Decimals in the offer's own currency. Nothing here ever adds amounts of
different currencies: ``same_currency`` tells the caller, and ``compensation_ratings`` refuses to
rank offers paid in different currencies.
"""

from dataclasses import dataclass, field, fields
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
# The vesting schedules (``Offer.VestingSchedule`` takes these values): the same share every
# year, or the user's own yearly percentages.
EVEN, CUSTOM = "even", "custom"


@dataclass(frozen=True)
class Package:
    currency: str
    base_salary: Decimal = ZERO
    target_bonus: Decimal | None = None
    target_bonus_percent: Decimal | None = None
    signing_bonus: Decimal = ZERO
    equity_value: Decimal = ZERO
    vesting_years: int = 4
    cliff_months: int = 12
    # Custom yearly shares in percent, adding up to 100; empty means an even schedule.
    vesting_percentages: tuple[Decimal, ...] = field(default_factory=tuple)
    benefits_value: Decimal = ZERO
    yearly_raise_percent: Decimal = ZERO
    equity_discount_percent: Decimal = ZERO


# What ``package_of`` reads of an offer: a page that prices offers loads these columns.
PACKAGE_FIELDS = (*(f.name for f in fields(Package)), "vesting_schedule")


def package_of(offer) -> Package:
    """The money of anything with the Offer model's money and vesting fields. Yearly percentages
    count only for a custom schedule."""
    custom = offer.vesting_schedule == CUSTOM
    return Package(
        currency=offer.currency,
        base_salary=offer.base_salary,
        target_bonus=offer.target_bonus,
        target_bonus_percent=offer.target_bonus_percent,
        signing_bonus=offer.signing_bonus,
        equity_value=offer.equity_value,
        vesting_years=offer.vesting_years,
        cliff_months=offer.cliff_months,
        vesting_percentages=tuple(Decimal(str(p)) for p in offer.vesting_percentages)
        if custom
        else (),
        benefits_value=offer.benefits_value,
        yearly_raise_percent=offer.yearly_raise_percent,
        equity_discount_percent=offer.equity_discount_percent,
    )


# The money a person enters for an offer. An offer with none of them above zero has no figures
# yet (an offer expected before its terms are known): every page says "No figures yet" for it
# and leaves it out of totals, charts and rankings, never shows it as worth nothing.
NO_FIGURES = "No figures yet"
MONEY_FIELDS = ("base_salary", "target_bonus", "signing_bonus", "equity_value", "benefits_value")


def has_figures(package: Package) -> bool:
    """Whether any money was entered for ``package`` (a bonus as a percentage of no salary is
    no money). The one rule for "No figures yet"; ``OfferQuerySet.with_figures`` asks the
    database the same of ``MONEY_FIELDS``."""
    return any((getattr(package, name) or ZERO) > 0 for name in MONEY_FIELDS)


@dataclass(frozen=True)
class Year:
    number: int
    salary: Decimal
    bonus: Decimal
    signing_bonus: Decimal
    equity: Decimal
    benefits: Decimal

    @property
    def cash(self) -> Decimal:
        return self.salary + self.bonus + self.signing_bonus

    @property
    def total(self) -> Decimal:
        return self.cash + self.equity + self.benefits


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def yearly_shares(package: Package) -> tuple[Decimal, ...]:
    """The fraction of the grant that the schedule assigns to each year (summing to 1)."""
    if package.vesting_percentages:
        return tuple(p / HUNDRED for p in package.vesting_percentages)
    years = max(package.vesting_years, 1)
    return tuple(Decimal(1) / years for _ in range(years))


def vested_fraction(package: Package, months: int) -> Decimal:
    """How much of the grant has vested after ``months``: nothing before the cliff, then all
    that the schedule has accrued in whole years (so at the cliff, everything accrued so far)."""
    if months < package.cliff_months or months <= 0:
        return ZERO
    shares = yearly_shares(package)
    whole_years = min(months // 12, len(shares))
    return min(sum(shares[:whole_years], ZERO), Decimal(1))


def vesting_terms(package: Package) -> str:
    """How the grant vests, in words: "vesting over 4 years, evenly, after a 12-month cliff",
    or for a custom schedule "vesting over 4 years (5%, 15%, 40%, 40%), with no cliff"."""
    years = package.vesting_years
    terms = f"vesting over {years} year{'s' if years != 1 else ''}"
    if package.vesting_percentages:
        terms += " ({})".format(", ".join(f"{share:f}%" for share in package.vesting_percentages))
    else:
        terms += ", evenly"
    if package.cliff_months:
        return f"{terms}, after a {package.cliff_months}-month cliff"
    return f"{terms}, with no cliff"


def yearly_bonus(package: Package, salary: Decimal) -> Decimal:
    if package.target_bonus_percent is not None:
        return salary * package.target_bonus_percent / HUNDRED
    return package.target_bonus or ZERO


def breakdown(package: Package, years: int = 4) -> list[Year]:
    """The money of each of the first ``years`` years."""
    raise_factor = 1 + package.yearly_raise_percent / HUNDRED
    keep_of_equity = 1 - package.equity_discount_percent / HUNDRED
    lines = []
    # Equity is rounded on the running total, not year by year, so the cents never add up to
    # more than the grant.
    equity_so_far = ZERO
    for number in range(1, years + 1):
        salary = package.base_salary * raise_factor ** (number - 1)
        vested_by_then = _money(
            package.equity_value * vested_fraction(package, 12 * number) * keep_of_equity
        )
        lines.append(
            Year(
                number=number,
                salary=_money(salary),
                bonus=_money(yearly_bonus(package, salary)),
                signing_bonus=_money(package.signing_bonus) if number == 1 else ZERO,
                equity=vested_by_then - equity_so_far,
                benefits=_money(package.benefits_value),
            )
        )
        equity_so_far = vested_by_then
    return lines


@dataclass(frozen=True)
class Row:
    label: str
    amounts: tuple[Decimal, ...]

    @property
    def total(self) -> Decimal:
        return sum(self.amounts, ZERO)


def _whole(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def table(package: Package, years: int = 4) -> list[Row]:
    """The breakdown turned on its side for people: one row per kind of money, one column per
    year, the last row the yearly totals.

    A projection is an estimate, so every cell is in whole units of the currency. Each cell is
    rounded on its own (equity on its running total, so it never vests more than the grant) and
    the totals add up the rounded cells: the table always adds up as printed."""
    lines = breakdown(package, years)
    equity, vested_so_far, shown_so_far = [], ZERO, ZERO
    for line in lines:
        vested_so_far += line.equity
        equity.append(_whole(vested_so_far) - shown_so_far)
        shown_so_far = _whole(vested_so_far)
    rows = [
        Row("Base salary", tuple(_whole(line.salary) for line in lines)),
        Row("Bonus", tuple(_whole(line.bonus) for line in lines)),
        Row("Signing bonus", tuple(_whole(line.signing_bonus) for line in lines)),
        Row("Equity vested", tuple(equity)),
        Row("Benefits", tuple(_whole(line.benefits) for line in lines)),
    ]
    totals = tuple(sum((row.amounts[i] for row in rows), ZERO) for i in range(years))
    return [*rows, Row("Total", totals)]


def headline(package: Package) -> tuple[Decimal, Decimal]:
    """The first-year and four-year totals as the offer's table shows them (whole units)."""
    total = table(package, 4)[-1]
    return total.amounts[0], total.total


def first_year(package: Package) -> Decimal:
    """``headline``'s first figure alone: a table of one year has the same first column."""
    return table(package, 1)[-1].amounts[0]


def total_over(package: Package, years: int) -> Decimal:
    return sum((year.total for year in breakdown(package, years)), ZERO)


def four_year_total(package: Package) -> Decimal:
    return total_over(package, 4)


def currencies(packages) -> list[str]:
    """The distinct currency codes of ``packages``, sorted."""
    return sorted({p.currency for p in packages})


def same_currency(packages) -> bool:
    return len(currencies(packages)) <= 1


def best(packages: dict):
    """The key of the package worth most over four years, or None when there is nothing honest
    to single out: fewer than two packages, different currencies, a tie, or no money at all."""
    if len(packages) < 2 or not same_currency(packages.values()):
        return None
    totals = {key: four_year_total(package) for key, package in packages.items()}
    top = max(totals.values())
    winners = [key for key, total in totals.items() if total == top]
    return winners[0] if top > 0 and len(winners) == 1 else None


def compensation_ratings(totals: dict, currencies: dict) -> dict | None:
    """Suggested 1-5 compensation ratings: 5 x (money / best money), rounded, never below 1.

    ``totals`` and ``currencies`` map the same keys (offers) to a total and a currency code.
    Returns None when the currencies differ: then there is no honest comparison to make.
    """
    if len(set(currencies.values())) > 1:
        return None
    best = max(totals.values(), default=ZERO)
    if best <= 0:
        return {key: 1 for key in totals}
    return {
        key: max(1, int((5 * total / best).quantize(Decimal(1), rounding=ROUND_HALF_UP)))
        for key, total in totals.items()
    }
