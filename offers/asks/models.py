"""A conversation that resolves a clash between two offers: asking for more time, or telling an
expected offer's recruiter about a deadline elsewhere."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from crossroads import dates
from offers.asks import rules


class TimeAskQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(offer__owner=user)

    def pending(self):
        return self.filter(answer=TimeAsk.Answer.PENDING)


class TimeAsk(models.Model):
    """One conversation that resolves a clash: asking for more time to answer an offer, telling
    an expected offer's recruiter about a deadline elsewhere, or asking to start after the notice
    at the current job ends; and what they said."""

    class Kind(models.TextChoices):
        MORE_TIME = "more_time", "Asked for more time"
        HEADS_UP = "heads_up", "Told them about my deadline"
        START_LATER = "start_later", "Asked to start later"

    class Channel(models.TextChoices):
        PHONE = "phone", "Phone call"
        VIDEO = "video", "Video call"
        IN_PERSON = "in_person", "In person"
        EMAIL = "email", "E-mail"

    class Answer(models.TextChoices):
        PENDING = "pending", "No answer yet"
        GRANTED = "granted", "Yes, until a new date"
        PARTLY = "partly", "Partly: a shorter time than asked"
        REFUSED = "refused", "No"

    MOVES_DATE = (Answer.GRANTED, Answer.PARTLY)

    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE, related_name="time_asks")
    # The offer in the clash that made this conversation worth having.
    other_offer = models.ForeignKey(
        "offers.Offer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    asked_on = models.DateField(
        "when you ask",
        help_text="Today, or the day you plan to call.",
        validators=[dates.validate_day],
    )
    channel = models.CharField(
        "how",
        max_length=10,
        choices=Channel.choices,
        default="phone",
        help_text="A call is best; an e-mail afterwards confirms what you agreed.",
    )
    contact = models.ForeignKey(
        "offers.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="time_asks",
        verbose_name="who you will speak to",
    )
    script = models.TextField("what to say", blank=True)
    names_other_company = models.BooleanField("name the other company", default=False)
    # More time: the day asked for. Heads-up: the day the user must answer elsewhere.
    # Start later: the start date asked for.
    requested_date = models.DateField(
        "date asked for", null=True, blank=True, validators=[dates.validate_day]
    )
    answer = models.CharField(
        "what did they say?", max_length=10, choices=Answer.choices, default=Answer.PENDING
    )
    answered_on = models.DateField(
        "when did they answer?", null=True, blank=True, validators=[dates.validate_day]
    )
    # More time: the new answer deadline. Heads-up: the day the offer will now come.
    # Start later: the new start date.
    new_date = models.DateField("new date", null=True, blank=True, validators=[dates.validate_day])
    # The offer's date before this answer moved it.
    previous_date = models.DateField("date before", null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = TimeAskQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_on", "-pk"]
        constraints = [
            *dates.in_range(
                "time_ask",
                days=["asked_on", "requested_date", "answered_on", "new_date", "previous_date"],
            ),
            models.CheckConstraint(
                name="time_ask_answer_dated",
                condition=Q(answer="pending", answered_on__isnull=True)
                | (~Q(answer="pending") & Q(answered_on__isnull=False)),
            ),
            models.CheckConstraint(
                name="time_ask_new_date_when_granted",
                condition=Q(answer__in=["granted", "partly"], new_date__isnull=False)
                | Q(answer__in=["pending", "refused"], new_date__isnull=True),
            ),
            models.CheckConstraint(
                name="time_ask_answer_after_ask",
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=F("asked_on")),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.offer.company} on {self.asked_on}"

    def get_absolute_url(self):
        return reverse("offers:ask", args=[self.pk])

    def is_pending(self) -> bool:
        return self.answer == self.Answer.PENDING

    def follow_up_on(self) -> datetime.date:
        """When an unanswered ask deserves a friendly nudge."""
        return rules.follow_up_on(self.asked_on)

    def is_waiting(self) -> bool:
        """Unanswered, about an offer still open: once the offer is accepted or closed the
        question is settled, and nobody needs a follow-up."""
        return self.is_pending() and self.offer.is_open()

    def needs_nudge(self, today: datetime.date | None = None) -> bool:
        return self.is_waiting() and (today or timezone.localdate()) >= self.follow_up_on()

    def moved_field(self) -> str:
        """The offer's date a yes moves: its deadline, its start date, or the day it is expected."""
        return MOVES[self.kind]


MOVES = {
    TimeAsk.Kind.MORE_TIME: "respond_by",
    TimeAsk.Kind.HEADS_UP: "expected_on",
    TimeAsk.Kind.START_LATER: "start_date",
}


def get_ask_for_user(user, pk) -> TimeAsk:
    """One of the user's asks with its offers and contact; anyone else's is a 404."""
    return get_object_or_404(
        TimeAsk.objects.select_related("offer", "other_offer", "contact"),
        pk=pk,
        offer__owner=user,
    )
