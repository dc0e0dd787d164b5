"""Read a calendar file the way calendar apps would, with three libraries, and insist they agree.

icalendar reads the file as the app writes it; vobject parses it again with its own reader (not
icalendar's), so a file only icalendar accepts fails here; recurring-ical-events lays it out on a
calendar between two days, as an app showing a month would. Its alarm support cannot place
relative alarms on all-day events (TypeError in 3.8, upstream issue #234), so alarms are checked
with icalendar's and vobject's readings.
"""

import datetime
from dataclasses import dataclass

import recurring_ical_events
import vobject
from icalendar import Calendar


@dataclass(frozen=True)
class Seen:
    """One event as a calendar app would understand it."""

    uid: str
    summary: str
    status: str
    sequence: int
    start: datetime.date
    end: datetime.date | None
    description: str
    url: str | None
    # When each reminder fires: before the start (a timedelta), and as a moment (naive local
    # time for an all-day event, which starts at local midnight).
    triggers: tuple[datetime.timedelta, ...]
    alarm_times: tuple[datetime.datetime, ...]
    alarm_texts: tuple[str, ...]

    @property
    def is_cancelled(self) -> bool:
        return self.status == "CANCELLED"


def read(body: bytes) -> list[Seen]:
    """Every event in ``body``, in file order, as icalendar and vobject both read it."""
    cal = Calendar.from_ical(body)
    seen = [_seen(event) for event in cal.walk("VEVENT")]
    assert [_from_vobject(e) for e in _vobject_events(body)] == [
        (s.uid, s.summary, s.status, s.sequence, s.start, s.description, s.url, s.triggers)
        for s in seen
    ], "icalendar and vobject read the file differently"
    return seen


def laid_out(body: bytes, first: datetime.date, last: datetime.date) -> list[str]:
    """The summaries recurring-ical-events puts on a calendar between two days, sorted."""
    shown = recurring_ical_events.of(Calendar.from_ical(body)).between(first, last)
    return sorted(str(event["SUMMARY"]) for event in shown)


def by_summary(body: bytes) -> dict[str, Seen]:
    events = read(body)
    found = {event.summary: event for event in events}
    assert len(found) == len(events), "two events share a summary"
    return found


def _seen(event) -> Seen:
    alarms = event.walk("VALARM")
    return Seen(
        uid=str(event["UID"]),
        summary=str(event["SUMMARY"]),
        status=str(event.get("STATUS", "")),
        sequence=int(event.get("SEQUENCE", 0)),
        start=event.start,
        end=event.end,
        description=str(event.get("DESCRIPTION", "")),
        url=str(event["URL"]) if "URL" in event else None,
        triggers=tuple(-alarm["TRIGGER"].dt for alarm in alarms),
        alarm_times=tuple(when.trigger for when in event.alarms.times),
        alarm_texts=tuple(str(alarm["DESCRIPTION"]) for alarm in alarms),
    )


def _vobject_events(body: bytes):
    parsed = vobject.readOne(body.decode("utf-8"), validate=True)
    return parsed.contents.get("vevent", [])


def _from_vobject(event):
    def value(name, default=None):
        return event.contents[name][0].value if name in event.contents else default

    return (
        value("uid"),
        value("summary"),
        value("status", ""),
        int(value("sequence", 0)),
        value("dtstart"),
        value("description", ""),
        value("url"),
        tuple(-alarm.trigger.value for alarm in event.contents.get("valarm", [])),
    )
