import heapq

from django.utils import timezone

from offers import exchange, timeline
from offers.asks import records as ask_records
from offers.asks import rules as ask_rules
from offers.models import Offer
from offers.rates import money_terms
from offers.withdrawals import records as withdrawal_records

NEXT_DATES = 3
# An open offer "needs an answer soon" when its deadline is this close, or already passed.
ANSWER_SOON_DAYS = 7
# The dashboard names this many offers of a list (the soonest first) and counts the rest, which
# the list of offers shows: the page stays short however many offers there are.
OFFERS_SHOWN = 5


def dashboard_context(user) -> dict:
    """The offers' part of the dashboard: next deadlines, offers that need an answer soon, clashes
    with the conversations that resolve them, asks still waiting for an answer, offers with no
    known deadline, the one worth most (with the user's rates) and the withdrawals still to make
    (whose offers are weighed no more). Two queries, whatever the numbers: the offers read as
    outlines with their four years added up by the database, and the asks about them; the
    clashes counted and the first few found without comparing every pair. One more to read the
    exchange rates when the money compared is in several currencies, and one when an offer owes
    a withdrawal not told yet."""
    today = timezone.localdate(timezone=user.zone())
    offers = Offer.objects.for_user(user).outlines()
    # Which withdrawals are untold is read only when some offer has one: mostly none is.
    owing = any(offer.owes_withdrawal for offer in offers)
    withdrawals = withdrawal_records.pending_among(user, offers) if owing else []
    in_play = withdrawal_records.still_weighed([o for o in offers if o.is_in_play()], withdrawals)
    answer_soon = [
        offer
        for offer in in_play
        if offer.is_open()
        and offer.respond_by is not None
        and offer.days_until_deadline(today) <= ANSWER_SOON_DAYS
    ]
    soonest = heapq.nsmallest(
        OFFERS_SHOWN, answer_soon, key=lambda offer: (offer.respond_by, offer.company)
    )
    no_deadline = [
        offer
        for offer in in_play
        if offer.status == Offer.Status.RECEIVED and offer.respond_by is None
    ]
    asks = ask_records.ask_outlines_about(user, in_play)
    clash_count, answer_clashes = timeline.count_and_first_clashes(
        in_play, today, timeline.Clash.ANSWER_BEFORE_ARRIVAL, NEXT_DATES
    )
    # The best two of each currency decide which is worth most (``exchange.leaders``); the
    # offers with no figures yet are named, never compared.
    totals = {offer: (offer.four_year_headline, offer.currency) for offer in in_play}
    no_figures = {offer: totals[offer] for offer in in_play if not offer.has_figures}
    leaders = exchange.leaders({o: t for o, t in totals.items() if o not in no_figures})
    # Money in one currency is compared in it: then no exchange rate is read.
    shown = [currency for _, currency in leaders.values()]
    terms = money_terms(user, [offer.currency for offer in offers], shown=shown)
    comparison = terms.compare({**leaders, **no_figures}, no_figures)
    best = comparison.best()
    return {
        "offers_has_any": bool(offers),
        "offers_withdrawals": withdrawals,
        "offers_money": comparison if len(in_play) > 1 else None,
        "offers_money_best": best and (best, comparison.amounts[best]),
        "offers_has_example": any(offer.is_example for offer in offers),
        "offers_next_dates": timeline.upcoming(in_play, today, NEXT_DATES),
        "offers_answer_soon": [(offer, offer.days_until_deadline(today)) for offer in soonest],
        "offers_answer_soon_more": len(answer_soon) - len(soonest),
        "offers_clash_count": clash_count,
        "offers_clash_rows": ask_rules.clashes_with_asks(answer_clashes, asks),
        "offers_pending_asks": [ask for ask in asks if ask.is_waiting()],
        "offers_no_deadline": no_deadline[:OFFERS_SHOWN],
        "offers_no_deadline_more": len(no_deadline) - OFFERS_SHOWN,
    }
