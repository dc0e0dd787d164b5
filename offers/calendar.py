"""The timeline's dates as an iCalendar file that any calendar app can import."""

import datetime
import zoneinfo

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

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
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
    event = Event()
    event.add("uid", event_uid(offer, item.kind))
    event.add("dtstamp", now)
    event.add("dtstart", item.date)
    event.add("dtend", item.date + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", _DESCRIPTION[item.kind].format(**words))
    event.add("transp", "TRANSPARENT")
    if offer_url:
        event.add("url", offer_url(offer))
    if getattr(offer, "updated", None):
        event.add("last-modified", offer.updated.astimezone(datetime.UTC))

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Tomorrow: {summary}")
    alarm.add("trigger", -REMINDER_BEFORE)
    event.add_component(alarm)
    return event
