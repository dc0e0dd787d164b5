"""The wizard's six steps: their order, where each leads, what they load, and saving a step
safely.

Every save through the wizard claims the decision's version first (an UPDATE ... WHERE
version = the one the page was built from), so a stale browser tab is refused instead of
quietly overwriting newer work.
"""

from typing import NamedTuple

from django.db import transaction
from django.db.models import F, Prefetch, Value
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone

from decisions.models import DEFAULT_FACTORS, Consideration, Decision, Factor
from offers.models import Offer

Step = Decision.Step
URL_NAMES = {
    Step.OFFERS: "offers",
    Step.SITUATION: "situation",
    Step.PRIORITIES: "priorities",
    Step.RATINGS: "ratings",
    Step.PROS_CONS: "pros_cons",
    Step.RESULT: "result",
}
LAST = Step.RESULT


class StaleVersion(Exception):
    """The decision was saved elsewhere (another tab) since this page was built."""


def skips_situation(decision: Decision) -> bool:
    """With nothing accepted, signed or started there is nothing to back out of."""
    return decision.committed_offer_id is None


def next_step(decision: Decision, step: int) -> int:
    following = min(step + 1, LAST)
    if following == Step.SITUATION and skips_situation(decision):
        return Step.PRIORITIES
    return following


def previous_step(decision: Decision, step: int) -> int | None:
    before = step - 1
    if before == Step.SITUATION and skips_situation(decision):
        return Step.OFFERS
    return before or None


def step_url(decision: Decision, step: int) -> str:
    return reverse(f"decisions:{URL_NAMES[step]}", args=[decision.pk])


def resume_url(decision: Decision) -> str:
    """Where to pick up a decision: the first step not finished yet (the result once done)."""
    return step_url(decision, decision.step_reached)


class StepLink(NamedTuple):
    """A step in the progress bar; ``_progress.html`` unpacks it, field by field."""

    number: int
    title: str
    url: str | None  # None while the step is not reached yet
    current: bool
    skipped: bool


def progress(decision: Decision | None, current: int) -> list[StepLink]:
    """The steps for the progress bar; a decision not saved yet (None) has reached step 1."""
    reached = decision.step_reached if decision else Step.OFFERS
    return [
        StepLink(
            number=step.value,
            title=step.label,
            url=step_url(decision, step) if decision and step <= reached else None,
            current=step == current,
            skipped=bool(decision) and step == Step.SITUATION and skips_situation(decision),
        )
        for step in Step
    ]


def with_offers(*related, only=()):
    """A decision with its offers (and what of theirs is ``related``, to join; ``only`` these
    of their columns when given), in a fixed number of queries; its factors with their ratings,
    and its pros and cons, are read as plain values (``factors_and_scores``,
    ``considerations_of``). The committed and the chosen offer are not joined: they are among
    the offers (see ``offers_in_place``)."""
    offers = Offer.objects.select_related(*related) if related else Offer.objects.all()
    if only:
        offers = offers.only(*only)
    return Decision.objects.prefetch_related(Prefetch("offers", queryset=offers))


class FactorRow(NamedTuple):
    """A factor as the ratings and the result pages read it."""

    pk: int
    name: str
    weight: int
    is_compensation: bool


def factors_and_scores(decision) -> tuple[list[FactorRow], dict]:
    """The factors of ``decision`` in order, and every rating of them ((factor pk, offer pk)
    -> score), in one query: a factor not rated yet comes once, with none. The pages only read
    them, so no Factor or Rating objects are made."""
    rows = Factor.objects.filter(decision_id=decision.pk).values_list(
        "pk", "name", "weight", "is_compensation", "ratings__offer_id", "ratings__score"
    )
    factors, scores = {}, {}
    for pk, name, weight, is_compensation, offer, score in rows:
        if pk not in factors:
            factors[pk] = FactorRow(pk, name, weight, is_compensation)
        if offer is not None:
            scores[pk, offer] = score
    return list(factors.values()), scores


def considerations_of(decision) -> list[dict]:
    """The pros and cons of ``decision``, oldest first, as plain values (one query)."""
    rows = Consideration.objects.filter(decision_id=decision.pk)
    return list(rows.values("id", "offer_id", "kind", "term", "text"))


def offers_in_place(decision) -> None:
    """Point the decision's committed and chosen offer at its prefetched offers, so reading
    them costs no query. A choice recorded before its offer was taken out of the decision at
    step 1 is not among them: that one is read when it is needed (one query)."""
    by_pk = {offer.pk: offer for offer in decision.offers.all()}
    if decision.committed_offer_id in by_pk:
        decision.committed_offer = by_pk[decision.committed_offer_id]
    if decision.chosen_offer_id in by_pk:
        decision.chosen_offer = by_pk[decision.chosen_offer_id]


def ordered_offers(decision) -> list:
    """The committed offer first (the reference), then the others by company."""
    return sorted(
        decision.offers.all(),
        key=lambda o: (o.pk != decision.committed_offer_id, o.company.lower(), o.pk),
    )


def start_decision(owner, title: str, offers, committed_offer, step_reached=None) -> Decision:
    """A new decision comparing ``offers``, with the default factors ready to weigh.

    Without ``step_reached`` the user has finished step 1 and may go on to the next step."""
    decision = Decision(owner=owner, title=title, committed_offer=committed_offer)
    decision.step_reached = step_reached or next_step(decision, Step.OFFERS)
    with transaction.atomic():
        decision.save()
        decision.offers.set(offers)
        Factor.objects.bulk_create(
            Factor(decision=decision, name=name, position=i, is_compensation=(i == 0))
            for i, name in enumerate(DEFAULT_FACTORS)
        )
    return decision


def parse_version(data) -> int | None:
    try:
        return int(data.get("version", ""))
    except (TypeError, ValueError):
        return None


def claim_version(decision: Decision, posted_version: int | None, reach: int = 0) -> None:
    """Take the next version of ``decision`` if ``posted_version`` is still the current one,
    and record that the user may now go as far as step ``reach``.

    Call it inside the transaction that writes the step's data. Raises StaleVersion (nothing
    written) when another tab saved first. The in-memory decision is brought up to date, so a
    later ``decision.save()`` writes the same values.
    """
    now = timezone.now()
    claimed = Decision.objects.filter(pk=decision.pk, version=posted_version).update(
        version=F("version") + 1,
        step_reached=Greatest("step_reached", Value(reach)),
        updated=now,
    )
    if not claimed:
        raise StaleVersion()
    decision.version = posted_version + 1
    decision.step_reached = max(decision.step_reached, reach)
    decision.updated = now
