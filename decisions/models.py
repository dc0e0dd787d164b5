from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from offers.models import Contact, Offer

DEFAULT_FACTORS = ("Compensation", "Culture", "People", "Advancement", "Autonomy")


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

    class Meta:
        ordering = ["-updated"]
        constraints = [
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
        """True when the recorded choice leaves the committed offer."""
        return (
            self.committed_offer_id is not None
            and self.chosen_offer_id is not None
            and self.chosen_offer_id != self.committed_offer_id
        )


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


class CallPlan(models.Model):
    """The phone call to the employer the user backs out of."""

    class Channel(models.TextChoices):
        PHONE = "phone", "Phone"
        VIDEO = "video", "Video call"
        IN_PERSON = "in_person", "In person"
        EMAIL = "email", "E-mail"

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="call_plan")
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    scheduled_at = models.DateTimeField("call planned for", null=True, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.PHONE)
    agency_contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    agency_call_at = models.DateTimeField("agency call planned for", null=True, blank=True)

    opening = models.TextField("opening and thanks", blank=True)
    news = models.TextField("the news", blank=True)
    reason = models.TextField("the reason, briefly", blank=True)
    apology = models.TextField("the apology", blank=True)
    help_offer = models.TextField("the offer to help", blank=True)
    logistics = models.TextField(blank=True)
    closing = models.TextField(blank=True)

    called_at = models.DateTimeField("call happened at", null=True, blank=True)
    how_it_went = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Call plan for {self.decision}"


class Referral(models.Model):
    """Someone the user could suggest for the role they are leaving."""

    call_plan = models.ForeignKey(CallPlan, on_delete=models.CASCADE, related_name="referrals")
    name = models.CharField(max_length=200)
    how_to_reach = models.CharField(max_length=200, blank=True)
    why_they_fit = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class PreparedAnswer(models.Model):
    """A prepared answer to a likely reaction during the call."""

    class Reaction(models.TextChoices):
        COUNTER_OFFER = "counter_offer", "They make a counter-offer"
        WHY = "why", "They ask why"
        ANGER = "anger", "They are disappointed or angry"
        RECONSIDER = "reconsider", "They ask you to reconsider"
        REPAYMENT = "repayment", "They raise repayment"

    call_plan = models.ForeignKey(CallPlan, on_delete=models.CASCADE, related_name="answers")
    reaction = models.CharField(max_length=20, choices=Reaction.choices)
    answer = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["call_plan", "reaction"], name="one_answer_per_reaction"
            ),
        ]

    def __str__(self):
        return self.get_reaction_display()


class FollowUp(models.Model):
    call_plan = models.ForeignKey(CallPlan, on_delete=models.CASCADE, related_name="follow_ups")
    text = models.CharField(max_length=300)
    due_on = models.DateField(null=True, blank=True)
    done = models.BooleanField(default=False)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.text
