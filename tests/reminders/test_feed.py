"""The private calendar subscription: what it holds, whose it is, how it is turned off or
replaced, and how it answers calendar apps that ask whether anything changed."""

import datetime
import hashlib
import urllib.request

import pytest
import recurring_ical_events
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from icalendar import Calendar

from decisions.models import CallPlan, FollowUp
from offers.models import Contact, Offer, TimeAsk
from offers.terms.models import LeavingTerms
from reminders import views
from reminders.account import NEW_TOKEN_KEY
from reminders.models import CalendarFeed
from tests.factories import make_contact, make_decision, make_offer
from tests.ical import by_summary, laid_out, read
from tests.reminders.conftest import DAY, follow_up

pytestmark = pytest.mark.django_db


def feed_url(token: str) -> str:
    return reverse("reminders:feed", args=[token])


def turn_on(client) -> str:
    """Turn the subscription on (or replace it) as the account page does; the new token."""
    response = client.post(reverse("reminders:feed_on"))
    assert response.status_code == 302
    return client.session[NEW_TOKEN_KEY]


def summaries(body: bytes) -> list[str]:
    return sorted(str(event["SUMMARY"]) for event in Calendar.from_ical(body).events)


@pytest.fixture
def alice_dates(alice):
    """Alice signed with Northwind (placed by an agency), chose Globex, expects Initech, and
    planned her call, its follow-ups and (a month after deciding) a look back."""
    today = timezone.localdate()
    northwind = make_offer(
        alice,
        company="Northwind",
        status=Offer.Status.SIGNED,
        start_date=today + 20 * DAY,
        agency_name="Talent Bridge",
    )
    globex = make_offer(alice, company="Globex", respond_by=today + 3 * DAY)
    make_offer(alice, company="Initech", status=Offer.Status.EXPECTED, expected_on=today + 7 * DAY)
    declined = make_offer(
        alice, company="Declined Co", status=Offer.Status.DECLINED, respond_by=today
    )
    # Declined long ago: its date is no longer sent, not even as cancelled.
    Offer.objects.filter(pk=declined.pk).update(updated=timezone.now() - 31 * DAY)
    decision = make_decision(
        alice,
        [northwind, globex],
        title="Northwind or Globex?",
        chosen_offer=globex,
        decided_at=timezone.now() - DAY,
    )
    plan = CallPlan.objects.create(
        decision=decision,
        contact=make_contact(northwind, name="Morgan Lee"),
        scheduled_at=timezone.now() + DAY,
        agency_contact=make_contact(northwind, name="Riley Park", role=Contact.Role.AGENCY),
        agency_call_at=timezone.now() + DAY + datetime.timedelta(hours=1),
    )
    follow_up(plan, today + 5 * DAY, text="Return the laptop")
    follow_up(plan, None, text="Undated: not in a calendar")
    follow_up(plan, today + 6 * DAY, text="Done already", done=True)
    return decision


@pytest.fixture
def bob_dates(bob):
    make_offer(bob, company="Umbrella", respond_by=timezone.localdate() + 2 * DAY)


ALICE_EVENTS = [
    "Answer due to Globex",
    "Call Morgan Lee (Northwind)",
    "Call Talent Bridge about Northwind",
    "First day at Northwind",
    "Follow-up: Return the laptop",
    "Look back: Northwind or Globex?",
    "Offer expected from Initech",
]


def test_turning_it_on_shows_the_address_once_and_stores_only_its_hash(alice_client, alice):
    token = turn_on(alice_client)
    assert len(token) >= 43  # 256 random bits
    stored = CalendarFeed.objects.get(user=alice)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(CalendarFeed.objects.filter(user=alice).values().get())
    page = alice_client.get(reverse("account")).content.decode()
    assert f'value="http://testserver{feed_url(token)}"' in page
    assert f'value="webcal://testserver{feed_url(token)}"' in page
    assert f'href="webcal://testserver{feed_url(token)}"' in page
    again = alice_client.get(reverse("account")).content.decode()
    assert token not in again
    assert "Your calendar subscription is <strong>on</strong>" in again


def test_the_feed_holds_every_date_in_play_without_signing_in(
    alice_client, client, alice_dates, bob_dates
):
    token = turn_on(alice_client)
    client.logout()
    response = client.get(feed_url(token))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert summaries(response.content) == ALICE_EVENTS
    assert b"Umbrella" not in response.content and b"Declined Co" not in response.content


def test_each_user_sees_only_their_own_dates(alice_client, client, bob, alice_dates, bob_dates):
    alice_token = turn_on(alice_client)
    client.force_login(bob)
    bob_token = turn_on(client)
    assert summaries(client.get(feed_url(bob_token)).content) == ["Answer due to Umbrella"]
    assert summaries(client.get(feed_url(alice_token)).content) == ALICE_EVENTS


def test_the_feed_asks_calendar_apps_to_refresh_hourly(alice_client, alice_dates):
    body = alice_client.get(feed_url(turn_on(alice_client))).content.decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in body
    assert "X-PUBLISHED-TTL:PT1H\r\n" in body
    assert "X-WR-CALNAME:Crossroads\r\n" in body


def test_a_wrong_truncated_or_revoked_address_is_a_404_like_any_other(alice_client):
    client = Client()  # a calendar app: nobody signed in
    first = turn_on(alice_client)
    second = turn_on(alice_client)  # replaced: the first stops at once
    assert client.get(feed_url(second)).status_code == 200
    wrong = second[:-1] + ("A" if second[-1] != "A" else "B")
    tried = [first, second[:20], wrong, "x" * 43]
    answers = [client.get(feed_url(token)) for token in tried]
    alice_client.post(reverse("reminders:feed_off"))
    tried.append(second)
    answers.append(client.get(feed_url(second)))
    assert [r.status_code for r in answers] == [404] * 5
    # Nothing but the address it was asked for tells one failure from another.
    pages = {
        r.content.replace(token.encode(), b"") for r, token in zip(answers, tried, strict=True)
    }
    assert len(pages) == 1
    assert not CalendarFeed.objects.exists()


def test_finding_a_feed_takes_the_same_single_query_whatever_the_token(alice_client):
    token = turn_on(alice_client)
    for candidate in (token, token[:-3], "wrong", ""):
        with CaptureQueriesContext(connection) as queries:
            CalendarFeed.objects.find(candidate)
        assert len(queries) == 1


def test_an_unchanged_feed_answers_conditional_requests_with_304(alice_client, alice_dates):
    url = feed_url(turn_on(alice_client))
    first = alice_client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('W/"')
    assert first["Cache-Control"] == "private, no-cache"
    by_etag = alice_client.get(url, headers={"If-None-Match": etag})
    by_date = alice_client.get(url, headers={"If-Modified-Since": modified})
    assert (by_etag.status_code, by_etag.content) == (304, b"")
    assert by_date.status_code == 304
    # A date changes: the same questions now get the new calendar.
    Offer.objects.filter(company="Globex").update(respond_by=timezone.localdate() + 4 * DAY)
    changed = alice_client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert alice_client.get(url, headers={"If-None-Match": changed["ETag"]}).status_code == 304


def test_turning_on_and_off_are_posts_for_signed_in_users(client, alice_client):
    for name in ("reminders:feed_on", "reminders:feed_off"):
        assert alice_client.get(reverse(name)).status_code == 405
    client.logout()
    response = client.post(reverse("reminders:feed_on"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not CalendarFeed.objects.exists()


def test_the_feed_takes_a_fixed_number_of_queries(alice, alice_client, alice_dates):
    url = feed_url(turn_on(alice_client))

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert alice_client.get(url).status_code == 200
        return len(queries)

    small = count()
    for n in range(10):
        make_offer(alice, company=f"More {n}", respond_by=timezone.localdate() + n * DAY)
        follow_up(alice_dates.call_plan, timezone.localdate() + n * DAY)
        # More calls to make, each leaving a job whose terms ask for notice in writing.
        signed = make_offer(alice, company=f"Left {n}", status=Offer.Status.SIGNED)
        LeavingTerms.objects.create(offer=signed, country="DE", notice_in_writing=True)
        chosen = make_offer(alice, company=f"Chosen {n}")
        decision = make_decision(
            alice, [signed, chosen], chosen_offer=chosen, decided_at=timezone.now()
        )
        CallPlan.objects.create(decision=decision, scheduled_at=timezone.now() + n * DAY)
    assert count() == small


@pytest.fixture
def builds(monkeypatch):
    """Counts the feeds the view builds."""
    made = []
    build = views.subscription_calendar
    monkeypatch.setattr(views, "subscription_calendar", lambda *a: made.append(1) or build(*a))
    return made


def test_a_poll_with_nothing_changed_is_a_304_from_two_queries_building_nothing(
    alice_client, alice_dates, builds, django_assert_num_queries
):
    url = feed_url(turn_on(alice_client))
    client = Client()  # a calendar app: nobody signed in
    etag = client.get(url)["ETag"]
    # The feed found by its token, and the version of what it would hold.
    with django_assert_num_queries(2):
        again = client.get(url, headers={"If-None-Match": etag})
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", etag)
    assert again["Cache-Control"] == "private, no-cache"
    assert again["X-Robots-Tag"] == "noindex"
    assert len(builds) == 1


def test_the_feed_is_made_once_and_again_after_any_change_to_what_it_shows(
    alice, alice_client, alice_dates, builds
):
    url = feed_url(turn_on(alice_client))
    client = Client()  # a calendar app that asks with the version it holds
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert len(builds) == 1  # asked again, nothing changed: no file made

    def after_change() -> bytes:
        """Asked again after a change: a new file with a new version, made once, then 304s."""
        nonlocal etag
        made = len(builds)
        changed = client.get(url, headers={"If-None-Match": etag})
        assert changed.status_code == 200 and changed["ETag"] != etag
        etag = changed["ETag"]
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
        assert len(builds) == made + 1
        return changed.content

    # Writes that leave no timestamp (update() skips save()) still show at once: the version is
    # made of every column of every row the feed reads, the rows loaded with them included.
    Contact.objects.filter(name="Morgan Lee").update(name="Morgan Lee-Smith")
    assert "Call Morgan Lee-Smith (Northwind)" in summaries(after_change())
    FollowUp.objects.filter(text="Return the laptop").update(text="Return the badge")
    assert "Follow-up: Return the badge" in summaries(after_change())
    Offer.objects.filter(company="Globex").update(company="Globex Europe")
    assert "Answer due to Globex Europe" in summaries(after_change())
    type(alice_dates).objects.filter(pk=alice_dates.pk).update(title="Stay or go?")
    assert "Look back: Stay or go?" in summaries(after_change())
    CallPlan.objects.filter(decision=alice_dates).update(done_at=timezone.now())
    assert "Done: Call Morgan Lee-Smith (Northwind)" in summaries(after_change())
    type(alice).objects.filter(pk=alice.pk).update(time_zone="Asia/Tokyo")
    assert b"X-WR-TIMEZONE:Asia/Tokyo" in after_change()
    FollowUp.objects.filter(text="Return the badge").delete()
    assert "Follow-up: Return the badge" not in summaries(after_change())
    assert len(builds) == 8


def test_last_modified_is_the_newest_change_but_never_before_the_hour(
    alice_client, alice_dates, clock
):
    """``clock`` stands at the start of an hour later than every row's last change."""
    url = feed_url(turn_on(alice_client))
    client = Client()
    clock.move(datetime.timedelta(minutes=20))
    first = client.get(url)
    assert first["Last-Modified"] == http_date(
        (clock.now - datetime.timedelta(minutes=20)).timestamp()
    )
    asked = {"If-Modified-Since": first["Last-Modified"]}
    assert client.get(url, headers=asked).status_code == 304
    clock.move(datetime.timedelta(minutes=5))
    alice_dates.call_plan.save()  # a change with a timestamp: Last-Modified moves to it
    changed = client.get(url, headers=asked)
    assert changed.status_code == 200
    assert changed["Last-Modified"] == http_date(clock.now.timestamp())
    assert (
        client.get(url, headers={"If-Modified-Since": changed["Last-Modified"]}).status_code == 304
    )
    # The next hour the file may differ (dates pass, cancelled events drop out): both move.
    clock.move(datetime.timedelta(hours=1))
    later = client.get(url, headers={"If-None-Match": changed["ETag"], **asked})
    assert later.status_code == 200 and later["ETag"] != changed["ETag"]
    assert later["Last-Modified"] == http_date(clock.now.replace(minute=0).timestamp())


@pytest.mark.django_db(transaction=True)
def test_a_calendar_app_can_read_it_over_http_with_two_parsers(
    live_server, client, alice, alice_dates
):
    client.force_login(alice)
    token = turn_on(client)
    with urllib.request.urlopen(live_server.url + feed_url(token)) as response:
        assert response.status == 200
        body = response.read()
    # icalendar and vobject read the file alike...
    assert sorted(event.summary for event in read(body)) == ALICE_EVENTS
    # ...and recurring-ical-events lays it out on a calendar, as an app would.
    today = timezone.localdate()
    assert laid_out(body, today, today + 40 * DAY) == ALICE_EVENTS
    shown = recurring_ical_events.of(Calendar.from_ical(body)).between(today, today + 40 * DAY)
    calls = [e for e in shown if str(e["SUMMARY"]).startswith("Call")]
    assert all(isinstance(e["DTSTART"].dt, datetime.datetime) for e in calls)


def test_the_feed_holds_the_follow_up_day_of_each_ask_still_unanswered(alice, alice_client):
    today = timezone.localdate()
    globex = make_offer(alice, company="Globex", respond_by=today + 3 * DAY)
    make_offer(alice, company="Initech", status=Offer.Status.EXPECTED, expected_on=today + 7 * DAY)
    ask = TimeAsk.objects.create(offer=globex, kind=TimeAsk.Kind.MORE_TIME, asked_on=today)
    body = Client().get(feed_url(turn_on(alice_client))).content
    [event] = [e for e in Calendar.from_ical(body).events if "Follow up" in str(e["SUMMARY"])]
    assert str(event["SUMMARY"]) == "Follow up with Globex about more time"
    assert event.start == ask.follow_up_on()
    assert str(event["URL"]).endswith(reverse("offers:ask", args=[ask.pk]))


def test_every_event_says_what_to_do_links_to_its_page_and_reminds_in_time(
    alice_client, alice_dates
):
    events = read(Client().get(feed_url(turn_on(alice_client))).content)
    assert {event.status for event in events} == {"CONFIRMED"}
    for event in events:
        assert event.url and event.url.startswith("http://testserver/")
        assert event.url in event.description
        if isinstance(event.start, datetime.datetime):  # a call: half an hour before
            assert event.triggers == (datetime.timedelta(minutes=30),)
        else:  # all day: 09:00 the day before
            assert event.triggers == (datetime.timedelta(hours=15),)


# The readiness checks are not done here: marking the call done takes a recorded choice to go
# ahead without each of them (the gate, decisions/call/readiness.py).
GO_AHEAD = {
    "skip_terms_reviewed": "on",
    "skip_written_offer_in_hand": "on",
    "skip_conditions_cleared": "on",
    "skip_start_date_confirmed": "on",
}


def _backdate(decision):
    """As if everything had been saved an hour ago (SEQUENCE counts whole seconds)."""
    hour_ago = timezone.now() - datetime.timedelta(hours=1)
    CallPlan.objects.filter(pk=decision.call_plan.pk).update(updated=hour_ago)
    type(decision).objects.filter(pk=decision.pk).update(updated=hour_ago)
    Offer.objects.filter(owner=decision.owner).update(updated=hour_ago)


def test_after_the_call_is_done_its_events_are_cancelled_without_alarms(alice_client, alice_dates):
    """Marking the call done (backing out of Northwind, accepting Globex) keeps every UID: the
    calls and Northwind's first day come back cancelled, without alarms, with a higher
    SEQUENCE, read alike by icalendar and vobject."""
    url = feed_url(turn_on(alice_client))
    _backdate(alice_dates)
    before = by_summary(Client().get(url).content)
    response = alice_client.post(
        reverse("decisions:call_done", args=[alice_dates.pk]),
        # Another offer is expected soon after Globex's deadline: accepting asks to go ahead.
        {"back_out": "on", "accept": "on", "accept_anyway": "on", **GO_AHEAD},
    )
    assert response.status_code == 302
    body = Client().get(url).content
    after = by_summary(body)
    renamed = {
        "Call Morgan Lee (Northwind)": "Done: Call Morgan Lee (Northwind)",
        "Call Talent Bridge about Northwind": "Done: Call Talent Bridge about Northwind",
        "First day at Northwind": "Cancelled: start at Northwind",
        "Answer due to Globex": "Cancelled: answer due to Globex",
    }
    for old, new in renamed.items():
        assert after[new].uid == before[old].uid
        assert after[new].status == "CANCELLED"
        assert after[new].triggers == ()
        assert after[new].sequence > before[old].sequence
    assert "You made this call and marked it done" in after[renamed[ALICE_EVENTS[1]]].description
    assert not set(renamed) & set(after)
    today = timezone.localdate()
    assert set(renamed.values()) <= set(laid_out(body, today, today + 40 * DAY))


def test_a_call_of_a_decision_that_no_longer_backs_out_is_cancelled(alice_client, alice_dates):
    url = feed_url(turn_on(alice_client))
    _backdate(alice_dates)
    before = by_summary(Client().get(url).content)["Call Morgan Lee (Northwind)"]
    alice_dates.chosen_offer = alice_dates.committed_offer
    alice_dates.save()
    after = by_summary(Client().get(url).content)["Cancelled: Call Morgan Lee (Northwind)"]
    assert (after.uid, after.status, after.triggers) == (before.uid, "CANCELLED", ())
    assert after.sequence > before.sequence


def test_a_written_look_back_is_cancelled(alice_client, alice_dates):
    url = feed_url(turn_on(alice_client))
    _backdate(alice_dates)
    before = by_summary(Client().get(url).content)["Look back: Northwind or Globex?"]
    alice_dates.record_outcome("Glad I switched.", timezone.now())
    alice_dates.save()
    after = by_summary(Client().get(url).content)["Cancelled: look back: Northwind or Globex?"]
    assert (after.uid, after.status, after.triggers) == (before.uid, "CANCELLED", ())
    assert after.sequence > before.sequence


def test_closed_things_stop_being_sent_thirty_days_after_their_last_change(
    alice_client, alice_dates
):
    url = feed_url(turn_on(alice_client))
    response = alice_client.post(
        reverse("decisions:call_done", args=[alice_dates.pk]), {"back_out": "on", **GO_AHEAD}
    )
    assert response.status_code == 302
    month_ago = timezone.now() - 31 * DAY
    CallPlan.objects.update(updated=month_ago)
    type(alice_dates).objects.update(updated=month_ago)
    Offer.objects.update(updated=month_ago)
    summaries_now = [event.summary for event in read(Client().get(url).content)]
    assert not [s for s in summaries_now if "Northwind" in s and "Globex" not in s]
