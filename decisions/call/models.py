"""The call plan's models: the call, the referrals offered, the answers prepared, the
follow-ups after it and the readiness checks skipped. ``decisions.models`` imports them, so
Django finds them in the decisions app."""

from django.db import models

from crossroads import dates
from crossroads.text import LONG_TEXT_LIMIT
from offers.models import Contact


def _script_section(name: str, help_text: str) -> models.TextField:
    return models.TextField(name, blank=True, max_length=LONG_TEXT_LIMIT, help_text=help_text)


class CallPlan(models.Model):
    """The phone call to the employer the user backs out of."""

    class Channel(models.TextChoices):
        PHONE = "phone", "Phone"
        VIDEO = "video", "Video call"
        IN_PERSON = "in_person", "In person"
        EMAIL = "email", "E-mail"

    decision = models.OneToOneField(
        "decisions.Decision", on_delete=models.CASCADE, related_name="call_plan"
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    scheduled_at = models.DateTimeField(
        "call planned for", null=True, blank=True, validators=[dates.validate_day]
    )
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.PHONE)
    agency_contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    agency_call_at = models.DateTimeField(
        "agency call planned for", null=True, blank=True, validators=[dates.validate_day]
    )

    # The script, section by section: the form, the plan and the printed page share these names.
    opening = _script_section(
        "opening and thanks", "Greet them by name and thank them for their time and trust."
    )
    news = _script_section(
        "the news", "Say it early and plainly, in the first minute: do not make them guess."
    )
    reason = _script_section(
        "the reason, in one or two sentences",
        "A hard decision that is right for your career. No comparing the two companies, no long "
        "explanations: they invite debate.",
    )
    apology = _script_section(
        "the apology", "Sincere and short. Own the trouble you cause; do not over-explain."
    )
    help_offer = _script_section(
        "the offer to help",
        "Offer names of people who could fill the role; list them under “Names you could "
        "suggest” below.",
    )
    logistics = _script_section(
        "logistics",
        "What you will return, what they should cancel (onboarding, benefits, relocation), and "
        "any money to repay under your agreement.",
    )
    closing = _script_section(
        "closing", "Thank them again and leave the door open. Then let them go."
    )

    called_at = models.DateTimeField(
        "call happened at", null=True, blank=True, validators=[dates.validate_day]
    )
    how_it_went = models.TextField(
        "how did it go?",
        blank=True,
        max_length=LONG_TEXT_LIMIT,
        help_text="What they said, what you agreed, anything to remember. Only you see this.",
    )
    done_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = dates.in_range(
            "call_plan", moments=["scheduled_at", "agency_call_at", "called_at", "done_at"]
        )

    def __str__(self):
        return f"Call plan for {self.decision}"


class Referral(models.Model):
    """Someone the user could suggest for the role they are leaving."""

    call_plan = models.ForeignKey(CallPlan, on_delete=models.CASCADE, related_name="referrals")
    name = models.CharField(max_length=200)
    how_to_reach = models.CharField(
        "how to reach them",
        max_length=200,
        blank=True,
        help_text="An e-mail address, a phone number or a profile. Ask them first.",
    )
    why_they_fit = models.CharField(
        "why they would fit",
        max_length=500,
        blank=True,
        help_text="One line you could say on the call.",
    )

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
    text = models.CharField(
        "what to do",
        max_length=300,
        help_text="For example: return the laptop, send the short confirmation e-mail.",
    )
    due_on = models.DateField(
        "by when", null=True, blank=True, help_text="Optional.", validators=[dates.validate_day]
    )
    done = models.BooleanField(default=False)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = dates.in_range("follow_up", days=["due_on"])

    def __str__(self):
        return self.text

    def toggle_done(self) -> None:
        self.done = not self.done
        self.save(update_fields=["done"])


class SkippedCheck(models.Model):
    """The user's recorded choice to go ahead without one readiness check
    (``decisions.call.readiness``), asked for before the call is marked done or an offer's
    status changes while that check is still open; or to call before accepting the new offer."""

    class Name(models.TextChoices):
        TERMS_REVIEWED = "terms_reviewed", "Legal review of the terms"
        WRITTEN_OFFER = "written_offer_in_hand", "New offer in writing"
        CONDITIONS_CLEARED = "conditions_cleared", "New offer's conditions cleared"
        START_DATE_CONFIRMED = "start_date_confirmed", "New start date confirmed"
        PROMISES_IN_WRITING = "promises_in_writing", "What was promised, in the written offer"
        NEW_OFFER_ACCEPTED = "new_offer_accepted", "New offer accepted before the call"

    call_plan = models.ForeignKey(CallPlan, on_delete=models.CASCADE, related_name="skipped_checks")
    check_name = models.CharField("check", max_length=30, choices=Name.choices)
    acknowledgement = models.CharField(max_length=300)
    skipped_at = models.DateTimeField()

    class Meta:
        ordering = ["skipped_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["call_plan", "check_name"], name="one_skip_per_check_and_plan"
            ),
            *dates.in_range("skipped_check", moments=["skipped_at"]),
        ]

    def __str__(self):
        return self.acknowledgement


class NoticeLetter(models.Model):
    """The letter that confirms in writing the notice the call gave, logged once sent
    (``decisions.call.letter``): where the law or the contract says notice is given in writing."""

    decision = models.OneToOneField(
        "decisions.Decision", on_delete=models.CASCADE, related_name="notice_letter"
    )
    sent_on = models.DateField(
        "sent on",
        help_text="The day you posted it or handed it over.",
        validators=[dates.validate_day],
    )
    text = models.TextField("the letter as sent", blank=True, max_length=LONG_TEXT_LIMIT)
    logged_at = models.DateTimeField()

    class Meta:
        constraints = dates.in_range("notice_letter", days=["sent_on"], moments=["logged_at"])

    def __str__(self):
        return f"Notice letter sent on {self.sent_on}"
