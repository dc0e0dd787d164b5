"""The timeline's dates as an iCalendar file that any calendar app can import, and the event
builder every calendar file of the app uses (the call plan's and the subscription's too).

A calendar that stays true: an event never simply disappears. When its date goes out of play (the
offer is declined, backed out of, withdrawn or expired; an accepted offer's deadline; an expected
offer's arrival once it came; an ask once answered), the event is sent for ``KEEP_CANCELLED`` after
that change as ``STATUS:CANCELLED`` with a higher ``SEQUENCE`` and no alarm, so calendar apps that
imported or subscribed to it take it off (or strike it through) instead of keeping a stale date.
"""

import datetime
import zoneinfo

from django.http import HttpResponse
from icalendar import Alarm, Calendar, Event

from offers import timeline

PRODID = "-//Crossroads//Offer dates//EN"
ALL_DAY = datetime.timedelta(days=1)
# A closed date is sent as cancelled for this long after the change that closed it.
KEEP_CANCELLED = datetime.timedelta(days=30)
# All-day events remind at 09:00 the day before. Their start is a DATE, which RFC 5545 leaves
# floating (bound to no zone): calendar apps (Apple Calendar, Thunderbird, Nextcloud's client)
# place it at local midnight, so fifteen hours before it is 09:00 local the day before, in the
# zone of the device that shows it. Apple Calendar writes its own "1 day before (9 AM)" alert for
# all-day events the same way. Servers that fire alarms themselves may read the start as UTC
# midnight, and Google Calendar ignores the alarms of subscribed calendars (it uses its own).
DAY_BEFORE_AT_NINE = datetime.timedelta(hours=15)
# SEQUENCE counts seconds since this moment at the last change of what an event is made of, so
# it rises with every change and never goes back (a 32-bit number lasts until 2088).
_SEQUENCE_EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
_LARGEST_SEQUENCE = 2**31 - 1  # RFC 5545: SEQUENCE is a signed 32-bit integer

_SUMMARY = {
    timeline.Event.ARRIVAL: "Offer expected from {company}",
    timeline.Event.DEADLINE: "Answer due to {company}",
    timeline.Event.START: "First day at {company}",
}
# Before the offer is accepted, its start date is only a proposal.
_PROPOSED_START = "Start date if you accept {company}"
_DESCRIPTION = {
    timeline.Event.ARRIVAL: (
        "The offer for {role} at {company} should arrive today. If it does not, ask the "
        "recruiter when to expect it, and tell them about any other deadline you have."
    ),
    timeline.Event.DEADLINE: (
        "Your answer on the offer for {role} at {company} is due today. If you need more time, "
        "ask for it before the deadline, not after."
    ),
    timeline.Event.START: (
        "Your first day as {role} at {company}. Settle every other open offer before you start: "
        "backing out later costs everyone more."
    ),
}
_PROPOSED_START_DESCRIPTION = (
    "The proposed first day as {role} at {company}, if you accept. Decide before then, and "
    "settle your other offers first: backing out later costs everyone more."
)
_CANCELLED_SUMMARY = {
    timeline.Event.ARRIVAL: "Cancelled: offer expected from {company}",
    timeline.Event.DEADLINE: "Cancelled: answer due to {company}",
    timeline.Event.START: "Cancelled: start at {company}",
}
# Why a date is no longer in play, by the offer's status now.
_WHY_CANCELLED = {
    "declined": "You declined the offer for {role} at {company}",
    "backed_out": "You backed out of the offer for {role} at {company}",
    "withdrawn": "{company} withdrew the offer for {role}",
    "expired": "The offer for {role} at {company} expired",
    "expected": "This date no longer applies to the offer for {role} at {company}",
    "received": "The offer for {role} at {company} has arrived",
}
_WHY_CANCELLED_COMMITTED = "You accepted the offer for {role} at {company}"


def event_uid(offer, kind: str) -> str:
    """The same offer date keeps the same UID, so a re-import updates instead of duplicating."""
    return f"crossroads-offer-{offer.pk}-{kind.replace('_', '-')}@crossroads"


def sequence(*changed: datetime.datetime | None) -> int:
    """The SEQUENCE of an event made from objects last changed at ``changed``: the whole
    seconds from 2020 to the latest change. It rises whenever any of them changes, until 2088:
    after that it stays at the largest SEQUENCE RFC 5545 allows (a larger one is refused by the
    icalendar library, and the whole calendar with it)."""
    latest = max((moment for moment in changed if moment is not None), default=_SEQUENCE_EPOCH)
    return min(_LARGEST_SEQUENCE, max(0, int((latest - _SEQUENCE_EPOCH).total_seconds())))


def recently_changed(updated: datetime.datetime | None, now: datetime.datetime) -> bool:
    """Whether something closed at ``updated`` is still sent as cancelled at ``now``."""
    return updated is not None and updated >= now - KEEP_CANCELLED


def offers_calendar(
    offers, zone: zoneinfo.ZoneInfo, offer_url=None, now=None, asks=(), ask_url=None
) -> bytes:
    """All-day events for every date in play across ``offers``, each with a reminder at 09:00
    the day before, and the follow-up day of each ask still unanswered (``asks``, see
    ``ask_events``). Dates no longer in play on offers changed within ``KEEP_CANCELLED`` are
    sent as cancelled: pass the offers in play and those closed lately
    (``Offer.objects.in_calendar(now)``). ``zone`` is the user's time zone: it decides what
    "today" is and is announced to calendar apps. ``offer_url(offer)`` gives a link back to
    each offer."""
    now = now or datetime.datetime.now(datetime.UTC)
    today = now.astimezone(zone).date()

    cal = new_calendar(PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Crossroads: offer dates")
    cal.add("x-wr-timezone", zone.key)
    for item in timeline.events(offers, today):
        cal.add_component(_event(item, now, offer_url))
    for offer, kind, day in _closed_dates(offers, today, now):
        cal.add_component(_cancelled_event(offer, kind, day, now, offer_url))
    for event in ask_events(asks, now, ask_url):
        cal.add_component(event)
    return cal.to_ical()


def ask_uid(ask) -> str:
    return f"crossroads-ask-{ask.pk}-follow-up@crossroads"


def ask_events(asks, now, ask_url=None) -> list[Event]:
    """An all-day event on the follow-up day of each ask still waiting for an answer (two
    working days after asking) while its offer is open; once answered, or once the offer is
    accepted or closed, the same event cancelled for a while. ``ask_url(ask)`` gives a link back."""
    found = []
    for ask in asks:
        live = ask.is_waiting()
        changed = max(ask.updated, ask.offer.updated)
        if not live and not recently_changed(changed, now):
            continue
        company = ask.offer.company
        link = ask_url(ask) if ask_url else None
        if ask.kind == "more_time":
            summary = f"Follow up with {company} about more time"
            about = f"your request for more time to answer their offer ({ask.offer.role})"
        elif ask.kind == "start_later":
            summary = f"Follow up with {company} about your start date"
            about = f"your request to start later ({ask.offer.role})"
        else:
            summary = f"Follow up with {company} about their offer"
            about = f"whether their offer ({ask.offer.role}) can come before your deadline"
        if live:
            description = (
                f"No answer yet about {about}. A short, friendly follow-up is fair now; record "
                "their answer in Crossroads when it comes."
            )
        elif not ask.is_pending():
            summary = f"Cancelled: {summary[0].lower()}{summary[1:]}"
            description = f"{company} answered: {ask.get_answer_display().lower()}. No follow-up."
        else:
            summary = f"Cancelled: {summary[0].lower()}{summary[1:]}"
            description = f"The offer is {ask.offer.get_status_display().lower()}. No follow-up."
        event = reminder_event(
            ask_uid(ask),
            summary,
            ask.follow_up_on(),
            _with_link(description, "Open the conversation in Crossroads", link),
            now,
            length=ALL_DAY,
            remind_before=DAY_BEFORE_AT_NINE,
            reminder=f"Tomorrow: {summary}",
            sequence=sequence(changed),
            cancelled=not live,
        )
        _finish(event, link, changed)
        found.append(event)
    return found


def _event(item: timeline.Event, now, offer_url) -> Event:
    offer = item.offer
    words = {"company": offer.company, "role": offer.role}
    proposed = item.kind == timeline.Event.START and not offer.is_committed()
    summary = (_PROPOSED_START if proposed else _SUMMARY[item.kind]).format(**words)
    description = (_PROPOSED_START_DESCRIPTION if proposed else _DESCRIPTION[item.kind]).format(
        **words
    )
    link = offer_url(offer) if offer_url else None
    event = reminder_event(
        event_uid(offer, item.kind),
        summary,
        item.date,
        _with_link(description, "Open the offer in Crossroads", link),
        now,
        length=ALL_DAY,
        remind_before=DAY_BEFORE_AT_NINE,
        reminder=f"Tomorrow: {summary}",
        sequence=sequence(getattr(offer, "updated", None)),
    )
    _finish(event, link, getattr(offer, "updated", None))
    return event


def _closed_dates(offers, today, now):
    """(offer, kind, date) for each date an offer has that is no longer in play, on offers
    changed within ``KEEP_CANCELLED``: they may have been sent before as live events."""
    for offer in offers:
        if not recently_changed(getattr(offer, "updated", None), now):
            continue
        in_play = {event.kind for event in timeline.events_for(offer, today)}
        dates = {
            timeline.Event.ARRIVAL: offer.expected_on,
            timeline.Event.DEADLINE: offer.respond_by,
            timeline.Event.START: offer.start_date,
        }
        for kind, day in dates.items():
            if day is not None and kind not in in_play:
                yield offer, kind, day


def _cancelled_event(offer, kind, day, now, offer_url) -> Event:
    words = {"company": offer.company, "role": offer.role}
    why = (
        _WHY_CANCELLED_COMMITTED if offer.is_committed() else _WHY_CANCELLED[offer.status]
    ).format(**words)
    link = offer_url(offer) if offer_url else None
    event = reminder_event(
        event_uid(offer, kind),
        _CANCELLED_SUMMARY[kind].format(**words),
        day,
        _with_link(f"{why}: nothing to do on this day any more.", "The offer", link),
        now,
        length=ALL_DAY,
        sequence=sequence(offer.updated),
        cancelled=True,
    )
    _finish(event, link, offer.updated)
    return event


def _with_link(description: str, label: str, link: str | None) -> str:
    return f"{description}\n\n{label}: {link}" if link else description


def _finish(event: Event, link: str | None, updated: datetime.datetime | None) -> None:
    """What every all-day event of the offers calendar also says: it does not block time, where
    to open it, and when it last changed."""
    event.add("transp", "TRANSPARENT")
    if link:
        event.add("url", link)
    if updated:
        event.add("last-modified", updated.astimezone(datetime.UTC))


# What every calendar file of the app is made of --------------------------------------------------


def new_calendar(prodid: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    return cal


def reminder_event(
    uid,
    summary,
    start,
    description,
    now,
    *,
    length,
    remind_before=None,
    reminder=None,
    sequence=0,
    cancelled=False,
) -> Event:
    """An event with a display reminder ``remind_before`` its start. An all-day event (``start``
    a date) ends the next day; a timed one lasts ``length``. A cancelled event has no reminder:
    ``STATUS:CANCELLED`` tells calendar apps to drop it. ``sequence`` must rise whenever the
    event changes (see ``sequence()``)."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("sequence", sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("summary", summary)
    event.add("dtstart", start)
    if isinstance(start, datetime.datetime):
        event.add("duration", length)
    else:
        event.add("dtend", start + length)
    event.add("description", description)
    if not cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", reminder or summary)
        alarm.add("trigger", -remind_before)
        event.add_component(alarm)
    return event


def ics_response(cal: Calendar, filename: str) -> HttpResponse:
    """The calendar as a file to download."""
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
