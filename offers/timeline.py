"""The dates of all a user's offers on one line, and the clashes between them. Plain Python.

An offer here is anything with ``expected_on``, ``respond_by`` and ``start_date`` attributes and
``is_expected()`` / ``is_open()`` / ``is_committed()`` methods (the Offer model has them);
``currency`` and ``package()`` are needed only to compare money inside a clash.

Only dates still in play are shown: an expected offer's arrival, an open offer's deadline, and the
start date of an offer that is open or committed. A declined or withdrawn offer has none.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from offers import compensation

# "Closing soon" means within 48 hours: today, tomorrow or the day after.
CLOSING_SOON_DAYS = 2


class Deadline(StrEnum):
    """Where an answer still owed stands, when it needs attention."""

    SOON = "soon"
    PASSED = "passed"

    @property
    def label(self) -> str:
        return "Deadline passed" if self.has_passed else "Closing soon"

    @property
    def has_passed(self) -> bool:
        return self is Deadline.PASSED


@dataclass(frozen=True)
class Event:
    ARRIVAL = "expected"
    DEADLINE = "respond_by"
    START = "start"

    date: datetime.date
    kind: str
    offer: object
    days_away: int

    @property
    def label(self) -> str:
        if self.kind == self.ARRIVAL:
            return "Offer expected"
        if self.kind == self.DEADLINE:
            return "Answer due"
        return "Start date" if self.offer.is_committed() else "Proposed start date"

    @property
    def deadline_state(self) -> Deadline | None:
        """Passed or soon for an answer still owed; None otherwise."""
        if self.kind != self.DEADLINE:
            return None
        return deadline_state(self.days_away)

    @property
    def sort_key(self):
        order = (self.ARRIVAL, self.DEADLINE, self.START).index(self.kind)
        return (self.date, order, str(self.offer))


@dataclass(frozen=True)
class Clash:
    # Two kinds: an answer is due before another offer arrives; a start date comes (or came)
    # while another offer is still open.
    ANSWER_BEFORE_ARRIVAL = "answer_before_arrival"
    START_WHILE_OPEN = "start_while_open"

    kind: str
    offer: object  # the offer whose date forces the issue
    other: object  # the offer still to come, or still open
    date: datetime.date
    has_passed: bool = False

    @property
    def is_answer_before_arrival(self) -> bool:
        return self.kind == self.ANSWER_BEFORE_ARRIVAL

    @property
    def same_currency(self) -> bool:
        return self.offer.currency == self.other.currency

    @property
    def four_year_totals(self) -> tuple:
        """Each offer's four-year total, as its own page shows it."""
        return (
            compensation.headline(self.offer.package())[1],
            compensation.headline(self.other.package())[1],
        )

    def involves(self, event: "Event") -> bool:
        """Whether ``event`` is one of the two dates this clash is about."""
        if self.is_answer_before_arrival:
            return (event.offer is self.offer and event.kind == Event.DEADLINE) or (
                event.offer is self.other and event.kind == Event.ARRIVAL
            )
        return event.offer is self.offer and event.kind == Event.START


def deadline_state(days_away: int | None) -> Deadline | None:
    if days_away is None:
        return None
    if days_away < 0:
        return Deadline.PASSED
    if days_away <= CLOSING_SOON_DAYS:
        return Deadline.SOON
    return None


def events_for(offer, today: datetime.date) -> list[Event]:
    """The dates of one offer that are still in play, in order."""
    dated = []
    if offer.is_expected() and offer.expected_on:
        dated.append((Event.ARRIVAL, offer.expected_on))
    if offer.is_open() and offer.respond_by:
        dated.append((Event.DEADLINE, offer.respond_by))
    if (offer.is_open() or offer.is_committed()) and offer.start_date:
        dated.append((Event.START, offer.start_date))
    found = [Event(date, kind, offer, (date - today).days) for kind, date in dated]
    return sorted(found, key=lambda e: e.sort_key)


def events(offers, today: datetime.date) -> list[Event]:
    """Every date in play across ``offers``, in order."""
    return sorted(
        (event for offer in offers for event in events_for(offer, today)),
        key=lambda e: e.sort_key,
    )


def clashes(offers, today: datetime.date) -> list[Clash]:
    """Where one offer's dates force a choice before another offer is settled."""
    offers = list(offers)
    found = []
    for offer in offers:
        for other in offers:
            if other is offer:
                continue
            if _answer_due_before_arrival(offer, other, today):
                found.append(Clash(Clash.ANSWER_BEFORE_ARRIVAL, offer, other, offer.respond_by))
            if _starts_while_open(offer, other, today):
                found.append(
                    Clash(
                        Clash.START_WHILE_OPEN,
                        offer,
                        other,
                        offer.start_date,
                        has_passed=offer.start_date <= today,
                    )
                )
    return sorted(found, key=lambda c: (c.date, c.kind, str(c.offer), str(c.other)))


def _answer_due_before_arrival(offer, other, today) -> bool:
    """``offer`` wants an answer (still ahead) on or before the day ``other`` is expected."""
    return (
        offer.is_open()
        and offer.respond_by is not None
        and offer.respond_by >= today
        and other.is_expected()
        and other.expected_on is not None
        and offer.respond_by <= other.expected_on
    )


def _starts_while_open(offer, other, today) -> bool:
    """``offer`` is committed and starts (or started) while ``other`` may still be open."""
    if not (offer.is_committed() and offer.start_date and other.is_open()):
        return False
    if offer.start_date <= today:
        return True
    # The other offer is settled in time only if its answer is due before the first day.
    return other.respond_by is None or other.respond_by >= offer.start_date


def clash_numbers(timeline: list[Event], found: list[Clash]) -> list[int | None]:
    """For each event, the 1-based number of the first clash it is part of, or None."""
    return [
        next((n for n, clash in enumerate(found, start=1) if clash.involves(event)), None)
        for event in timeline
    ]


def today_index(timeline: list[Event], today: datetime.date) -> int:
    """Where "today" goes in ``timeline``: before the first event on or after today."""
    return next((i for i, event in enumerate(timeline) if event.date >= today), len(timeline))
