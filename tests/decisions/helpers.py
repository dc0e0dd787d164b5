"""Helpers for the wizard's tests: move a decision along, rate it, post its forms."""

import datetime
from decimal import Decimal

from django.urls import reverse

from decisions.models import Consideration, Decision, Factor, Rating
from offers.models import Offer
from tests.factories import make_decision, make_offer


def signed_job_with_a_bonus_to_repay(owner) -> Offer:
    """The job signed and being left: its signing bonus must be paid back until mid-2027."""
    return make_offer(
        owner,
        company="Northwind Freight",
        role="Data Engineer",
        status=Offer.Status.SIGNED,
        signing_bonus=Decimal("5000"),
        repayment_terms="Signing bonus repayable in full if I leave within a year",
        repayment_amount=Decimal("5000"),
        repayment_until=datetime.date(2027, 6, 30),
    )


def at_step(decision: Decision, step: int) -> Decision:
    Decision.objects.filter(pk=decision.pk).update(step_reached=step)
    decision.refresh_from_db()
    return decision


def rate(decision: Decision, scores: dict) -> None:
    """Rate every factor of ``decision``: ``scores`` maps each offer to one score or a list."""
    for position, factor in enumerate(decision.factors.all()):
        for offer, score in scores.items():
            value = score[position] if isinstance(score, list) else score
            Rating.objects.update_or_create(factor=factor, offer=offer, defaults={"score": value})


def url(name: str, decision: Decision, *args) -> str:
    return reverse(f"decisions:{name}", args=[decision.pk, *args])


def factor_data(decision: Decision, version=None, new_name="", new_weight=3, **changes) -> dict:
    """The priorities form as posted. A keyword named after a factor changes it:
    ``Culture=("Team culture", 5)``; any other keyword is posted as is: ``remove="12"``."""
    factors = list(decision.factors.all())
    names = {factor.name for factor in factors}
    data = {
        "version": decision.version if version is None else version,
        "factors-TOTAL_FORMS": len(factors) + 1,
        "factors-INITIAL_FORMS": len(factors),
        "factors-MIN_NUM_FORMS": 0,
        "factors-MAX_NUM_FORMS": 16,
        f"factors-{len(factors)}-name": new_name,
        f"factors-{len(factors)}-weight": new_weight,
        **{key: value for key, value in changes.items() if key not in names},
    }
    for i, factor in enumerate(factors):
        name, weight = changes.get(factor.name, (factor.name, factor.weight))
        data[f"factors-{i}-id"] = factor.pk
        data[f"factors-{i}-name"] = name
        data[f"factors-{i}-weight"] = weight
    return data


def ratings_data(decision: Decision, scores: dict, version=None) -> dict:
    """The ratings grid as posted: ``scores`` maps each offer to one score for every factor."""
    data = {"version": decision.version if version is None else version}
    for factor in decision.factors.all():
        for offer, score in scores.items():
            data[f"rating-{factor.pk}-{offer.pk}"] = score
    return data


def finished_decision(owner, offers: int, factors: int, considerations: int) -> Decision:
    """A finished decision: the first offer committed, the last one rated best."""
    made = [
        make_offer(
            owner,
            company=f"Company {i}",
            status=Offer.Status.SIGNED if i == 0 else Offer.Status.RECEIVED,
        )
        for i in range(offers)
    ]
    decision = make_decision(owner, made, title=f"{offers} offers")
    Factor.objects.bulk_create(
        Factor(decision=decision, name=f"Own factor {i}", weight=2, position=10 + i)
        for i in range(factors - decision.factors.count())
    )
    Rating.objects.bulk_create(
        Rating(factor=factor, offer=offer, score=1 + (i % 5))
        for factor in decision.factors.all()
        for i, offer in enumerate(made)
    )
    Consideration.objects.bulk_create(
        Consideration(
            decision=decision,
            offer=made[i % offers],
            kind="pro" if i % 2 else "con",
            term="immediate" if i % 3 else "long_term",
            text=f"Point {i}",
        )
        for i in range(considerations)
    )
    return at_step(decision, Decision.Step.RESULT)
