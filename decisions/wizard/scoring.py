"""How the offers compare on the user's own weights and ratings. Plain Python: no Django, no HTTP.

Factors and offers are whatever keys the caller uses (model instances, ids or names): the
functions only compare and hash them. Weights run 0 to 5, ratings 1 to 5.

A score is sum(weight x rating) / sum(weight x 5) x 100, computed exactly and then rounded to one
decimal. The rounded value is *the* score: the margin, the close call and the sensitivity are all
worked out from the numbers the user sees, so the page never contradicts itself.
"""

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from offers import compensation, exchange

WEIGHTS = range(0, 6)
RATINGS = range(1, 6)
CLOSE_CALL_POINTS = Decimal(5)
TENTH = Decimal("0.1")


class ScoringError(ValueError):
    """Input the scores cannot be worked out from; the message is written for the user."""


class AllWeightsZero(ScoringError):
    def __init__(self):
        super().__init__(
            "Every factor has a weight of 0, so nothing counts and there is nothing to compare. "
            "Give at least one factor a weight above 0."
        )


class MissingRatings(ScoringError):
    def __init__(self, missing: list[tuple[Hashable, Hashable]]):
        self.missing = missing
        super().__init__(
            f"{len(missing)} rating(s) are missing: every factor that counts needs a rating "
            "for every offer."
        )


def _check_weights(weights: Mapping) -> None:
    for factor, weight in weights.items():
        if weight not in WEIGHTS:
            raise ScoringError(f"The weight of {factor} must be a whole number from 0 to 5.")
    if not any(weights.values()):
        raise AllWeightsZero()


def _round(value: Fraction) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(TENTH, rounding=ROUND_HALF_UP)


def _tenths(points: int, most: int) -> int:
    """``points`` / ``most`` x 100 in tenths, rounded half up as ``_round`` does, in whole
    numbers: the sensitivity compares hundreds of these, and only compares them."""
    return (points * 2000 + most) // (most * 2)


def exact_scores(
    weights: Mapping[Hashable, int | Fraction],
    ratings: Mapping[tuple[Hashable, Hashable], int],
    offers: Sequence[Hashable],
) -> dict[Hashable, Fraction]:
    """The formula itself, exact, for any non-negative weights that are not all zero:
    sum(weight x rating) / sum(weight x 5) x 100 over the factors with a weight."""
    counted = [factor for factor, weight in weights.items() if weight]
    if not counted:
        raise AllWeightsZero()
    most = sum(weights[factor] * 5 for factor in counted)
    return {
        offer: Fraction(sum(weights[f] * ratings[f, offer] for f in counted) * 100) / most
        for offer in offers
    }


def weighted_scores(
    weights: Mapping[Hashable, int],
    ratings: Mapping[tuple[Hashable, Hashable], int],
    offers: Sequence[Hashable],
) -> dict[Hashable, Decimal]:
    """Each offer's score from 0 to 100, rounded to one decimal.

    ``weights`` maps each factor to its weight; ``ratings`` maps (factor, offer) to a rating.
    Factors with weight 0 drop out, so they need no rating. Raises AllWeightsZero when nothing
    counts, MissingRatings when a factor that counts is not rated for every offer, and
    ScoringError for a weight or rating out of range.
    """
    _check_weights(weights)
    counted = [factor for factor, weight in weights.items() if weight]
    missing = [(f, o) for f in counted for o in offers if (f, o) not in ratings]
    if missing:
        raise MissingRatings(missing)
    for factor in counted:
        for offer in offers:
            if ratings[factor, offer] not in RATINGS:
                raise ScoringError(f"The rating of {factor} must be a whole number from 1 to 5.")
    return {offer: _round(score) for offer, score in exact_scores(weights, ratings, offers).items()}


def ranking(scores: Mapping[Hashable, Decimal]) -> list[Hashable]:
    """Offers from the highest score down; ties keep the caller's order."""
    return sorted(scores, key=lambda offer: -scores[offer])


def leaders(scores: Mapping[Hashable, Decimal]) -> tuple[Hashable, ...]:
    """The offer with the top score, or all of them when several share it."""
    if not scores:
        return ()
    top = max(scores.values())
    return tuple(offer for offer in scores if scores[offer] == top)


def margin(scores: Mapping[Hashable, Decimal]) -> Decimal | None:
    """Points between the first and the second offer; None with fewer than two offers."""
    if len(scores) < 2:
        return None
    first, second = sorted(scores.values(), reverse=True)[:2]
    return first - second


def is_close_call(scores: Mapping[Hashable, Decimal]) -> bool:
    """The top two are 5 points apart or less: the numbers alone do not settle it."""
    gap = margin(scores)
    return gap is not None and gap <= CLOSE_CALL_POINTS


@dataclass(frozen=True)
class Flip:
    """At ``weights`` (a run of weights low..high), the leader would be ``leaders`` instead."""

    low: int
    high: int
    leaders: tuple


def sensitivity(
    weights: Mapping[Hashable, int],
    ratings: Mapping[tuple[Hashable, Hashable], int],
    offers: Sequence[Hashable],
) -> dict[Hashable, list[Flip] | None]:
    """For each factor, the other weights (0 to 5, the rest unchanged) that change the leader.

    An empty list means no weight of that factor alone changes who leads. None means the factor
    is not rated for every offer (possible only at weight 0), so it cannot be tried.

    Each offer's sum of weight x rating is worked out once; trying another weight for one factor
    then only changes that factor's share of it, so the work is factors x weights x offers, not
    that times the factors again.
    """
    current = leaders(weighted_scores(weights, ratings, offers))  # checks every input once
    counted = [factor for factor, weight in weights.items() if weight]
    sums = {offer: sum(weights[f] * ratings[f, offer] for f in counted) for offer in offers}
    most = sum(weights[factor] for factor in counted) * 5
    result = {}
    for factor, weight in weights.items():
        rated = [ratings.get((factor, offer)) for offer in offers]
        if None in rated:
            result[factor] = None
            continue
        changes = []
        for other in WEIGHTS:
            shift = other - weight
            if shift == 0 or most + shift * 5 == 0:  # the same weight, or every weight at 0
                continue
            tried = {
                offer: _tenths(sums[offer] + shift * rating, most + shift * 5)
                for offer, rating in zip(offers, rated, strict=True)
            }
            now_leading = leaders(tried)
            if set(now_leading) != set(current):
                changes.append((other, now_leading))
        result[factor] = _runs(changes)
    return result


def _runs(changes: list[tuple[int, tuple]]) -> list[Flip]:
    """Consecutive weights with the same new leaders, merged: 0, 1 and 2 read as 0 to 2."""
    runs: list[Flip] = []
    for weight, now_leading in changes:
        last = runs[-1] if runs else None
        if last and last.high == weight - 1 and set(last.leaders) == set(now_leading):
            runs[-1] = Flip(last.low, weight, last.leaders)
        else:
            runs.append(Flip(weight, weight, now_leading))
    return runs


@dataclass(frozen=True)
class MoneyRow:
    offer: Hashable
    currency: str
    total: Decimal  # in the offer's own currency
    # In the comparison's currency (converted with the user's rate when needed); None when the
    # offer's currency has no rate, so it is not compared.
    amount: exchange.Amount | None
    # Against the reference offer (the committed one, else the best paid), in the comparison's
    # currency; None if not compared.
    difference: Decimal | None
    # No money entered yet (``compensation.has_figures``): shown as such, never compared.
    no_figures: bool = False

    @property
    def gap(self) -> Decimal | None:
        """The difference without its sign, for "... more" or "... less"."""
        return None if self.difference is None else abs(self.difference)


@dataclass(frozen=True)
class MoneyComparison:
    years: int
    rows: list[MoneyRow]
    reference: Hashable | None
    comparison: exchange.Comparison

    @property
    def comparable(self) -> bool:
        """At least two offers' money can be set against each other."""
        return self.reference is not None and len(self.comparison.amounts) > 1

    @property
    def currency(self) -> str:
        return self.comparison.currency

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(sorted({row.currency for row in self.rows}))

    @property
    def left_out(self) -> tuple:
        return self.comparison.left_out

    def suggested_ratings(self) -> dict[Hashable, int] | None:
        """Suggested compensation ratings from this money: the best-paid offer 5, the others
        in proportion, never below 1. Offers in other currencies count through the user's
        rates; an offer whose currency has no rate gets no suggestion (the user rates it).
        None when fewer than two offers can be compared."""
        amounts = self.comparison.amounts
        if len(amounts) < 2:
            return None
        totals = {offer: amount.value for offer, amount in amounts.items()}
        return compensation.compensation_ratings(totals, dict.fromkeys(totals, self.currency))


def money_over_horizon(
    packages: Mapping[Hashable, compensation.Package],
    years: int,
    reference=None,
    home: str = "",
    rates: exchange.Rates | None = None,
) -> MoneyComparison:
    """Each offer's money over ``years``, side by side, with the difference to ``reference``
    (or to the best-paid offer). Offers in other currencies are converted into ``home`` with
    ``rates``; one whose currency has no rate, or with no figures yet, is never compared."""
    totals = {
        offer: (compensation.total_over(package, years), package.currency)
        for offer, package in packages.items()
    }
    without = [key for key, package in packages.items() if not compensation.has_figures(package)]
    comparison = exchange.compare(totals, home, rates or exchange.Rates(), without)
    amounts = comparison.amounts
    if reference not in amounts:
        ranked = comparison.ranking()
        reference = ranked[0] if ranked else None
    rows = [
        MoneyRow(
            offer=offer,
            currency=currency,
            total=total,
            amount=amounts.get(offer),
            difference=(
                amounts[offer].value - amounts[reference].value
                if offer in amounts and reference is not None
                else None
            ),
            no_figures=offer in comparison.no_figures,
        )
        for offer, (total, currency) in totals.items()
    ]
    return MoneyComparison(years=years, rows=rows, reference=reference, comparison=comparison)


def compensation_suggestion(
    packages: Mapping[Hashable, compensation.Package],
    years: int,
    home: str = "",
    rates: exchange.Rates | None = None,
) -> dict[Hashable, int] | None:
    """Suggested compensation ratings from the money over ``years`` (see
    ``MoneyComparison.suggested_ratings``)."""
    return money_over_horizon(packages, years, home=home, rates=rates).suggested_ratings()
