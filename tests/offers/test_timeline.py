"""The timeline module on its own, with plain stand-ins for offers (no database)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from offers import compensation, exchange, timeline
from offers.compensation import Package
from offers.timeline import Clash, Event
from tests.offers.fakes import OfferStatuses

TODAY = datetime.date(2026, 5, 4)


def day(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@dataclass(eq=False)
class FakeOffer(OfferStatuses):
    company: str
    status: str = "received"
    expected_on: datetime.date | None = None
    respond_by: datetime.date | None = None
    start_date: datetime.date | None = None
    currency: str = "USD"
    base_salary: Decimal = Decimal(0)
    pk: int = 0

    @property
    def four_year_headline(self):
        """What the database adds up for an offer (OfferOutline): its table's four years."""
        return compensation.headline(Package(self.currency, base_salary=self.base_salary))[1]

    def __str__(self):
        return self.company


def kinds(clashes):
    return [(c.kind, c.offer.company, c.other.company) for c in clashes]


# Events -------------------------------------------------------------------------------------


def test_events_come_in_date_order_across_offers():
    offers = [
        FakeOffer("Start", status="accepted", start_date=day(14)),
        FakeOffer("Due", respond_by=day(3)),
        FakeOffer("Coming", status="expected", expected_on=day(7)),
    ]
    found = timeline.events(offers, TODAY)
    assert [(e.offer.company, e.kind, e.days_away) for e in found] == [
        ("Due", Event.DEADLINE, 3),
        ("Coming", Event.ARRIVAL, 7),
        ("Start", Event.START, 14),
    ]


def test_an_offers_own_dates_come_arrival_then_deadline_then_start_on_the_same_day():
    offer = FakeOffer(
        "Same day", status="expected", expected_on=day(1), respond_by=day(1), start_date=day(1)
    )
    assert [e.kind for e in timeline.events_for(offer, TODAY)] == [
        Event.ARRIVAL,
        Event.DEADLINE,
        Event.START,
    ]


def test_only_dates_still_in_play_are_shown():
    accepted = FakeOffer("Yes", status="accepted", respond_by=day(-5), start_date=day(10))
    received = FakeOffer("Here", expected_on=day(-9), respond_by=day(2))
    declined = FakeOffer("No", status="declined", respond_by=day(2), start_date=day(20))
    assert [e.kind for e in timeline.events_for(accepted, TODAY)] == [Event.START]
    assert [e.kind for e in timeline.events_for(received, TODAY)] == [Event.DEADLINE]
    assert timeline.events_for(declined, TODAY) == []


def test_labels_say_what_the_date_is():
    expected = FakeOffer("A", status="expected", expected_on=day(1), start_date=day(30))
    committed = FakeOffer("B", status="signed", start_date=day(5))
    received = FakeOffer("C", respond_by=day(2))
    assert [e.label for e in timeline.events_for(expected, TODAY)] == [
        "Offer expected",
        "Proposed start date",
    ]
    assert timeline.events_for(committed, TODAY)[0].label == "Start date"
    assert timeline.events_for(received, TODAY)[0].label == "Answer due"


def test_deadlines_within_48_hours_are_closing_soon_and_past_ones_have_passed():
    assert timeline.deadline_state(0) == "soon"
    assert timeline.deadline_state(2) == "soon"
    assert timeline.deadline_state(3) is None
    assert timeline.deadline_state(-1) == "passed"
    assert timeline.deadline_state(None) is None
    offer = FakeOffer("Due", respond_by=day(1))
    assert timeline.events_for(offer, TODAY)[0].deadline_state == "soon"


def test_a_deadline_state_says_itself_in_words():
    assert timeline.Deadline.SOON.label == "Closing soon"
    assert timeline.Deadline.PASSED.label == "Deadline passed"
    assert timeline.Deadline.PASSED.has_passed and not timeline.Deadline.SOON.has_passed


def test_today_goes_before_the_first_event_on_or_after_today():
    offers = [
        FakeOffer("Past", status="started", start_date=day(-3)),
        FakeOffer("Now", respond_by=TODAY),
        FakeOffer("Later", respond_by=day(5)),
    ]
    found = timeline.events(offers, TODAY)
    assert timeline.today_index(found, TODAY) == 1
    assert timeline.today_index(found[:1], TODAY) == 1
    assert timeline.today_index([], TODAY) == 0


# Clashes ------------------------------------------------------------------------------------


def test_an_answer_due_before_another_offer_arrives_is_a_clash():
    due = FakeOffer("Due", respond_by=day(3))
    coming = FakeOffer("Coming", status="expected", expected_on=day(7))
    found = timeline.clashes([due, coming], TODAY)
    assert kinds(found) == [(Clash.ANSWER_BEFORE_ARRIVAL, "Due", "Coming")]
    assert found[0].date == day(3)


def test_a_clash_knows_its_kind():
    due = FakeOffer("Due", respond_by=day(3))
    coming = FakeOffer("Coming", status="expected", expected_on=day(7))
    start = FakeOffer("Start", status="accepted", start_date=day(14))
    before_arrival, while_open = timeline.clashes([due, coming, start], TODAY)
    assert before_arrival.is_answer_before_arrival
    assert not while_open.is_answer_before_arrival


def test_an_answer_due_the_day_another_offer_arrives_is_a_clash():
    due = FakeOffer("Due", respond_by=day(7))
    coming = FakeOffer("Coming", status="expected", expected_on=day(7))
    assert kinds(timeline.clashes([due, coming], TODAY)) == [
        (Clash.ANSWER_BEFORE_ARRIVAL, "Due", "Coming")
    ]


def test_an_answer_due_after_the_other_offer_arrives_is_no_clash():
    due = FakeOffer("Due", respond_by=day(10))
    coming = FakeOffer("Coming", status="expected", expected_on=day(7), respond_by=day(20))
    assert timeline.clashes([due, coming], TODAY) == []


def test_a_deadline_already_passed_is_no_longer_a_clash_to_act_on():
    due = FakeOffer("Due", respond_by=day(-1))
    coming = FakeOffer("Coming", status="expected", expected_on=day(7))
    assert timeline.clashes([due, coming], TODAY) == []


def test_an_offer_that_already_arrived_clashes_with_nothing_by_arriving():
    due = FakeOffer("Due", respond_by=day(3))
    arrived = FakeOffer("Arrived", expected_on=day(7), respond_by=day(30))
    assert timeline.clashes([due, arrived], TODAY) == []


def test_a_committed_start_date_while_another_offer_is_still_open_is_a_clash():
    start = FakeOffer("Start", status="accepted", start_date=day(14))
    coming = FakeOffer("Coming", status="expected", expected_on=day(7))
    found = timeline.clashes([start, coming], TODAY)
    assert kinds(found) == [(Clash.START_WHILE_OPEN, "Start", "Coming")]
    assert found[0].date == day(14)
    assert not found[0].has_passed


def test_an_open_offer_due_before_the_start_date_does_not_clash_with_it():
    start = FakeOffer("Start", status="accepted", start_date=day(14))
    due = FakeOffer("Due", respond_by=day(3))
    assert timeline.clashes([start, due], TODAY) == []


def test_an_open_offer_due_after_the_start_date_clashes_with_it():
    start = FakeOffer("Start", status="signed", start_date=day(14))
    due = FakeOffer("Due", respond_by=day(20))
    assert kinds(timeline.clashes([start, due], TODAY)) == [
        (Clash.START_WHILE_OPEN, "Start", "Due")
    ]


def test_a_start_date_that_has_passed_while_another_offer_is_open_is_a_clash():
    started = FakeOffer("Started", status="started", start_date=day(-10))
    due = FakeOffer("Due", respond_by=day(3))
    found = timeline.clashes([started, due], TODAY)
    assert kinds(found) == [(Clash.START_WHILE_OPEN, "Started", "Due")]
    assert found[0].has_passed


def test_a_start_date_with_no_other_open_offer_is_no_clash():
    start = FakeOffer("Start", status="accepted", start_date=day(-2))
    declined = FakeOffer("No", status="declined", respond_by=day(30))
    assert timeline.clashes([start, declined], TODAY) == []


def test_the_realistic_situation_shows_both_clashes_in_date_order():
    accepted = FakeOffer("Accepted", status="accepted", start_date=day(14))
    due = FakeOffer("Due", respond_by=day(3))
    coming = FakeOffer("Coming", status="expected", expected_on=day(7))
    assert kinds(timeline.clashes([accepted, due, coming], TODAY)) == [
        (Clash.ANSWER_BEFORE_ARRIVAL, "Due", "Coming"),
        (Clash.START_WHILE_OPEN, "Accepted", "Coming"),
    ]


def test_a_clash_compares_money_only_within_one_currency():
    due = FakeOffer("Due", respond_by=day(3), base_salary=Decimal(100), pk=1)
    coming = FakeOffer(
        "Coming", status="expected", expected_on=day(7), base_salary=Decimal(200), pk=2
    )
    clash = timeline.clashes([due, coming], TODAY)[0]
    assert clash.same_currency
    totals = {offer.pk: offer.four_year_headline for offer in (due, coming)}
    money = clash.four_year_money(totals, "USD", exchange.Rates())
    assert (money.amounts["offer"].value, money.amounts["other"].value) == (400, 800)
    coming.currency = "EUR"
    assert not timeline.clashes([due, coming], TODAY)[0].same_currency


def test_each_date_in_a_clash_points_to_it():
    accepted = FakeOffer("Accepted", status="accepted", start_date=day(14))
    due = FakeOffer("Due", respond_by=day(3))
    coming = FakeOffer("Coming", status="expected", expected_on=day(7), respond_by=day(30))
    offers = [accepted, due, coming]
    found = timeline.clashes(offers, TODAY)
    events = timeline.events(offers, TODAY)
    numbers = timeline.clash_numbers(events, found)
    assert [(e.offer.company, e.kind, n) for e, n in zip(events, numbers, strict=True)] == [
        ("Due", Event.DEADLINE, 1),
        ("Coming", Event.ARRIVAL, 1),
        ("Accepted", Event.START, 2),
        ("Coming", Event.DEADLINE, None),
    ]


# Clash detection sorts and bisects: the same clashes as comparing every pair, far less work ----


def _clashes_by_comparing_every_pair(offers, today):
    """The rules as written, one pair at a time."""
    found = []
    for offer in offers:
        for other in offers:
            if other is offer:
                continue
            if (
                offer.is_open()
                and offer.respond_by is not None
                and offer.respond_by >= today
                and other.is_expected()
                and other.expected_on is not None
                and offer.respond_by <= other.expected_on
            ):
                found.append(Clash(Clash.ANSWER_BEFORE_ARRIVAL, offer, other, offer.respond_by))
            if offer.is_committed() and offer.start_date and other.is_open():
                if offer.start_date <= today or (
                    other.respond_by is None or other.respond_by >= offer.start_date
                ):
                    passed = offer.start_date <= today
                    found.append(
                        Clash(Clash.START_WHILE_OPEN, offer, other, offer.start_date, passed)
                    )
    return sorted(found, key=lambda c: (c.date, c.kind, str(c.offer), str(c.other)))


_maybe_day = st.one_of(st.none(), st.integers(-10, 10).map(day))
offers_st = st.lists(
    st.builds(
        FakeOffer,
        company=st.sampled_from(["A", "B", "C"]),  # names repeat, as they can
        status=st.sampled_from(["expected", "received", "accepted", "signed", "declined"]),
        expected_on=_maybe_day,
        respond_by=_maybe_day,
        start_date=_maybe_day,
    ),
    max_size=12,
)


@given(offers=offers_st)
def test_the_clashes_are_those_found_by_comparing_every_pair(offers):
    expected = _clashes_by_comparing_every_pair(offers, TODAY)
    found = timeline.clashes(offers, TODAY)
    assert [(c.kind, c.offer, c.other, c.date, c.has_passed) for c in found] == [
        (c.kind, c.offer, c.other, c.date, c.has_passed) for c in expected
    ]
    assert timeline.count_clashes(offers, TODAY) == len(expected)
    kind = timeline.Clash.ANSWER_BEFORE_ARRIVAL
    assert timeline.count_and_first_clashes(offers, TODAY, kind, 3) == (
        len(expected),
        timeline.first_clashes(offers, TODAY, kind, 3),
    )


class _CountedDay(datetime.date):
    """A date that counts how often it is compared."""

    comparisons = 0
    __hash__ = datetime.date.__hash__


def _counting(name: str):
    def compare(self, other):
        _CountedDay.comparisons += 1
        return getattr(datetime.date, name)(self, other)

    return compare


for _name in ("__lt__", "__le__", "__gt__", "__ge__", "__eq__"):
    setattr(_CountedDay, _name, _counting(_name))


def _counted(n: int) -> datetime.date:
    plain = day(n)
    return _CountedDay(plain.year, plain.month, plain.day)


def test_finding_clashes_among_2000_offers_takes_n_log_n_comparisons_not_n_squared():
    # 1,000 offers due over the next 40 days, 500 expected after all of those deadlines (with no
    # deadline of their own yet), 500 accepted starting in 35 to 39 days: 4 million pairs.
    offers = [FakeOffer(f"Open {n}", respond_by=_counted(n % 40)) for n in range(1000)]
    offers += [
        FakeOffer(f"Expected {n}", status="expected", expected_on=_counted(100 + n % 30))
        for n in range(500)
    ]
    offers += [
        FakeOffer(f"Accepted {n}", status="accepted", start_date=_counted(35 + n % 5))
        for n in range(500)
    ]
    _CountedDay.comparisons = 0
    count = timeline.count_clashes(offers, TODAY)
    comparisons = _CountedDay.comparisons
    # 2,000 x log2(2,000) is about 22,000 (and sorting 2,000 dates takes at least 2,000).
    assert 2_000 < comparisons < 100_000, comparisons
    # Each due offer before each expected one; each start before each expected offer (no
    # deadline) and each due offer whose deadline is on or after it (25 x 100 x 15 pairs).
    assert count == 1000 * 500 + 500 * 500 + 37_500


# Pages of the timeline -----------------------------------------------------------------------


def _received(n: int, due: int) -> FakeOffer:
    return FakeOffer(f"Due {n:02d}", respond_by=day(due))


def test_the_first_page_shows_a_few_recent_dates_then_the_next_ones():
    offers = [_received(n, n - 10) for n in range(40)]  # due 10 days ago to 29 days ahead
    page = timeline.window(offers, TODAY)
    days_away = [event.days_away for event in page.events]
    assert days_away == list(range(-timeline.RECENT_SHOWN, timeline.DATES_SHOWN - 3))
    assert page.today_index == timeline.RECENT_SHOWN
    assert (page.earlier, page.later) == (-1, 1)


def test_the_pages_before_and_after_hold_every_other_date_once():
    offers = [_received(n, n - 10) for n in range(40)]
    pages = [timeline.window(offers, TODAY, number) for number in range(-1, 3)]
    shown = [event.days_away for page in pages for event in page.events]
    assert shown == list(range(-10, 30))
    assert [page.today_index for page in pages] == [None, timeline.RECENT_SHOWN, None, None]
    assert (pages[0].earlier, pages[-1].later) == (None, None)


def test_a_page_beyond_the_dates_shows_the_nearest_one_there_is():
    offers = [_received(n, n) for n in range(5)]
    assert [e.days_away for e in timeline.window(offers, TODAY, 7).events] == [0, 1, 2, 3, 4]
    assert timeline.window(offers, TODAY, -3).page == 0


def test_today_after_every_date_goes_last_on_the_last_page():
    offers = [_received(n, -n - 1) for n in range(3)]
    page = timeline.window(offers, TODAY)
    assert page.today_index == len(page.events) == 3


def test_a_page_lists_the_clashes_its_dates_force_and_counts_them_all():
    # Thirty answers due, one a day, each before the one offer expected in 40 days.
    offers = [_received(n, n) for n in range(30)]
    offers.append(FakeOffer("Coming", status="expected", expected_on=day(40)))
    first, second = timeline.window(offers, TODAY), timeline.window(offers, TODAY, 1)
    assert first.clash_count == second.clash_count == 30
    assert len(first.clashes) == timeline.CLASHES_SHOWN
    assert [c.date for c in first.clashes] == [day(n) for n in range(timeline.CLASHES_SHOWN)]
    assert {c.date for c in second.clashes} <= {e.date for e in second.events}
    every = timeline.window(offers, TODAY, every_clash=True)
    assert len(every.clashes) == 30


def test_the_first_page_lists_a_clash_forced_by_a_start_date_already_passed():
    started = FakeOffer("Started", status="started", start_date=day(-30))
    offers = [started, *(_received(n, n - 5) for n in range(20))]
    page = timeline.window(offers, TODAY)
    assert started not in [event.offer for event in page.events]
    assert page.clashes and all(clash.offer is started for clash in page.clashes)


def test_a_page_numbers_its_dates_by_the_first_clash_listed_about_them():
    due = FakeOffer("Due", respond_by=day(3))
    coming = FakeOffer("Coming", status="expected", expected_on=day(7))
    rows = timeline.window([due, coming], TODAY).rows()
    assert [(event.offer.company, number) for event, number in rows] == [("Due", 1), ("Coming", 1)]
