"""Which withdrawals a user still owes, and what that means for the advice on their offers."""

from dataclasses import dataclass

from offers.withdrawals.models import Withdrawal


def pending_for(user) -> list[Withdrawal]:
    """The withdrawals still to make, oldest first, with both offers' names: one query. The
    lists (``_pending.html``) name the two companies only, so only those columns are read."""
    owed = (
        Withdrawal.objects.for_user(user)
        .pending()
        .select_related("offer", "accepted_offer")
        .only("offer__company", "accepted_offer__company")
    )
    return list(owed)


@dataclass(frozen=True)
class Owed:
    """A withdrawal still to make, named by the user's offers as a page has loaded them (outlines
    or models): what ``_pending.html`` reads of a ``Withdrawal``."""

    offer: object
    accepted_offer: object
    told_at: None = None

    @property
    def offer_id(self) -> int:
        return self.offer.pk

    is_pending = Withdrawal.is_pending


def pending_among(user, offers) -> list[Owed]:
    """``pending_for`` for a page that has loaded every offer of the user (``offers``): only which
    withdrawals are untold is read (one small query), and the offers answer whether each is still
    owed (``Withdrawal.is_pending``)."""
    by_pk = {offer.pk: offer for offer in offers}
    untold = (
        Withdrawal.objects.for_user(user)
        .filter(told_at__isnull=True)
        .values_list("offer_id", "accepted_offer_id")
    )
    owed = [
        Owed(by_pk[offer], by_pk[accepted])
        for offer, accepted in untold
        if offer in by_pk and accepted in by_pk
    ]
    return [withdrawal for withdrawal in owed if withdrawal.is_pending()]


def still_weighed(offers, pending) -> list:
    """The offers whose dates and clashes the timeline and the dashboard advise on: an offer
    owed a withdrawal is settled by statuses (another offer was accepted instead), so the advice
    about it is the withdrawal ("Tell Moldau Bank you are withdrawing"), never a choice still to
    make about it ("If you stay, tell them promptly")."""
    leaving = {withdrawal.offer_id for withdrawal in pending}
    return [offer for offer in offers if offer.pk not in leaving]
