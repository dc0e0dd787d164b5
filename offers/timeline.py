"""The dates of all a user's offers on one line, and the clashes between them. Plain Python.

An offer here is anything with ``expected_on``, ``respond_by`` and ``start_date`` attributes and
``is_expected()`` / ``is_open()`` / ``is_committed()`` methods (the Offer model has them);
``currency`` and ``package()`` are needed only to compare money inside a clash.

Only dates still in play are shown: an expected offer's arrival, an open offer's deadline, and the
start date of an offer that is open or committed. A declined or withdrawn offer has none.
"""

import bisect
import datetime
import heapq
import math
from dataclasses import dataclass
from enum import StrEnum

from offers import exchange

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

    def four_year_money(self, totals, home, rates) -> exchange.Comparison | None:
        """The two offers' four-year totals (``totals``, by pk: ``Offer.objects.headlines()``)
        set against each other (keys "offer" and "other"), with the user's rate when their
        currencies differ; None while either has no money entered."""
        first, second = totals.get(self.offer.pk), totals.get(self.other.pk)
        if not (first and second):
            return None
        return exchange.compare(
            {"offer": (first, self.offer.currency), "other": (second, self.other.currency)},
            home,
            rates,
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
    found = [Event(date, kind, offer, (date - today).days) for kind, date in _dates_in_play(offer)]
    return sorted(found, key=lambda e: e.sort_key)


def _dates_in_play(offer):
    """(kind, date) for each date of ``offer`` that is still in play."""
    if offer.is_expected() and offer.expected_on:
        yield Event.ARRIVAL, offer.expected_on
    if offer.is_open() and offer.respond_by:
        yield Event.DEADLINE, offer.respond_by
    if (offer.is_open() or offer.is_committed()) and offer.start_date:
        yield Event.START, offer.start_date


def events(offers, today: datetime.date) -> list[Event]:
    """Every date in play across ``offers``, in order."""
    return [_event(entry, today) for entry in sorted(_entries(offers))]


def upcoming(offers, today: datetime.date, count: int) -> list[Event]:
    """The next ``count`` dates from today on, in order, without putting every date in order."""
    entries = (entry for entry in _entries(offers) if entry[0] >= today)
    return [_event(entry, today) for entry in heapq.nsmallest(count, entries)]


# A date in play as a plain tuple, cheap to sort: (date, kind's order, offer's name, offer's place
# among the offers, kind, offer). The place settles any tie before two offers would be compared.
_KINDS = (Event.ARRIVAL, Event.DEADLINE, Event.START)


def _entries(offers):
    for place, offer in enumerate(offers):
        name = str(offer)
        for kind, date in _dates_in_play(offer):
            yield (date, _KINDS.index(kind), name, place, kind, offer)


def _event(entry, today: datetime.date) -> Event:
    date, _order, _name, _place, kind, offer = entry
    return Event(date, kind, offer, (date - today).days)


def clashes(offers, today: datetime.date) -> list[Clash]:
    """Where one offer's dates force a choice before another offer is settled, in date order
    (then kind, then the two offers' names)."""
    found = [clash for forcing in _forcing(offers, today) for clash in forcing.clashes()]
    # Already in order but for two offers of the same name: this puts those as they always were.
    return sorted(found, key=lambda c: (c.date, c.kind, str(c.offer), str(c.other)))


def first_clashes(offers, today: datetime.date, kind: str, count: int) -> list[Clash]:
    """The first ``count`` clashes of one kind, in the order ``clashes`` lists them, found
    without listing the rest."""
    return _first_of(_forcing(offers, today), kind, count)


def count_and_first_clashes(offers, today, kind: str, count: int) -> tuple[int, list[Clash]]:
    """``count_clashes`` and ``first_clashes`` at once, finding the offers that force a choice
    once for both."""
    forcing = _forcing(offers, today)
    return sum(each.count() for each in forcing), _first_of(forcing, kind, count)


def _first_of(forcings, kind: str, count: int) -> list[Clash]:
    found = []
    for forcing in forcings:
        if forcing.kind == kind and len(found) < count:
            found += forcing.clashes(limit=count - len(found))
    return found


def count_clashes(offers, today: datetime.date) -> int:
    """How many clashes there are, without listing them: each offer that forces a choice finds
    how many others it clashes with by bisecting sorted dates."""
    return sum(forcing.count() for forcing in _forcing(offers, today))


class _Forcing:
    """An offer whose date forces a choice, and the other offers it forces it about.

    Offers are sorted by date once; the others are then a slice of a sorted list, found by
    bisecting, never by comparing every pair of offers."""

    def __init__(self, kind, offer, date, others, rank, has_passed=False):
        self.kind, self.offer, self.date, self.has_passed = kind, offer, date, has_passed
        self._others, self._rank = others, rank

    @property
    def sort_key(self):
        return (self.date, self.kind, self._rank[id(self.offer)])

    def count(self) -> int:
        return sum(len(part) for part in self._others) - self._includes_itself()

    def clashes(self, limit: int | None = None) -> list[Clash]:
        """Its clashes, the others in order of name; only the first ``limit`` if given."""
        others = (other for part in self._others for other in part if other is not self.offer)
        if limit is None:
            ordered = sorted(others, key=lambda other: self._rank[id(other)])
        else:
            ordered = heapq.nsmallest(limit, others, key=lambda other: self._rank[id(other)])
        return [Clash(self.kind, self.offer, o, self.date, self.has_passed) for o in ordered]

    def _includes_itself(self) -> int:
        """An expected offer due to be answered before it arrives is not a clash with itself."""
        if self.kind != Clash.ANSWER_BEFORE_ARRIVAL or not self.offer.is_expected():
            return 0
        return sum(1 for part in self._others for other in part if other is self.offer)


def _forcing(offers, today: datetime.date) -> list[_Forcing]:
    """Every offer whose date forces a choice, in the order their clashes are listed: by date,
    kind, then the offers' names (and their order as given, for two of the same name)."""
    offers = list(offers)
    position = {id(offer): n for n, offer in enumerate(offers)}
    by_name = sorted(offers, key=lambda offer: (str(offer), position[id(offer)]))
    rank = {id(offer): n for n, offer in enumerate(by_name)}

    expected = sorted(
        (o for o in offers if o.is_expected() and o.expected_on is not None),
        key=lambda o: o.expected_on,
    )
    arrivals = [offer.expected_on for offer in expected]
    still_open = [offer for offer in offers if offer.is_open()]
    undated = [offer for offer in still_open if offer.respond_by is None]
    dated = sorted((o for o in still_open if o.respond_by is not None), key=lambda o: o.respond_by)
    deadlines = [offer.respond_by for offer in dated]

    found = []
    for offer in still_open:
        # An answer still ahead, due on or before the day other offers are expected.
        if offer.respond_by is not None and offer.respond_by >= today:
            later = expected[bisect.bisect_left(arrivals, offer.respond_by) :]
            if later:
                found.append(
                    _Forcing(Clash.ANSWER_BEFORE_ARRIVAL, offer, offer.respond_by, [later], rank)
                )
    for offer in offers:
        # A start date that came while others are open, or comes before they are settled.
        if not (offer.is_committed() and offer.start_date):
            continue
        if offer.start_date <= today:
            others = [still_open]
        else:
            others = [undated, dated[bisect.bisect_left(deadlines, offer.start_date) :]]
        has_passed = offer.start_date <= today
        found.append(
            _Forcing(Clash.START_WHILE_OPEN, offer, offer.start_date, others, rank, has_passed)
        )
    found.sort(key=lambda forcing: forcing.sort_key)
    return found


def clash_numbers(timeline: list[Event], found: list[Clash]) -> list[int | None]:
    """For each event, the 1-based number of the first clash it is part of, or None."""
    return [
        next((n for n, clash in enumerate(found, start=1) if clash.involves(event)), None)
        for event in timeline
    ]


def today_index(timeline: list[Event], today: datetime.date) -> int:
    """Where "today" goes in ``timeline``: before the first event on or after today."""
    return next((i for i, event in enumerate(timeline) if event.date >= today), len(timeline))


# A page of the timeline -------------------------------------------------------------------------

DATES_SHOWN = 15  # dates on a page of the timeline
RECENT_SHOWN = 3  # of which, on the first page, at most this many already past
CLASHES_SHOWN = 5  # clashes listed with a page (the soonest), unless every one is asked for


@dataclass(frozen=True)
class Window:
    """One page of the timeline: some dates, and the clashes they force."""

    events: list[Event]
    today_index: int | None  # where "today" goes among the events; None if not on this page
    page: int  # 0 starts just before today; earlier pages are negative
    earlier: int | None  # the page of the dates before these, if any
    later: int | None
    clashes: list[Clash]  # forced by the dates shown (the first page: or before them)
    clash_count: int  # every clash, listed or not
    every_clash: bool  # all of them listed, whatever their dates

    @property
    def offers(self) -> list:
        """Every offer the page shows."""
        found = [event.offer for event in self.events]
        found += [offer for clash in self.clashes for offer in (clash.offer, clash.other)]
        return found

    def rows(self) -> list[tuple[Event, int | None]]:
        """Each date with the number of the first clash listed that it is part of."""
        return list(zip(self.events, clash_numbers(self.events, self.clashes), strict=True))


def window(offers, today: datetime.date, page: int = 0, every_clash: bool = False) -> Window:
    """Page ``page`` of the timeline of ``offers``: at most ``DATES_SHOWN`` dates, the first
    page from a few recent ones on; and the clashes those dates force, at most ``CLASHES_SHOWN``
    of them unless ``every_clash``. The work grows with the offers times their logarithm, not
    with every pair of them, nor with every clash."""
    offers = list(offers)
    entries = sorted(_entries(offers))
    now = bisect.bisect_left([entry[0] for entry in entries], today)
    first = max(0, now - RECENT_SHOWN)  # where page 0 starts
    lowest = -math.ceil(first / DATES_SHOWN)
    highest = max(0, math.ceil((len(entries) - first) / DATES_SHOWN) - 1)
    page = min(max(page, lowest), highest)
    start = max(0, first + page * DATES_SHOWN)
    end = max(0, first + (page + 1) * DATES_SHOWN)
    shown = entries[start:end]
    on_page = start <= now < end or (now == len(entries) and page == highest)

    forcing = _forcing(offers, today)
    place = {(id(entry[5]), entry[4]): n for n, entry in enumerate(entries)}
    if every_clash:
        listed = clashes(offers, today)
    else:
        # The first page also lists the clashes forced by dates before it: a start date passed.
        since = 0 if page == 0 else start
        kinds = {Clash.ANSWER_BEFORE_ARRIVAL: Event.DEADLINE, Clash.START_WHILE_OPEN: Event.START}
        listed = []
        for item in forcing:
            if since <= place[(id(item.offer), kinds[item.kind])] < end:
                listed += item.clashes(limit=CLASHES_SHOWN - len(listed))
                if len(listed) == CLASHES_SHOWN:
                    break
    return Window(
        events=[_event(entry, today) for entry in shown],
        today_index=now - start if on_page else None,
        page=page,
        earlier=page - 1 if start > 0 else None,
        later=page + 1 if end < len(entries) else None,
        clashes=listed,
        clash_count=sum(item.count() for item in forcing),
        every_clash=every_clash,
    )
