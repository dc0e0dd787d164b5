"""The notice clash: the earliest day the user is free of a committed offer, if they gave notice
on a day, falls after another offer's start date. Plain Python over offers with their leaving
terms loaded (``offers.terms.models.terms_of``)."""

import datetime
from dataclasses import dataclass

from offers.terms.page import free_day


@dataclass(frozen=True)
class NoticeClash:
    committed: object  # the offer to leave, with its leaving terms
    new: object  # the offer that would start too soon
    given_on: datetime.date
    last_day: datetime.date
    free_from: datetime.date
    period: str  # the notice period in words

    @property
    def days_short(self) -> int:
        """How many days the new start date comes before the user is free."""
        return (self.free_from - self.new.start_date).days


def notice_clash(committed, new, given_on: datetime.date) -> NoticeClash | None:
    """The clash between leaving ``committed`` with notice given on ``given_on`` and starting
    ``new``; None when the user is free in time, or when either date is unknown."""
    if new.start_date is None:
        return None
    free = free_day(committed, given_on)
    if free is None or free["free_from"] <= new.start_date:
        return None
    return NoticeClash(
        committed, new, given_on, free["last_day"], free["free_from"], free["period"]
    )


def notice_clashes(committed_offers, offers, today: datetime.date) -> list[NoticeClash]:
    """Every open offer in ``offers`` that would start before the user is free of one of
    ``committed_offers``, notice given today; the soonest start first."""
    found = [
        clash
        for committed in committed_offers
        for offer in offers
        if offer.is_open() and offer.pk != committed.pk
        if (clash := notice_clash(committed, offer, today)) is not None
    ]
    return sorted(found, key=lambda c: (c.new.start_date, str(c.new), str(c.committed)))
