"""When to ask, what to ask for and when to follow up. Plain Python: no Django, no HTTP.

An offer here is anything with ``pk``, ``expected_on``, ``respond_by``, ``company`` and
``is_expected()`` (the Offer model has them).
"""

import datetime

# Asking until a few days after the other offer is due leaves room for it to be late, and
# time to read it.
DAYS_AFTER_ARRIVAL = 3
# With no date for the other offer, a week is a modest, common request.
DAYS_WITHOUT_ARRIVAL = 7
# A company that has not answered in two working days deserves a polite nudge.
NUDGE_AFTER_WORKING_DAYS = 2
# Accepting is premature while another offer is expected before the deadline or this soon after.
ACCEPT_WARNING_DAYS = 7
SATURDAY = 5


def next_working_day(day: datetime.date) -> datetime.date:
    """``day`` itself on a weekday; the Monday after on a weekend."""
    while day.weekday() >= SATURDAY:
        day += datetime.timedelta(days=1)
    return day


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    """``count`` working days (Monday to Friday) after ``day``."""
    while count > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < SATURDAY:
            count -= 1
    return day


def proposed_until(
    deadline: datetime.date | None,
    other_expected_on: datetime.date | None,
    today: datetime.date,
) -> datetime.date:
    """The day to ask a company to wait until: a few days after the other offer is expected
    (a week after the deadline when that is unknown), on a working day, and always after both
    the current deadline and today."""
    base = deadline or today
    if other_expected_on is not None:
        wanted = other_expected_on + datetime.timedelta(days=DAYS_AFTER_ARRIVAL)
    else:
        wanted = base + datetime.timedelta(days=DAYS_WITHOUT_ARRIVAL)
    earliest = max(base, today) + datetime.timedelta(days=1)
    return next_working_day(max(wanted, earliest))


def proposed_start(
    start_date: datetime.date | None, free_from: datetime.date | None, today: datetime.date
) -> datetime.date:
    """The start date to ask for: the first working day the user is free of their current job,
    and never before the start date they have now nor before tomorrow."""
    earliest = today + datetime.timedelta(days=1)
    if start_date is not None:
        earliest = max(earliest, start_date + datetime.timedelta(days=1))
    return next_working_day(max(free_from or earliest, earliest))


def follow_up_on(asked_on: datetime.date) -> datetime.date:
    """When an unanswered ask deserves a nudge."""
    return add_working_days(asked_on, NUDGE_AFTER_WORKING_DAYS)


def needs_nudge(asked_on: datetime.date, today: datetime.date) -> bool:
    return today >= follow_up_on(asked_on)


def expected_soon_after(
    offer, deadline: datetime.date | None, others, today: datetime.date
) -> list:
    """The other offers still expected before ``deadline`` (the day ``offer`` must be answered;
    today when there is none) or within a week after it, soonest first. Accepting ``offer`` now
    would close the door on them."""
    limit = max(deadline or today, today) + datetime.timedelta(days=ACCEPT_WARNING_DAYS)
    found = [
        other
        for other in others
        if other is not offer
        and (other.pk is None or other.pk != offer.pk)
        and other.is_expected()
        and other.expected_on is not None
        and other.expected_on <= limit
    ]
    return sorted(found, key=lambda other: (other.expected_on, other.company))


MORE_TIME, HEADS_UP = "more_time", "heads_up"


def clashes_with_asks(clashes, asks) -> list[tuple]:
    """Each clash with the asks about it: more time from the offer whose answer is due, and
    heads-ups to the offer still expected. ``asks`` keep their order."""
    by_key: dict[tuple, list] = {}
    for ask in asks:
        by_key.setdefault((ask.offer_id, ask.kind), []).append(ask)
    found = []
    for clash in clashes:
        about = by_key.get((clash.offer.pk, MORE_TIME), [])
        found.append((clash, about + by_key.get((clash.other.pk, HEADS_UP), [])))
    return found
