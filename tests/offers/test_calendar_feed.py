"""The offers calendar file (/offers/calendar.ics): every date in play, read by three libraries,
and a calendar that stays true as offers close."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from offers import calendar
from offers.models import Offer, TimeAsk
from tests.factories import make_offer
from tests.ical import by_summary, laid_out, read
from tests.offers.conftest import days

pytestmark = pytest.mark.django_db
URL = reverse("offers:calendar")


def made_earlier(*offers) -> None:
    """As if ``offers`` were last saved an hour ago: SEQUENCE counts whole seconds, and people
    do not save the same offer twice within one."""
    Offer.objects.filter(pk__in=[o.pk for o in offers]).update(
        updated=timezone.now() - datetime.timedelta(hours=1)
    )


@pytest.fixture
def dilemma(dilemma, alice, today):
    """The timeline's dilemma (saved an hour ago), and an offer declined long ago whose dates
    are no longer sent."""
    declined = make_offer(alice, company="Declined", status=Offer.Status.DECLINED, respond_by=today)
    Offer.objects.filter(pk=declined.pk).update(updated=timezone.now() - days(31))
    made_earlier(*dilemma)
    return dilemma


def download(client) -> bytes:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content


def live(body: bytes) -> list:
    return [event for event in read(body) if not event.is_cancelled]


def test_the_feed_is_a_calendar_file_to_download(alice_client, dilemma):
    response = alice_client.get(URL)
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == 'attachment; filename="crossroads-offers.ics"'


def test_every_date_in_play_is_an_all_day_event(alice_client, dilemma, today):
    body = download(alice_client)
    events = read(body)
    assert [(e.summary, e.status, e.start, e.end) for e in events] == [
        ("Answer due to Globex", "CONFIRMED", today + days(3), today + days(4)),
        ("Offer expected from Initech", "CONFIRMED", today + days(7), today + days(8)),
        ("First day at Northwind", "CONFIRMED", today + days(14), today + days(15)),
    ]
    assert all(type(e.start) is datetime.date for e in events)
    assert laid_out(body, today, today + days(30)) == sorted(e.summary for e in events)


def test_each_event_says_what_to_do_and_links_to_its_offer(alice_client, dilemma):
    answer = by_summary(download(alice_client))["Answer due to Globex"]
    link = "http://testserver" + reverse("offers:detail", args=[dilemma[1].pk])
    assert answer.url == link
    assert "ask for it before the deadline" in answer.description
    assert answer.description.endswith(f"Open the offer in Crossroads: {link}")


def test_each_reminder_fires_at_nine_the_day_before(alice_client, dilemma):
    events = read(download(alice_client))
    for event in events:
        assert event.triggers == (datetime.timedelta(hours=15),)
        day_before = event.start - datetime.timedelta(days=1)
        # An all-day event starts at local midnight, so 15 hours earlier is 09:00 local.
        assert event.alarm_times == (datetime.datetime.combine(day_before, datetime.time(9)),)
        assert event.alarm_texts == (f"Tomorrow: {event.summary}",)


def test_a_start_date_is_a_first_day_only_once_the_offer_is_accepted(alice_client, alice, today):
    offer = make_offer(alice, company="Contoso", respond_by=today + days(5))
    offer.start_date = today + days(30)
    offer.save()
    made_earlier(offer)
    proposed = by_summary(download(alice_client))["Start date if you accept Contoso"]
    assert "if you accept" in proposed.description
    assert proposed.triggers == (datetime.timedelta(hours=15),)

    offer.status, offer.accepted_on = Offer.Status.ACCEPTED, today
    offer.save()
    first_day = by_summary(download(alice_client))["First day at Contoso"]
    assert first_day.uid == proposed.uid
    assert first_day.sequence > proposed.sequence
    for status in (Offer.Status.SIGNED, Offer.Status.STARTED):
        offer.status = status
        offer.save()
        assert "First day at Contoso" in by_summary(download(alice_client))


def test_a_backed_out_offer_is_cancelled_rather_than_dropped(alice_client, dilemma, today):
    northwind = dilemma[0]
    before = by_summary(download(alice_client))["First day at Northwind"]
    northwind.status = Offer.Status.BACKED_OUT
    northwind.save()
    body = download(alice_client)
    after = by_summary(body)["Cancelled: start at Northwind"]
    assert (after.uid, after.start) == (before.uid, before.start)
    assert after.status == "CANCELLED"
    assert after.sequence > before.sequence
    assert after.triggers == ()  # a cancelled date reminds of nothing
    assert after.description.startswith("You backed out of the offer for Data Engineer at")
    assert after.url.endswith(reverse("offers:detail", args=[northwind.pk]))
    # A calendar app laying out the month still meets the event, and can drop it.
    assert "Cancelled: start at Northwind" in laid_out(body, today, today + days(30))


@pytest.mark.parametrize(
    ("status", "why"),
    [
        (Offer.Status.DECLINED, "You declined"),
        (Offer.Status.WITHDRAWN, "Globex withdrew"),
        (Offer.Status.EXPIRED, "expired"),
    ],
)
def test_a_closed_offers_dates_are_sent_as_cancelled(alice_client, dilemma, status, why):
    globex = dilemma[1]
    globex.start_date = globex.respond_by + days(20)
    globex.save()
    made_earlier(globex)
    before = by_summary(download(alice_client))
    globex.status = status
    globex.save()
    after = by_summary(download(alice_client))
    assert "Answer due to Globex" not in after
    for kind, old in (("answer due to", "Answer due to"), ("start at", "Start date if you accept")):
        event = after[f"Cancelled: {kind} Globex"]
        assert event.status == "CANCELLED" and event.triggers == ()
        assert event.uid == before[f"{old} Globex"].uid
        assert event.sequence > before[f"{old} Globex"].sequence
        assert why in event.description


def test_accepting_cancels_the_deadline_and_arriving_cancels_the_arrival(alice_client, dilemma):
    globex, initech = dilemma[1], dilemma[2]
    globex.status, globex.accepted_on = Offer.Status.ACCEPTED, timezone.localdate()
    globex.save()
    initech.status, initech.received_on = Offer.Status.RECEIVED, timezone.localdate()
    initech.save()
    events = by_summary(download(alice_client))
    assert events["Cancelled: answer due to Globex"].description.startswith(
        "You accepted the offer"
    )
    assert events["Cancelled: offer expected from Initech"].description.startswith(
        "The offer for Data Engineer at Initech has arrived"
    )
    assert not {"Answer due to Globex", "Offer expected from Initech"} & set(events)


def test_cancelled_events_stop_thirty_days_after_the_last_change(alice_client, dilemma):
    northwind = dilemma[0]
    northwind.status = Offer.Status.BACKED_OUT
    northwind.save()
    Offer.objects.filter(pk=northwind.pk).update(updated=timezone.now() - days(29))
    assert "Cancelled: start at Northwind" in by_summary(download(alice_client))
    Offer.objects.filter(pk=northwind.pk).update(updated=timezone.now() - days(31))
    assert not [e for e in read(download(alice_client)) if "Northwind" in e.summary]


def test_the_sequence_rises_when_a_date_moves(alice_client, dilemma):
    before = by_summary(download(alice_client))["Answer due to Globex"]
    dilemma[1].respond_by += days(1)
    dilemma[1].save()
    after = by_summary(download(alice_client))["Answer due to Globex"]
    assert after.sequence > before.sequence
    assert after.start == before.start + days(1)


def test_event_uids_are_unique_and_stable_between_downloads(alice_client, dilemma):
    first = [e.uid for e in read(download(alice_client))]
    dilemma[1].respond_by += days(1)
    dilemma[1].save()
    again = [e.uid for e in read(download(alice_client))]
    assert len(set(first)) == 3
    assert first == again
    assert f"crossroads-offer-{dilemma[1].pk}-respond-by@crossroads" in first


def test_the_calendar_carries_the_users_time_zone(alice_client, alice, dilemma):
    alice.time_zone = "Europe/Lisbon"
    alice.save()
    cal = Calendar.from_ical(download(alice_client))
    assert str(cal["X-WR-TIMEZONE"]) == "Europe/Lisbon"
    assert str(cal["PRODID"]) == "-//Crossroads//Offer dates//EN"
    assert str(cal["VERSION"]) == "2.0"


def test_a_broken_time_zone_falls_back_to_the_servers(alice_client, alice, dilemma, settings):
    alice.time_zone = "Mars/Olympus_Mons"
    alice.save()
    cal = Calendar.from_ical(download(alice_client))
    assert str(cal["X-WR-TIMEZONE"]) == settings.TIME_ZONE


def test_with_no_offers_the_calendar_is_empty_but_valid(alice_client):
    assert read(download(alice_client)) == []


def test_a_stranger_gets_none_of_alices_dates(charlie_client, dilemma):
    body = download(charlie_client)
    assert read(body) == []
    assert b"Globex" not in body


def test_the_feed_refuses_post(alice_client):
    assert alice_client.post(URL).status_code == 405


@pytest.fixture
def builds(monkeypatch):
    """Counts the files the view builds."""
    made = []
    build = calendar.offers_calendar
    monkeypatch.setattr(
        calendar, "offers_calendar", lambda *a, **k: made.append(1) or build(*a, **k)
    )
    return made


def test_asked_again_with_nothing_changed_it_answers_304_without_building_the_file(
    alice_client, dilemma, builds, django_assert_num_queries
):
    first = alice_client.get(URL)
    assert first["ETag"].startswith('W/"')  # weak: each build has its own DTSTAMP
    # Session, user, and the version of what the file would hold: no offer is loaded.
    with django_assert_num_queries(3):
        again = alice_client.get(URL, headers={"If-None-Match": first["ETag"]})
    assert (again.status_code, again.content) == (304, b"")
    assert (again["ETag"], again["Last-Modified"]) == (first["ETag"], first["Last-Modified"])
    by_date = alice_client.get(URL, headers={"If-Modified-Since": first["Last-Modified"]})
    assert by_date.status_code == 304
    assert len(builds) == 1


def test_any_change_to_what_it_is_made_of_makes_a_new_file_once(
    alice_client, alice, dilemma, builds, today
):
    northwind, globex, initech = dilemma
    etag = alice_client.get(URL)["ETag"]

    def after_change(**extra) -> bytes:
        """Asked again after a change: a new file with a new version, made once, then 304s."""
        nonlocal etag
        made = len(builds)
        changed = alice_client.get(URL, headers={"If-None-Match": etag}, **extra)
        assert changed.status_code == 200 and changed["ETag"] != etag
        etag = changed["ETag"]
        again = alice_client.get(URL, headers={"If-None-Match": etag}, **extra)
        assert again.status_code == 304
        assert len(builds) == made + 1
        return changed.content

    globex.role = "Staff Engineer"
    globex.save()
    assert "Staff Engineer" in by_summary(after_change())["Answer due to Globex"].description
    # Writes that leave no timestamp (update() skips save()) show at once all the same.
    Offer.objects.filter(pk=globex.pk).update(company="Globex Europe")
    assert "Answer due to Globex Europe" in by_summary(after_change())
    ask = TimeAsk.objects.create(offer=globex, kind=TimeAsk.Kind.MORE_TIME, asked_on=today)
    assert "Follow up with Globex Europe about more time" in by_summary(after_change())
    TimeAsk.objects.filter(pk=ask.pk).update(answer=TimeAsk.Answer.REFUSED, answered_on=today)
    assert "Cancelled: follow up with Globex Europe about more time" in by_summary(after_change())
    initech.delete()
    assert not [summary for summary in by_summary(after_change()) if "Initech" in summary]
    type(alice).objects.filter(pk=alice.pk).update(time_zone="Asia/Tokyo")
    assert str(Calendar.from_ical(after_change())["X-WR-TIMEZONE"]) == "Asia/Tokyo"
    # The links name the site's address.
    links = [event.url for event in read(after_change(HTTP_HOST="localhost"))]
    assert links and all(link.startswith("http://localhost/") for link in links)


def test_the_file_and_its_last_modified_move_with_the_hour(alice_client, dilemma, clock):
    """``clock`` stands at the start of an hour later than every offer's last change: what
    is in play depends on the moment (dates pass, cancelled events drop out)."""
    clock.move(datetime.timedelta(minutes=20))
    first = alice_client.get(URL)
    hour = clock.now.replace(minute=0)
    assert first["Last-Modified"] == http_date(hour.timestamp())
    clock.move(datetime.timedelta(minutes=30))
    asked = {"If-None-Match": first["ETag"]}
    assert alice_client.get(URL, headers=asked).status_code == 304
    clock.move(datetime.timedelta(minutes=15))
    later = alice_client.get(URL, headers=asked)
    assert later.status_code == 200 and later["ETag"] != first["ETag"]
    assert later["Last-Modified"] == http_date((hour + datetime.timedelta(hours=1)).timestamp())


def test_last_modified_is_the_newest_change_since_the_hour_began(alice_client, dilemma, clock):
    first = alice_client.get(URL)
    asked = {"If-Modified-Since": first["Last-Modified"]}
    assert alice_client.get(URL, headers=asked).status_code == 304
    clock.move(datetime.timedelta(minutes=10))
    dilemma[1].save()
    changed = alice_client.get(URL, headers=asked)
    assert changed.status_code == 200
    assert changed["Last-Modified"] == http_date(clock.now.timestamp())


moments = st.datetimes(
    min_value=datetime.datetime(2020, 1, 1), max_value=datetime.datetime(2080, 1, 1)
).map(lambda moment: moment.replace(tzinfo=datetime.UTC))


@given(earlier=moments, later=moments, other=moments)
def test_the_sequence_never_goes_back_when_anything_changes_later(earlier, later, other):
    earlier, later = sorted((earlier, later))
    assert calendar.sequence(earlier, other) <= calendar.sequence(later, other)
    assert 0 <= calendar.sequence(later, other) < 2**31
    if (later - earlier) >= datetime.timedelta(seconds=1) and other <= earlier:
        assert calendar.sequence(earlier, other) < calendar.sequence(later, other)


@pytest.mark.django_db
def test_an_offer_changed_after_2088_still_draws_the_calendar(alice_client, alice):
    # Seconds from 2020 pass 2**31 in 2088: an offer last changed at the end of the range (2201)
    # once made the icalendar library refuse the whole calendar, a 500.
    last = datetime.datetime(2201, 1, 1, 23, 59, 59, tzinfo=datetime.UTC)
    offer = make_offer(alice, respond_by=timezone.localdate())
    Offer.objects.filter(pk=offer.pk).update(updated=last)
    response = alice_client.get(reverse("offers:calendar"))
    assert response.status_code == 200
    assert b"SEQUENCE:2147483647" in response.content
    assert calendar.sequence(last) == 2**31 - 1
