"""Which withdrawals a user still owes, and what that means for the advice on their offers."""

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


def still_weighed(offers, pending) -> list:
    """The offers whose dates and clashes the timeline and the dashboard advise on: an offer
    owed a withdrawal is settled by statuses (another offer was accepted instead), so the advice
    about it is the withdrawal ("Tell Moldau Bank you are withdrawing"), never a choice still to
    make about it ("If you stay, tell them promptly")."""
    leaving = {withdrawal.offer_id for withdrawal in pending}
    return [offer for offer in offers if offer.pk not in leaving]
