"""The timeline's dates as an iCalendar file that any calendar app can import, and the event
builder every calendar file of the app uses (the call plan's too)."""

import datetime
import zoneinfo

from django.http import HttpResponse
from icalendar import Alarm, Calendar, Event

from offers import timeline

PRODID = "-//Crossroads//Offer dates//EN"
REMINDER_BEFORE = datetime.timedelta(days=1)

_SUMMARY = {
    timeline.Event.ARRIVAL: "Offer expected from {company}",
    timeline.Event.DEADLINE: "Answer due to {company}",
    timeline.Event.START: "First day at {company}",
}
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


def event_uid(offer, kind: str) -> str:
    """The same offer date keeps the same UID, so a re-import updates instead of duplicating."""
    return f"crossroads-offer-{offer.pk}-{kind.replace('_', '-')}@crossroads"


def offers_calendar(offers, zone: zoneinfo.ZoneInfo, offer_url=None, now=None) -> bytes:
    """All-day events for every date in play across ``offers``, each with a reminder a day
    before. ``zone`` is the user's time zone: it decides what "today" is and is announced to
    calendar apps. ``offer_url(offer)`` gives a link back to each offer."""
    now = now or datetime.datetime.now(datetime.UTC)
    today = now.astimezone(zone).date()

    cal = new_calendar(PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Crossroads: offer dates")
    cal.add("x-wr-timezone", zone.key)
    for item in timeline.events(offers, today):
        cal.add_component(_event(item, now, offer_url))
    return cal.to_ical()


def _event(item: timeline.Event, now, offer_url) -> Event:
    offer = item.offer
    words = {"company": offer.company, "role": offer.role}
    summary = _SUMMARY[item.kind].format(**words)
    event = reminder_event(
        event_uid(offer, item.kind),
        summary,
        item.date,
        _DESCRIPTION[item.kind].format(**words),
        now,
        length=datetime.timedelta(days=1),
        remind_before=REMINDER_BEFORE,
        reminder=f"Tomorrow: {summary}",
    )
    event.add("transp", "TRANSPARENT")
    if offer_url:
        event.add("url", offer_url(offer))
    if getattr(offer, "updated", None):
        event.add("last-modified", offer.updated.astimezone(datetime.UTC))
    return event


# What every calendar file of the app is made of --------------------------------------------------


def new_calendar(prodid: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    return cal


def reminder_event(
    uid, summary, start, description, now, *, length, remind_before, reminder=None
) -> Event:
    """An event with a display reminder ``remind_before`` its start. An all-day event (``start``
    a date) ends the next day; a timed one lasts ``length``."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("summary", summary)
    event.add("dtstart", start)
    if isinstance(start, datetime.datetime):
        event.add("duration", length)
    else:
        event.add("dtend", start + length)
    event.add("description", description)
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
