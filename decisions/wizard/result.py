"""Everything the result page explains, worked out from a decision already loaded with its
offers, factors, ratings and pros and cons. No queries, no HTTP: the view loads, this explains."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from decisions.call import readiness
from decisions.models import Consideration
from decisions.wizard import risk as risk_rules
from decisions.wizard import scoring
from offers import compensation, leaving_cost
from offers.terms.models import terms_of

KIND_LABELS = dict(Consideration.Kind.choices)
# What the result page reads of each offer (its names, its money, what leaving it costs, the
# risk and the readiness checks) and of the committed one's leaving terms (``_clauses``): a third
# of an offer's columns, for ``steps.with_offers``' ``only``.
OFFER_FIELDS = (
    *("role", "agency_name", "accepted_despite_expected_offer_id"),
    *readiness.READ_FIELDS,
    *compensation.PACKAGE_FIELDS,
    *leaving_cost.READ_FIELDS,
    *("leaving_terms__no_start_penalty", "leaving_terms__no_ending_before_start"),
)


@dataclass
class OfferResult:
    offer: object
    score: Decimal
    rank: int
    leads: bool
    committed: bool
    # Pros and cons (``considerations_of``, each with its kind's "label"): those that count
    # from day one, and those that count in a year or more.
    now: list = field(default_factory=list)
    later: list = field(default_factory=list)

    @property
    def terms(self) -> list:
        return [("Now", self.now), ("Later", self.later)]


@dataclass
class FactorSensitivity:
    factor: object
    flips: list | None  # None: not rated for every offer, so it cannot be tried

    def changes(self) -> list[str]:
        """Each run of weights that changes the leader, in words."""
        return [_describe_flip(flip) for flip in self.flips or []]

    def words(self) -> str:
        """What trying the factor's other weights shows, in words."""
        if self.flips is None:
            return "not rated for every offer, so it cannot be tried."
        if not self.flips:
            return "no weight from 0 to 5 changes who leads."
        return " ".join(self.changes())


def _names(offers) -> str:
    names = [offer.company for offer in offers]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _describe_flip(flip: scoring.Flip) -> str:
    if flip.low == flip.high:
        weights = f"At weight {flip.low}"
    elif flip.high == flip.low + 1:
        weights = f"At weight {flip.low} or {flip.high}"
    else:
        weights = f"At weights {flip.low} to {flip.high}"
    outcome = "would lead" if len(flip.leaders) == 1 else "would tie"
    return f"{weights}, {_names(flip.leaders)} {outcome}."


@dataclass
class Result:
    offers: list[OfferResult]  # best first
    breakdown: list  # (factor, [rating or None for each offer, best first])
    margin: Decimal | None
    close_call: bool
    leaders: tuple
    sensitivity: list[FactorSensitivity]
    money: scoring.MoneyComparison
    committed: object | None
    stage: risk_rules.Stage | None
    new_offer: object | None  # the offer that would mean leaving the committed one
    backing_out: risk_rules.Risk | None

    @property
    def close_call_points(self) -> Decimal:
        return scoring.CLOSE_CALL_POINTS

    @property
    def leader_names(self) -> str:
        return _names(self.leaders)

    @property
    def nothing_flips(self) -> bool:
        return all(not item.flips for item in self.sensitivity if item.flips is not None)


def explain(
    decision,
    offers,
    factors,
    ratings: dict,
    considerations,
    today: datetime.date,
    terms=None,
    call_day: datetime.date | None = None,
) -> Result:
    """The result of ``decision`` comparing ``offers`` on ``factors``, with ``ratings``
    ((factor pk, offer pk) -> score) and the pros and cons as values (``considerations_of``).
    ``terms`` (``offers.rates.MoneyTerms``) converts money in other currencies.

    Raises scoring.ScoringError (all weights 0, missing ratings) for the view to show.
    """
    # The scoring works on ids: hashing model instances costs more than the arithmetic.
    offer_ids = {offer.pk: offer for offer in offers}
    weights = {factor.pk: factor.weight for factor in factors}
    ratings = {(factor, offer): score for (factor, offer), score in ratings.items()
               if offer in offer_ids}  # fmt: skip
    by_id = scoring.weighted_scores(weights, ratings, list(offer_ids))
    scores = {offer_ids[pk]: score for pk, score in by_id.items()}
    leaders = tuple(offer_ids[pk] for pk in scoring.leaders(by_id))
    committed = decision.committed_offer if decision.committed_offer_id in offer_ids else None

    results = [
        OfferResult(
            offer=offer,
            score=scores[offer],
            rank=rank,
            leads=offer in leaders,
            committed=offer == committed,
        )
        for rank, offer in enumerate(scoring.ranking(scores), start=1)
    ]
    by_offer = {item.offer.pk: item for item in results}
    for consideration in considerations:
        item = by_offer.get(consideration["offer_id"])
        if item is not None:
            immediate = consideration["term"] == Consideration.Term.IMMEDIATE
            entry = {**consideration, "label": KIND_LABELS[consideration["kind"]]}
            (item.now if immediate else item.later).append(entry)
    for item in results:
        item.now.sort(key=lambda c: c["kind"] != Consideration.Kind.PRO)
        item.later.sort(key=lambda c: c["kind"] != Consideration.Kind.PRO)

    breakdown = [
        (factor, [ratings.get((factor.pk, item.offer.pk)) for item in results])
        for factor in factors
    ]
    flips = scoring.sensitivity(weights, ratings, list(offer_ids))
    stage, new_offer, backing_out = _backing_out(
        decision, committed, offer_ids, leaders, today, call_day
    )
    return Result(
        offers=results,
        breakdown=breakdown,
        margin=scoring.margin(scores),
        close_call=scoring.is_close_call(scores),
        leaders=leaders,
        sensitivity=[
            FactorSensitivity(factor, _with_offers(flips[factor.pk], offer_ids))
            for factor in factors
        ],
        money=scoring.money_over_horizon(
            {offer: offer.package() for offer in offers},
            decision.horizon_years,
            committed,
            home=terms.home if terms else "",
            rates=terms.rates if terms else None,
        ),
        committed=committed,
        stage=stage,
        new_offer=new_offer,
        backing_out=backing_out,
    )


def _with_offers(flips: list[scoring.Flip] | None, offer_ids: dict) -> list | None:
    """The flips as the page tells them: with the offers, not their ids."""
    if flips is None:
        return None
    return [
        scoring.Flip(flip.low, flip.high, tuple(offer_ids[pk] for pk in flip.leaders))
        for flip in flips
    ]


def stage_of(offer, today: datetime.date) -> risk_rules.Stage | None:
    """How far along the user's commitment to ``offer`` is; None if it is not a commitment."""
    return risk_rules.commitment_stage(offer.status, offer.start_date, today)


def _backing_out(decision, committed, offer_ids, leaders, today, call_day):
    """The offer that would mean leaving the committed one (the recorded choice, else the
    leader), and the risk of doing so: money counts only if leaving on the day of the planned
    call (today when none is planned) costs some. Nothing when the user chose to stay."""
    if committed is None:
        return None, None, None
    stage = stage_of(committed, today)
    if stage is None:
        return None, None, None
    chosen = offer_ids.get(decision.chosen_offer_id)
    if chosen is not None:
        new_offer = chosen if chosen != committed else None
    else:
        new_offer = next((offer for offer in leaders if offer != committed), None)
    if new_offer is None:
        return stage, None, None
    leaving_on = call_day or today
    repayable = committed.owed_if_leaving_on(leaving_on)
    backing_out = risk_rules.backing_out_risk(
        stage,
        decision.close_knit_field,
        committed.agency_name,
        repayable,
        committed.currency,
        committed.company,
        leaving_on,
        accepted_while_expecting=_company(
            offer_ids.get(committed.accepted_despite_expected_offer_id)
        ),
        **_clauses(committed),
    )
    return stage, new_offer, backing_out


def _clauses(committed) -> dict:
    """The leaving terms' clauses against leaving, for the risk (``offers.terms``)."""
    terms = terms_of(committed)
    if terms is None:
        return {}
    return {
        "penalty": terms.no_start_penalty,
        "no_ending_before_start": terms.no_ending_before_start,
    }


def _company(offer) -> str:
    return offer.company if offer is not None else ""
