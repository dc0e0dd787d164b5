"""The calendar event for the call: /decisions/<id>/call.ics."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from decisions.models import CallPlan, Decision
from offers.models import Contact, Offer
from tests.factories import make_contact
from tests.ical import read

pytestmark = pytest.mark.django_db


def _url(decision):
    return reverse("decisions:call_ics", args=[decision.pk])


def _events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, [c for c in calendar.walk("VEVENT")]


def test_the_event_has_the_summary_the_start_in_the_users_zone_the_phone_and_a_reminder(
    alice_client, alice, call_decision, call_plan
):
    alice.time_zone = "America/New_York"
    alice.save()
    response = alice_client.get(_url(call_decision))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]

    calendar, events = _events(response)
    assert len(events) == 1
    event = events[0]
    assert str(event["summary"]) == "Call Morgan Lee (Northwind Freight)"
    start = event.decoded("dtstart")
    assert start == call_plan.scheduled_at
    assert start.tzinfo.key == "America/New_York"
    assert event["dtstart"].params["TZID"] == "America/New_York"
    assert "America/New_York" in [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")]
    assert "+1 555 0142" in str(event["description"])
    assert "+1 555 0142" in str(event["location"])
    assert event.decoded("duration") == datetime.timedelta(minutes=20)
    alarms = event.walk("VALARM")
    assert len(alarms) == 1
    assert str(alarms[0]["action"]) == "DISPLAY"
    assert alarms[0].decoded("trigger") == -datetime.timedelta(minutes=30)
    assert reverse("decisions:call_print", args=[call_decision.pk]) in str(event["description"])


def test_the_agency_call_is_a_second_event(alice_client, call_decision, call_committed, call_plan):
    call_committed.agency_name = "Talent Bridge"
    call_committed.save()
    agent = make_contact(
        call_committed, name="Ari Cole", role=Contact.Role.AGENCY, phone="+44 20 7946 0000"
    )
    call_plan.agency_contact = agent
    call_plan.agency_call_at = call_plan.scheduled_at + datetime.timedelta(hours=1)
    call_plan.save()
    _, events = _events(alice_client.get(_url(call_decision)))
    assert len(events) == 2
    agency = events[1]
    assert "Talent Bridge" in str(agency["summary"])
    assert "+44 20 7946 0000" in str(agency["description"])
    assert agency.decoded("dtstart") == call_plan.agency_call_at
    assert len({str(e["uid"]) for e in events}) == 2


def test_without_a_time_the_user_is_sent_back_to_set_one(alice_client, call_decision, call_plan):
    call_plan.scheduled_at = None
    call_plan.save()
    response = alice_client.get(_url(call_decision))
    assert response.status_code == 302
    assert response.url == reverse("decisions:call_when", args=[call_decision.pk])


def test_without_a_saved_plan_there_is_no_event(alice_client, call_decision):
    assert alice_client.get(_url(call_decision)).status_code == 302


def test_the_start_keeps_the_zone_of_a_user_far_from_utc(
    alice_client, alice, call_decision, call_plan
):
    alice.time_zone = "Pacific/Auckland"
    alice.save()
    _, events = _events(alice_client.get(_url(call_decision)))
    start = events[0].decoded("dtstart")
    assert (
        start.utcoffset()
        == call_plan.scheduled_at.astimezone(zoneinfo.ZoneInfo("Pacific/Auckland")).utcoffset()
    )


def test_post_is_refused(alice_client, call_decision, call_plan):
    assert alice_client.post(_url(call_decision)).status_code == 405


def test_without_a_contact_the_event_names_the_company(alice_client, call_decision, call_plan):
    call_plan.contact = None
    call_plan.channel = "video"
    call_plan.save()
    _, events = _events(alice_client.get(_url(call_decision)))
    assert str(events[0]["summary"]) == "Call Northwind Freight"
    assert "location" not in events[0]


def test_a_done_call_is_cancelled_and_loses_its_alarm(alice_client, call_decision, call_plan):
    hour_ago = timezone.now() - datetime.timedelta(hours=1)
    CallPlan.objects.filter(pk=call_plan.pk).update(updated=hour_ago)
    Decision.objects.filter(pk=call_decision.pk).update(updated=hour_ago)
    Offer.objects.update(updated=hour_ago)
    [before] = read(alice_client.get(_url(call_decision)).content)
    assert (before.status, before.triggers) == ("CONFIRMED", (datetime.timedelta(minutes=30),))
    # While the call is to make, the event opens the call card; once done, the plan.
    assert before.url == "http://testserver" + reverse(
        "decisions:call_card", args=[call_decision.pk]
    )
    call_plan.done_at = timezone.now()
    call_plan.save()
    [after] = read(alice_client.get(_url(call_decision)).content)
    assert after.uid == before.uid
    assert after.summary == "Done: Call Morgan Lee (Northwind Freight)"
    assert (after.status, after.triggers) == ("CANCELLED", ())
    assert after.sequence > before.sequence
    assert after.description.startswith("You made this call and marked it done")
    assert after.url == "http://testserver" + reverse("decisions:call", args=[call_decision.pk])
    assert "call card" not in after.description
