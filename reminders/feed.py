"""The private calendar subscription: every date a user has in play, as one live feed.

A clean extension of the shared builders: the offer dates come from ``offers.calendar`` as they
are (so a change there, such as cancelled events, reaches the feed too) and the calls from
``decisions.call.calendar``, with the follow-up day of each ask still unanswered
(``offers.calendar.ask_events``); this module adds the follow-ups and the thirty-day look-back, and
the hints that make calendar apps refresh it.
"""

import datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from icalendar import Calendar, vDuration, vText

from decisions.call.calendar import call_calendar
from decisions.dashboard import LOOK_BACK_AFTER
from decisions.models import CallPlan, Decision, FollowUp, SkippedCheck
from offers.asks.records import asks_about
from offers.calendar import (
    ALL_DAY,
    DAY_BEFORE_AT_NINE,
    KEEP_CANCELLED,
    offers_calendar,
    reminder_event,
    sequence,
)
from offers.conditional import Version, calendar_version, offer_reads
from offers.models import Offer
from offers.promises.models import prefetch_promises

# Calendar apps that honour it ask again after this long (most poll on their own schedule).
REFRESH_EVERY = datetime.timedelta(hours=1)


def feed_version(user, now, absolute) -> Version:
    """The version of the feed made now, from one query (``offers.conditional``): it reads the
    offers file's tables, and the decisions, call plans and follow-ups the calls and look-backs
    come from."""
    reads = offer_reads(user) | {
        "decisions": Decision.objects.for_user(user),
        "call_plans": CallPlan.objects.filter(decision__owner=user),
        "follow_ups": FollowUp.objects.filter(call_plan__decision__owner=user),
    }
    return calendar_version(user, now, absolute, reads)


def subscription_calendar(user, now, absolute) -> bytes:
    """``user``'s feed. ``absolute(path)`` makes a link back into the app."""
    zone = user.zone()
    offers = list(Offer.objects.for_user(user).in_calendar(now))
    cal = Calendar.from_ical(
        offers_calendar(
            offers,
            zone,
            offer_url=lambda o: absolute(o.get_absolute_url()),
            now=now,
            asks=asks_about(user, offers),
            ask_url=lambda ask: absolute(ask.get_absolute_url()),
        )
    )
    cal["X-WR-CALNAME"] = vText("Crossroads")
    cal["X-WR-CALDESC"] = vText(
        "Your offer dates, answer deadlines, planned calls, follow-ups and look-backs."
    )
    cal.add("refresh-interval", REFRESH_EVERY, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH_EVERY))
    for plan in _calls(user, now):
        plan_link, print_link, card_link = (
            absolute(reverse(name, args=[plan.decision_id]))
            for name in ("decisions:call", "decisions:call_print", "decisions:call_card")
        )
        events = call_calendar(
            plan,
            zone,
            now,
            plan_link,
            print_link,
            skipped=plan.skipped,
            still_backing_out=plan.still_backing_out,
            card_link=card_link,
        )
        for event in events.walk("VEVENT"):
            cal.add_component(event)
    for item in _follow_ups(user):
        cal.add_component(_follow_up_event(item, now, absolute))
    for decision in _look_backs(user, now):
        cal.add_component(_look_back_event(decision, zone, now, absolute))
    cal.add_missing_timezones()
    return cal.to_ical()


def _calls(user, now):
    """Calls with a time: those still to make (not done, the decision still backs out), and
    those done or no longer backing out that changed within ``KEEP_CANCELLED`` (sent as
    cancelled). Each knows whether its decision still backs out."""
    backing_out = Decision.objects.for_user(user).backing_out()
    recent = now - KEEP_CANCELLED
    return (
        CallPlan.objects.filter(
            decision__owner=user,
            decision__committed_offer__isnull=False,
            scheduled_at__isnull=False,
        )
        .annotate(
            still_backing_out=Exists(backing_out.filter(pk=OuterRef("decision_id"))),
            skipped=ArraySubquery(
                SkippedCheck.objects.filter(call_plan=OuterRef("pk")).values("check_name")
            ),
        )
        .filter(
            Q(still_backing_out=True, done_at__isnull=True)
            | Q(updated__gte=recent)
            | Q(decision__updated__gte=recent)
            | Q(decision__committed_offer__updated__gte=recent)
        )
        .select_related(
            "decision__committed_offer__leaving_terms",
            "decision__chosen_offer",
            "decision__notice_letter",
            "contact",
            "agency_contact",
        )
        .prefetch_related(prefetch_promises("decision__chosen_offer__promises"))
    )


def _follow_ups(user):
    return FollowUp.objects.filter(
        call_plan__decision__owner=user, done=False, due_on__isnull=False
    ).select_related("call_plan")


def _look_backs(user, now):
    """Recorded decisions without an outcome; with one written lately, sent as cancelled."""
    return (
        Decision.objects.for_user(user)
        .filter(~Q(decided_at=None))
        .filter(Q(outcome="") | Q(updated__gte=now - KEEP_CANCELLED))
        .select_related("chosen_offer")
    )


def _follow_up_event(item, now, absolute):
    link = absolute(reverse("decisions:call", args=[item.call_plan.decision_id]) + "#follow-ups")
    event = reminder_event(
        f"crossroads-follow-up-{item.pk}@crossroads",
        f"Follow-up: {item.text}",
        item.due_on,
        f"After your call: {item.text}. Tick it done on your call plan: {link}",
        now,
        length=ALL_DAY,
        remind_before=DAY_BEFORE_AT_NINE,
        sequence=sequence(item.call_plan.updated),
    )
    event.add("transp", "TRANSPARENT")
    event.add("url", link)
    return event


def _look_back_event(decision, zone, now, absolute):
    link = absolute(reverse("decisions:result", args=[decision.pk]) + "#outcome")
    day = decision.decided_at.astimezone(zone).date() + LOOK_BACK_AFTER
    written = bool(decision.outcome)
    event = reminder_event(
        f"crossroads-look-back-{decision.pk}@crossroads",
        f"{'Cancelled: look' if written else 'Look'} back: {decision.title}",
        day,
        "You have written how it turned out: nothing to do on this day any more. "
        f"Your decision: {link}"
        if written
        else "A month ago you recorded this decision. Write down how it turned out while you "
        f"remember: next time you will decide better. {link}",
        now,
        length=ALL_DAY,
        remind_before=DAY_BEFORE_AT_NINE,
        sequence=sequence(decision.updated),
        cancelled=written,
    )
    event.add("transp", "TRANSPARENT")
    event.add("url", link)
    return event
