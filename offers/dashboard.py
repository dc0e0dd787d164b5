from django.utils import timezone

from offers import timeline
from offers.models import Offer

NEXT_DATES = 3
# An open offer "needs an answer soon" when its deadline is this close, or already passed.
ANSWER_SOON_DAYS = 7


def dashboard_context(user) -> dict:
    """The offers' part of the dashboard: next deadlines and offers that need an answer soon.
    One query, whatever the number of offers, and no pair of offers compared."""
    today = timezone.localdate(timezone=user.zone())
    offers = Offer.objects.for_user(user).outlines()
    in_play = [offer for offer in offers if offer.is_in_play()]
    answer_soon = [
        offer
        for offer in in_play
        if offer.is_open()
        and offer.respond_by is not None
        and offer.days_until_deadline(today) <= ANSWER_SOON_DAYS
    ]
    answer_soon.sort(key=lambda offer: (offer.respond_by, offer.company))
    return {
        "offers_has_any": bool(offers),
        "offers_next_dates": timeline.upcoming(in_play, today, NEXT_DATES),
        "offers_answer_soon": [(offer, offer.days_until_deadline(today)) for offer in answer_soon],
        "offers_clash_count": timeline.count_clashes(in_play, today),
    }
