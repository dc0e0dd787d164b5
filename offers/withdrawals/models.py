"""Withdrawing from a process once another offer is accepted: the step owed, and what the user
told the company when they did it. ``offers/changes.py`` makes both; nothing else writes them."""

from django.db import models
from django.db.models import Q

from crossroads import dates


class WithdrawalQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(offer__owner=user)

    def pending(self):
        """Still to do, and still worth doing: the offer is open, the offer accepted instead is
        still accepted (backing out of it again cancels the step), and nothing is recorded yet."""
        from offers.models import Offer

        return self.filter(
            told_at__isnull=True,
            offer__status__in=Offer.OPEN_STATUSES,
            accepted_offer__status__in=Offer.COMMITTED_STATUSES,
        )


class Withdrawal(models.Model):
    """One company to tell that the user is withdrawing, because they accepted another offer."""

    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE, related_name="withdrawals")
    # The offer the user accepted, which made this step owed.
    accepted_offer = models.ForeignKey(
        "offers.Offer", on_delete=models.CASCADE, related_name="withdrawals_owed"
    )
    owed_since = models.DateTimeField()
    told_at = models.DateTimeField("told them on", null=True, blank=True)
    message = models.TextField(
        "what you told them",
        blank=True,
        help_text="A short, polite message or the note of your call: thank them, say you have "
        "accepted another position, and keep it brief. Change it as you like.",
    )
    names_new_employer = models.BooleanField(
        "name my new employer",
        default=False,
        help_text="Leave it unticked to keep your new employer to yourself: saying you accepted "
        "another position is enough.",
    )

    objects = WithdrawalQuerySet.as_manager()

    class Meta:
        ordering = ["owed_since", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "accepted_offer"], name="withdrawal_once_per_acceptance"
            ),
            models.CheckConstraint(
                condition=~Q(offer=models.F("accepted_offer")), name="withdrawal_from_another"
            ),
            *dates.in_range("withdrawal", moments=["owed_since", "told_at"]),
        ]

    def __str__(self):
        return f"Withdrawing from {self.offer.company}"

    def is_pending(self) -> bool:
        return self.told_at is None and self.offer.is_open() and self.accepted_offer.is_committed()
