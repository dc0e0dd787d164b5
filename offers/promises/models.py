"""What was promised about an offer by phone, by video or in person, and whether the written offer
says it: a promise not found in writing binds no one, so the call plan asks for it before the
user accepts (``decisions.call.readiness.promises_check``)."""

from django.db import models
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse

from crossroads import dates
from crossroads.text import LONG_TEXT_LIMIT


class PromiseQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(offer__owner=user)


class Promise(models.Model):
    """One thing someone promised about an offer, and whether the written offer says it."""

    class How(models.TextChoices):
        PHONE = "phone", "On the phone"
        VIDEO = "video", "On a video call"
        IN_PERSON = "in_person", "In person"
        EMAIL = "email", "By e-mail"

    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE, related_name="promises")
    what = models.TextField(
        "what was promised",
        help_text="In a few words, as they said it: a remote day a week, a job title, a bonus, "
        f"a start date (up to {LONG_TEXT_LIMIT:,} characters).",
    )
    contact = models.ForeignKey(
        "offers.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="promises",
        verbose_name="who promised it",
    )
    promised_by = models.CharField(
        "or someone not listed",
        max_length=200,
        blank=True,
        help_text="A name or a role, if they are not among the people on this offer.",
    )
    promised_on = models.DateField(
        "when", help_text="The day they said it; roughly is fine.", validators=[dates.validate_day]
    )
    how = models.CharField(
        "how they said it",
        max_length=10,
        choices=How.choices,
        default=How.PHONE,
        help_text="Calls and meetings leave no record: the written offer is what counts.",
    )
    found_in_writing = models.BooleanField(
        "found in the written offer",
        default=False,
        help_text="Tick once the written offer or its contract says it.",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = PromiseQuerySet.as_manager()

    class Meta:
        ordering = ["promised_on", "pk"]
        constraints = [*dates.in_range("promise", days=["promised_on"])]

    def __str__(self):
        return self.what if len(self.what) <= 60 else f"{self.what[:59]}…"

    def get_absolute_url(self):
        """Promises are shown on their offer's page: this one's own place there."""
        return reverse("offers:detail", args=[self.offer_id]) + f"#promise-{self.pk}"

    def who(self) -> str:
        """Who promised it, in words: the person on the offer, the name typed, or nobody noted."""
        if self.contact is not None:
            return self.contact.name
        return self.promised_by


def get_promise_for_user(user, offer_pk, pk) -> Promise:
    """One promise about one of the user's offers, with its offer and person; else a 404."""
    return get_object_or_404(
        Promise.objects.select_related("offer", "contact"),
        pk=pk,
        offer_id=offer_pk,
        offer__owner=user,
    )


def prefetch_promises(lookup: str = "promises") -> Prefetch:
    """For ``prefetch_related``: the promises of the offers at ``lookup``, each with its person,
    in one query however many there are."""
    return Prefetch(lookup, queryset=Promise.objects.select_related("contact"))
