import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from offers import calendar
from offers.models import Offer
from tests.factories import make_offer
from tests.offers.conftest import days

pytestmark = pytest.mark.django_db
URL = reverse("offers:calendar")


@pytest.fixture
def dilemma(dilemma, alice, today):
    """The timeline's dilemma, and a declined offer whose dates are no longer in play."""
    return [
        *dilemma,
        make_offer(alice, company="Declined", status=Offer.Status.DECLINED, respond_by=today),
    ]


def parse(response) -> Calendar:
    return Calendar.from_ical(response.content)


def test_the_feed_is_a_calendar_file_to_download(alice_client, dilemma):
    response = alice_client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == 'attachment; filename="crossroads-offers.ics"'


def test_every_date_in_play_is_an_all_day_event(alice_client, dilemma, today):
    events = parse(alice_client.get(URL)).events
    assert [(str(e["SUMMARY"]), e.start, e.end) for e in events] == [
        ("Answer due to Globex", today + days(3), today + days(4)),
        ("Offer expected from Initech", today + days(7), today + days(8)),
        ("First day at Northwind", today + days(14), today + days(15)),
    ]
    assert all(type(e.start) is datetime.date for e in events)
    assert "ask for it before the deadline" in str(events[0]["DESCRIPTION"])
    assert str(events[0]["URL"]).endswith(reverse("offers:detail", args=[dilemma[1].pk]))


def test_each_event_has_a_reminder_one_day_before(alice_client, dilemma):
    for event in parse(alice_client.get(URL)).events:
        [alarm] = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY"
        assert alarm["TRIGGER"].dt == -datetime.timedelta(days=1)
        assert str(alarm["DESCRIPTION"]) == f"Tomorrow: {event['SUMMARY']}"
        [when] = event.alarms.times
        assert when.trigger == event.start - datetime.timedelta(days=1)


def test_event_uids_are_unique_and_stable_between_downloads(alice_client, dilemma):
    first = [str(e["UID"]) for e in parse(alice_client.get(URL)).events]
    dilemma[1].respond_by += days(1)
    dilemma[1].save()
    again = [str(e["UID"]) for e in parse(alice_client.get(URL)).events]
    assert len(set(first)) == 3
    assert first == again
    assert f"crossroads-offer-{dilemma[1].pk}-respond-by@crossroads" in first


def test_the_calendar_carries_the_users_time_zone(alice_client, alice, dilemma):
    alice.time_zone = "Europe/Lisbon"
    alice.save()
    cal = parse(alice_client.get(URL))
    assert str(cal["X-WR-TIMEZONE"]) == "Europe/Lisbon"
    assert str(cal["PRODID"]) == "-//Crossroads//Offer dates//EN"
    assert str(cal["VERSION"]) == "2.0"


def test_a_broken_time_zone_falls_back_to_the_servers(alice_client, alice, dilemma, settings):
    alice.time_zone = "Mars/Olympus_Mons"
    alice.save()
    assert str(parse(alice_client.get(URL))["X-WR-TIMEZONE"]) == settings.TIME_ZONE


def test_with_no_offers_the_calendar_is_empty_but_valid(alice_client):
    assert parse(alice_client.get(URL)).events == []


def test_a_stranger_gets_none_of_alices_dates(charlie_client, dilemma):
    response = charlie_client.get(URL)
    assert parse(response).events == []
    assert b"Globex" not in response.content


def test_the_feed_refuses_post(alice_client):
    assert alice_client.post(URL).status_code == 405


def test_the_file_is_made_once_until_an_offer_in_it_changes(
    alice_client, alice, dilemma, monkeypatch
):
    made = []
    build = calendar.offers_calendar
    monkeypatch.setattr(
        calendar, "offers_calendar", lambda *a, **k: made.append(1) or build(*a, **k)
    )
    for _ in range(3):
        assert "Globex" in alice_client.get(URL).content.decode()
    assert len(made) == 1
    globex = dilemma[1]
    globex.company = "Globex Europe"
    globex.save()
    assert "Globex Europe" in alice_client.get(URL).content.decode()
    assert len(made) == 2
    alice.time_zone = "Europe/Lisbon"
    alice.save()
    assert "X-WR-TIMEZONE:Europe/Lisbon" in alice_client.get(URL).content.decode()
    assert len(made) == 3


def test_one_users_file_is_never_anothers(alice_client, bob, dilemma):
    alices = alice_client.get(URL).content.decode()
    alice_client.force_login(bob)
    bobs = alice_client.get(URL).content.decode()
    assert "Globex" in alices and "Globex" not in bobs
