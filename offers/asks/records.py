"""Saving an ask and its answer, and reading the asks about the offers a page has loaded. An
answer that grants time moves the offer's date in the same transaction, keeping the old date on
the ask."""

import datetime
from dataclasses import dataclass

from django.db import transaction

from offers.asks import rules, script
from offers.models import Contact, Offer, TimeAsk
from offers.outlines import OfferOutline
from offers.terms.page import free_day

# An ask's columns, its contact's, and of its offer those of an outline (``asks_about``): Django
# compiles a query by its columns, and an offer has some sixty.
WITH_OUTLINE = (
    *(field.name for field in TimeAsk._meta.concrete_fields),
    *(f"contact__{field.name}" for field in Contact._meta.concrete_fields),
    *(f"offer__{name}" for name in OfferOutline.FIELDS if name != "pk"),
)


def save_ask(ask: TimeAsk) -> TimeAsk:
    """A heads-up tells the company about other processes, so the offer records that they know."""
    with transaction.atomic():
        ask.save()
        if ask.kind == TimeAsk.Kind.HEADS_UP:
            Offer.objects.filter(pk=ask.offer_id).update(knows_other_processes="yes")
    return ask


def record_answer(ask: TimeAsk) -> bool:
    """Save the answer set on ``ask``; a yes (full or partial) moves the offer's date to
    ``ask.new_date``. The rows are locked, so of two tabs answering at once only the first
    counts: False when the answer was already recorded."""
    with transaction.atomic():
        offer = Offer.objects.select_for_update().get(pk=ask.offer_id)
        if not TimeAsk.objects.select_for_update().filter(pk=ask.pk).pending().exists():
            return False
        if ask.answer in TimeAsk.MOVES_DATE:
            field = ask.moved_field()
            ask.previous_date = getattr(offer, field)
            setattr(offer, field, ask.new_date)
            offer.save(update_fields=[field, "updated"])
        ask.save()
    ask.offer = offer
    return True


def draft_ask(offer: Offer, kind: str, other: Offer | None, names_other: bool, today) -> TimeAsk:
    """A new, unsaved ask with everything filled in for the user to check: the person to speak
    to, the date to ask for and the words."""
    ask = TimeAsk(
        offer=offer,
        kind=kind,
        other_offer=other,
        asked_on=today,
        contact=script.default_contact(offer.contacts.all()),
        names_other_company=names_other,
    )
    if kind == TimeAsk.Kind.MORE_TIME:
        other_expected = other.expected_on if other is not None else None
        ask.requested_date = rules.proposed_until(offer.respond_by, other_expected, today)
        ask.script = script.more_time(offer, other, ask.requested_date, names_other)
    elif kind == TimeAsk.Kind.START_LATER:
        free = free_day(other, today) if other is not None else None
        free_from = free["free_from"] if free else None
        ask.requested_date = rules.proposed_start(offer.start_date, free_from, today)
        ask.script = script.start_later(offer, free, ask.requested_date)
    else:
        ask.requested_date = other.respond_by if other is not None else None
        ask.script = script.heads_up(offer, other, names_other)
    return ask


@dataclass(eq=False, slots=True)
class AskOutline:
    """An ask as the dashboard lists it, beside a clash or still waiting for an answer: its kind,
    day and answer, about an offer the page has loaded (an outline). Read as a plain row of a
    few columns, answering with the model's own rules (its methods, not copies of them), as
    ``OfferOutline`` does for offers."""

    FIELDS = ("pk", "offer_id", "kind", "asked_on", "answer", "new_date")

    pk: int
    offer_id: int
    kind: str
    asked_on: datetime.date
    answer: str
    new_date: datetime.date | None
    offer: object = None

    Answer = TimeAsk.Answer
    get_absolute_url = TimeAsk.get_absolute_url
    is_pending = TimeAsk.is_pending
    follow_up_on = TimeAsk.follow_up_on
    is_waiting = TimeAsk.is_waiting
    needs_nudge = TimeAsk.needs_nudge


def ask_outlines_about(user, offers) -> list[AskOutline]:
    """``asks_about`` for a page that shows no ask's contact, its ``offers`` loaded already
    (outlines or models): one query of the asks' own few columns, each ask given its offer."""
    by_pk = {offer.pk: offer for offer in offers}
    asks = []
    for row in TimeAsk.objects.for_user(user).values_list(*AskOutline.FIELDS):
        offer = by_pk.get(row[1])
        if offer is not None:
            asks.append(AskOutline(*row, offer))
    return asks


def asks_about(user, offers) -> list[TimeAsk]:
    """The user's asks about ``offers`` (already loaded, so each ask reuses its offer), newest
    first. One query, whatever the numbers. Offers read as outlines (``Offer.objects.outlines()``)
    are not models to hang on an ask: then each ask's offer is loaded with it, in the same query,
    with the outline's columns."""
    by_pk = {offer.pk: offer for offer in offers}
    models = all(isinstance(offer, Offer) for offer in offers)
    found = TimeAsk.objects.for_user(user)
    if models:
        found = found.select_related("contact")
    else:
        found = found.select_related("contact", "offer").only(*WITH_OUTLINE)
    asks = []
    for ask in found:
        if ask.offer_id in by_pk:
            if models:
                ask.offer = by_pk[ask.offer_id]
            asks.append(ask)
    return asks
