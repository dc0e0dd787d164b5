from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404

from crossroads import dates

# The call plan's models live in its package; imported here so that Django finds them, and so
# that ``from decisions.models import CallPlan`` works as it always has.
from decisions.call.models import (  # noqa: F401
    CallPlan,
    FollowUp,
    NoticeLetter,
    PreparedAnswer,
    Referral,
    SkippedCheck,
)
from offers.models import Offer
from offers.promises.models import prefetch_promises

DEFAULT_FACTORS = ("Compensation", "Culture", "People", "Advancement", "Autonomy")


class DecisionQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(owner=user)

    def backing_out(self):
        """Recorded choices that leave the committed offer: the query form of
        ``Decision.backs_out()``."""
        return self.filter(
            decided_at__isnull=False, committed_offer__isnull=False, chosen_offer__isnull=False
        ).exclude(chosen_offer=F("committed_offer"))

    def leaving(self, offer):
        """The decisions whose recorded choice leaves ``offer``, latest first, with their plans.
        Only an offer committed to, or already backed out of, can have any."""
        if not (offer.is_committed() or offer.status == Offer.Status.BACKED_OUT):
            return self.none()
        return (
            self.backing_out()
            .filter(owner_id=offer.owner_id, committed_offer=offer)
            .select_related("call_plan")
            .order_by("-decided_at", "-pk")
        )

    def with_call_plan(self, promises=True):
        """With what the call plan's pages read: both offers, the plan and its contacts, and the
        new offer's promises with who made them (unless ``promises`` is false: a page that reads
        them itself, without their people, in a plain query)."""
        loaded = self.select_related(
            "committed_offer__leaving_terms",
            "chosen_offer",
            "call_plan__contact",
            "call_plan__agency_contact",
            "notice_letter",
        )
        if not promises:
            return loaded
        return loaded.prefetch_related(prefetch_promises("chosen_offer__promises"))


def get_decision_for_user(user, pk, queryset=None) -> "Decision":
    """The user's own decision, or a 404: another user's decision does not exist for them.
    ``queryset`` says what to load with it (``Decision.objects`` by default)."""
    return get_object_or_404(
        (Decision.objects if queryset is None else queryset).for_user(user), pk=pk
    )


def get_leaving_decision_for_user(user, pk, promises=True) -> "Decision":
    """The user's own decision whose recorded choice leaves the committed offer, with what its
    call plan reads (``with_call_plan``: the new offer's promises unless ``promises`` is false);
    a 404 for any other decision, as for another user's."""
    loaded = Decision.objects.backing_out().with_call_plan(promises=promises)
    return get_decision_for_user(user, pk, loaded)


# What belongs to a decision, looked up within one the view has already found the user's: a part
# of another decision is a 404, as the decision itself would be.


def get_offer_of_decision(decision, pk) -> Offer:
    """One of the offers ``decision`` compares, or a 404."""
    return get_object_or_404(decision.offers.all(), pk=pk)


def get_consideration_of_decision(decision, pk) -> "Consideration":
    """One of the decision's pros and cons, or a 404."""
    return get_object_or_404(Consideration, pk=pk, decision=decision)


def get_plan_item_of_decision(model, decision, pk):
    """A referral or follow-up (``model``) on the decision's call plan, or a 404."""
    return get_object_or_404(model, pk=pk, call_plan__decision=decision)


class Decision(models.Model):
    class Step(models.IntegerChoices):
        OFFERS = 1, "Offers"
        SITUATION = 2, "Situation"
        PRIORITIES = 3, "Priorities"
        RATINGS = 4, "Ratings"
        PROS_CONS = 5, "Pros and cons"
        RESULT = 6, "Result"

    class Answer(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"
        NOT_SURE = "not_sure", "Not sure"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="decisions"
    )
    title = models.CharField(max_length=200)
    offers = models.ManyToManyField(Offer, related_name="decisions")
    # The offer already accepted, signed or started, if any: the reference the others are
    # compared against, and the one the user would back out of.
    committed_offer = models.ForeignKey(
        Offer, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    close_knit_field = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    could_commit_fully = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    horizon_years = models.PositiveSmallIntegerField("expected stay (years)", default=2)
    step_reached = models.PositiveSmallIntegerField(choices=Step.choices, default=Step.OFFERS)

    # The user's own choice; null with decided_at set means "not decided yet" was recorded.
    chosen_offer = models.ForeignKey(
        Offer, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reasoning = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    # The decision journal: how it turned out, written some time later.
    outcome = models.TextField("how it turned out", blank=True)
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)

    # Bumped on every save through the wizard, so a stale browser tab cannot overwrite newer work.
    version = models.PositiveIntegerField(default=1)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-updated"]
        constraints = [
            *dates.in_range("decision", moments=["decided_at", "outcome_recorded_at"]),
            models.CheckConstraint(
                name="decision_horizon_in_range",
                condition=Q(horizon_years__gte=1, horizon_years__lte=4),
            ),
            models.CheckConstraint(
                name="decision_step_in_range", condition=Q(step_reached__gte=1, step_reached__lte=6)
            ),
        ]

    def __str__(self):
        return self.title

    def is_draft(self) -> bool:
        return self.decided_at is None

    def backs_out(self) -> bool:
        """True when the recorded choice leaves the committed offer (as
        ``DecisionQuerySet.backing_out()`` selects them)."""
        return (
            self.decided_at is not None
            and self.committed_offer_id is not None
            and self.chosen_offer_id is not None
            and self.chosen_offer_id != self.committed_offer_id
        )

    def record_choice(self, chosen_offer, reasoning: str, now) -> None:
        """Set the user's choice (None: "not decided yet") in memory; the wizard saves it."""
        self.chosen_offer, self.reasoning, self.decided_at = chosen_offer, reasoning, now

    def record_outcome(self, outcome: str, now) -> None:
        """Set how a recorded decision turned out, in memory; the wizard saves it."""
        self.outcome, self.outcome_recorded_at = outcome, now

    def leaving_for(self, offer_pk):
        """The offer of this decision, given by id (as posted), that would mean leaving the
        committed one; None when there is no such offer or nothing to leave."""
        try:
            offer = self.offers.filter(pk=int(offer_pk or "")).first()
        except ValueError:
            return None
        if self.committed_offer is None or offer is None or offer == self.committed_offer:
            return None
        return offer

    def move_factor(self, factor_pk: int | None, direction: str) -> None:
        """Swap a factor with its neighbour above ("up") or below, then number them afresh.
        An unknown factor changes nothing."""
        factors = list(self.factors.all())
        index = next((i for i, f in enumerate(factors) if f.pk == factor_pk), None)
        if index is None:
            return
        other = index - 1 if direction == "up" else index + 1
        if 0 <= other < len(factors):
            factors[index], factors[other] = factors[other], factors[index]
        for position, factor in enumerate(factors):
            factor.position = position
        Factor.objects.bulk_update(factors, ["position"])


class Factor(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="factors")
    name = models.CharField(max_length=80)
    weight = models.PositiveSmallIntegerField(default=3)
    position = models.PositiveSmallIntegerField(default=0)
    # The compensation factor's ratings are suggested from the offers' money.
    is_compensation = models.BooleanField(default=False)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(name="factor_weight_0_to_5", condition=Q(weight__lte=5)),
            models.UniqueConstraint(
                Lower("name"), "decision", name="factor_name_unique_per_decision"
            ),
        ]

    def __str__(self):
        return self.name


class Rating(models.Model):
    factor = models.ForeignKey(Factor, on_delete=models.CASCADE, related_name="ratings")
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="ratings")
    score = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.CheckConstraint(name="rating_1_to_5", condition=Q(score__gte=1, score__lte=5)),
            models.UniqueConstraint(
                fields=["factor", "offer"], name="one_rating_per_factor_and_offer"
            ),
        ]

    def __str__(self):
        return f"{self.factor}: {self.score}"


class Consideration(models.Model):
    class Kind(models.TextChoices):
        PRO = "pro", "Pro"
        CON = "con", "Con"

    class Term(models.TextChoices):
        IMMEDIATE = "immediate", "Immediate"
        LONG_TERM = "long_term", "Long-term"

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="considerations")
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="considerations")
    kind = models.CharField(max_length=3, choices=Kind.choices)
    term = models.CharField(max_length=10, choices=Term.choices, default=Term.IMMEDIATE)
    text = models.CharField(max_length=500)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]

    def __str__(self):
        return self.text
