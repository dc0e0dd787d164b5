"""The asks on the timeline, the dashboard, the calendar file and the wizard's risk."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from decisions.wizard import risk
from offers.models import Offer, TimeAsk
from tests.factories import make_offer
from tests.ical import by_summary, read
from tests.offers.asks.conftest import make_ask
from tests.offers.conftest import days, make_many_offers

pytestmark = pytest.mark.django_db
TIMELINE = reverse("offers:timeline")


def test_each_clash_offers_the_two_conversations(alice_client, due, expected):
    html = alice_client.get(TIMELINE).content.decode()
    more_time = reverse("offers:ask_more_time", args=[due.pk]) + f"?other={expected.pk}"
    heads_up = reverse("offers:ask_heads_up", args=[expected.pk]) + f"?other={due.pk}"
    assert f'href="{more_time}">Ask Globex for more time</a>' in html
    assert f'href="{heads_up}">Tell Initech about your deadline</a>' in html


def test_the_timeline_shows_the_asks_on_their_clash_and_in_a_list(
    alice_client, due, expected, today
):
    make_ask(due, other_offer=expected, asked_on=today - days(5))
    response = alice_client.get(TIMELINE)
    html = response.content.decode()
    [(clash, asks, _money)] = response.context["clash_rows"]
    assert [a.offer for a in asks] == [due]
    assert "You asked Globex for more time on" in html
    assert "Your conversations about timing" in html
    assert "Time to follow up" in html


def test_a_granted_extension_makes_the_clash_disappear(alice_client, due, expected, today):
    ask = make_ask(due, other_offer=expected, asked_on=today)
    alice_client.post(
        reverse("offers:ask_answer", args=[ask.pk]),
        {
            "answer": "granted",
            "answered_on": today.isoformat(),
            "new_date": (today + days(10)).isoformat(),
        },
    )
    response = alice_client.get(TIMELINE)
    assert response.context["clashes"] == []
    assert "Yes: until" in response.content.decode()


@pytest.mark.parametrize("count", [1, 60])
def test_the_timeline_with_asks_takes_the_same_number_of_queries(
    alice_client, alice, today, count, django_assert_num_queries
):
    offers = make_many_offers(alice, count, today, contacts_each=1)
    TimeAsk.objects.bulk_create(
        TimeAsk(offer=o, kind=TimeAsk.Kind.MORE_TIME, asked_on=today, contact=o.contacts.first())
        for o in offers
    )
    # Session, user, the user's offers, the four years of those the page shows, the asks with
    # their contacts, the follow-ups, the withdrawals still to make, the committed offers with
    # their leaving terms (the clashes' money is in one currency: no exchange rate is read).
    with django_assert_num_queries(8):
        response = alice_client.get(TIMELINE)
    assert len(response.context["asks"]) == sum(
        1 for o in offers if o.is_open() or o.is_committed()
    )


def test_the_dashboard_lists_pending_asks_with_a_nudge_and_offers_with_no_deadline(
    alice_client, alice, due, expected, today
):
    make_ask(due, other_offer=expected, asked_on=today - days(4))
    make_ask(expected, kind=TimeAsk.Kind.HEADS_UP, asked_on=today, requested_date=None)
    make_offer(alice, company="Openended", received_on=today)
    html = alice_client.get("/").content.decode()
    assert "Asked, no answer yet" in html
    assert "More time from Globex" in html
    assert "Your deadline, told to Initech" in html
    assert html.count("No answer in two working days: follow up") == 1
    assert "No answer deadline known" in html
    assert "Openended" in html and "ask how long the offer stays open" in html
    assert "Ask Globex for more time" in html
    assert "Tell Initech about your deadline" in html


def test_an_ask_for_more_time_is_settled_once_its_offer_is_accepted(
    alice_client, due, expected, today
):
    """Nobody chases an employer for more time to answer an offer already accepted: the
    dashboard drops the ask and its nudge, the timeline's nudge goes and the calendar's
    follow-up is cancelled."""
    make_ask(due, other_offer=expected, asked_on=today - days(4))
    assert "More time from Globex" in alice_client.get("/").content.decode()
    due.status, due.accepted_on = Offer.Status.ACCEPTED, today
    due.save()

    html = alice_client.get("/").content.decode()
    assert "Asked, no answer yet" not in html
    assert "No answer in two working days: follow up" not in html
    assert "Time to follow up" not in alice_client.get(TIMELINE).content.decode()
    events = by_summary(alice_client.get(reverse("offers:calendar")).content)
    cancelled = events["Cancelled: follow up with Globex about more time"]
    assert cancelled.status == "CANCELLED"
    assert "The offer is accepted. No follow-up." in cancelled.description


def test_the_dashboard_keeps_its_query_count_with_asks(
    alice_client, alice, today, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    offers = make_many_offers(alice, 2, today)
    TimeAsk.objects.create(offer=offers[0], kind="more_time", asked_on=today)
    with CaptureQueriesContext(connection) as small:
        alice_client.get("/")
    more = make_many_offers(alice, 50, today)
    TimeAsk.objects.bulk_create(TimeAsk(offer=o, kind="heads_up", asked_on=today) for o in more)
    with django_assert_num_queries(len(small.captured_queries)):
        alice_client.get("/")


def test_the_calendar_shows_pending_asks_follow_up_days(alice_client, due, expected, today):
    monday = today - datetime.timedelta(days=today.weekday())
    pending = make_ask(due, asked_on=monday)
    make_ask(
        expected,
        kind=TimeAsk.Kind.HEADS_UP,
        asked_on=monday,
        answer="refused",
        answered_on=monday,
        requested_date=None,
    )
    events = Calendar.from_ical(alice_client.get(reverse("offers:calendar")).content).events
    follow_ups = [e for e in events if "Follow up" in str(e["SUMMARY"])]
    assert [(str(e["SUMMARY"]), e.start) for e in follow_ups] == [
        ("Follow up with Globex about more time", monday + days(2))
    ]
    assert str(follow_ups[0]["UID"]) == f"crossroads-ask-{pending.pk}-follow-up@crossroads"
    assert str(follow_ups[0]["URL"]).endswith(reverse("offers:ask", args=[pending.pk]))


def test_the_calendar_cancels_the_follow_up_once_answered_or_once_the_offer_closes(
    alice_client, due, expected, today
):
    answered = make_ask(due, asked_on=today)
    closed = make_ask(expected, kind=TimeAsk.Kind.HEADS_UP, asked_on=today)
    hour_ago = timezone.now() - datetime.timedelta(hours=1)
    TimeAsk.objects.update(updated=hour_ago)
    Offer.objects.update(updated=hour_ago)
    before = by_summary(alice_client.get(reverse("offers:calendar")).content)

    answered.answer, answered.answered_on = "refused", today
    answered.save()
    expected.status = Offer.Status.WITHDRAWN
    expected.save()
    after = by_summary(alice_client.get(reverse("offers:calendar")).content)
    for ask, old, new in (
        (answered, "Follow up with Globex about more time", "Cancelled: follow up with Globex"),
        (closed, "Follow up with Initech about their offer", "Cancelled: follow up with Initech"),
    ):
        [event] = [e for name, e in after.items() if name.startswith(new)]
        assert event.uid == before[old].uid == f"crossroads-ask-{ask.pk}-follow-up@crossroads"
        assert (event.status, event.triggers) == ("CANCELLED", ())
        assert event.sequence > before[old].sequence
        assert event.url in event.description
    refused = after["Cancelled: follow up with Globex about more time"]
    assert "Globex answered: no." in refused.description

    TimeAsk.objects.update(updated=timezone.now() - days(31))
    Offer.objects.update(updated=timezone.now() - days(31))
    events = read(alice_client.get(reverse("offers:calendar")).content)
    assert not [e for e in events if "follow up" in e.summary.lower()]


def test_the_risk_mentions_accepting_while_another_offer_was_expected():
    stage = risk.Stage(risk.ACCEPTED)
    args = (stage, "no", "", 0, "USD", "Globex")
    plain = risk.backing_out_risk(*args)
    warned = risk.backing_out_risk(*args, accepted_while_expecting="Initech")
    [reason] = [r for r in warned.reasons if r not in plain.reasons]
    assert "You accepted Globex knowing an offer from Initech was on its way" in reason.text
    assert warned.points == plain.points
