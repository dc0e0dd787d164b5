"""Asking to start later, when the notice at the signed job ends after the new start date: the
drafted words, the page reached from the clash, and a yes that moves the start date."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from crossroads.formats import format_date
from offers.asks.rules import next_working_day
from offers.models import Contact, LeavingTerms, Offer, TimeAsk
from offers.terms.page import free_day
from tests.factories import make_contact, make_offer
from tests.offers.conftest import days, make_many_offers

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(alice, today):
    offer = make_offer(
        alice, company="Spree Werk", status=Offer.Status.SIGNED, start_date=today - days(90)
    )
    LeavingTerms.objects.create(
        offer=offer, country="DE", notice_amount=4, notice_unit="weeks", notice_to="mid_or_end"
    )
    return offer


@pytest.fixture
def new(alice, today):
    return make_offer(alice, company="Havel Labs", received_on=today, start_date=today + days(21))


def url(new, signed):
    return reverse("offers:ask_start_later", args=[new.pk]) + f"?other={signed.pk}"


def timeline(client) -> str:
    return " ".join(client.get(reverse("offers:timeline")).content.decode().split())


def test_the_page_drafts_a_start_after_the_notice_ends(alice_client, signed, new, today):
    response = alice_client.get(url(new, signed), follow=True)
    assert response.status_code == 200
    free = free_day(Offer.objects.select_related("leaving_terms").get(pk=signed.pk), today)
    form = response.context["form"]
    asked = next_working_day(free["free_from"])
    assert form.initial["requested_date"] == asked
    words = form.initial["script"]
    assert f"notice period at my current job ends on {format_date(free['last_day'])}" in words
    assert f"Could my start date be {format_date(asked)}" in words
    assert "Ask Havel Labs to start later" in response.content.decode()


def test_from_the_clash_ask_record_a_yes_and_the_clash_is_gone(alice_client, signed, new, today):
    page = timeline(alice_client)
    assert "Havel Labs wants you to start on" in page
    assert url(new, signed) in page.replace("&amp;", "&")
    alice_client.get(url(new, signed), follow=True)
    later = next_working_day(today + days(70))
    response = alice_client.post(
        url(new, signed),
        {
            "contact": "",
            "channel": "phone",
            "asked_on": today.isoformat(),
            "requested_date": later.isoformat(),
            "script": "Could I start later?",
            "other": signed.pk,
        },
    )
    ask = TimeAsk.objects.get()
    assert response.url == reverse("offers:ask", args=[ask.pk])
    assert (ask.kind, ask.offer, ask.other_offer) == ("start_later", new, signed)
    assert "Asked Havel Labs to start later" in timeline(alice_client)
    answer = {"answer": "granted", "answered_on": today.isoformat(), "new_date": later.isoformat()}
    alice_client.post(reverse("offers:ask_answer", args=[ask.pk]), answer)
    new.refresh_from_db()
    ask.refresh_from_db()
    assert new.start_date == later
    assert ask.previous_date == today + days(21)
    assert "Havel Labs wants you to start on" not in timeline(alice_client)


def test_a_start_no_later_than_now_is_refused(alice_client, signed, new, today):
    ask = TimeAsk.objects.create(
        offer=new,
        other_offer=signed,
        kind="start_later",
        asked_on=today,
        requested_date=today + days(60),
    )
    answer = {"answer": "granted", "answered_on": today.isoformat(), "new_date": new.start_date}
    response = alice_client.post(reverse("offers:ask_answer", args=[ask.pk]), answer)
    assert "A new start date comes after the current one" in response.content.decode()
    new.refresh_from_db()
    assert new.start_date == today + days(21)
    bad = {"contact": "", "channel": "phone", "asked_on": today.isoformat(), "script": "x"}
    response = alice_client.post(url(new, signed), {**bad, "requested_date": ""})
    assert "Enter the start date you will ask for." in response.content.decode()
    response = alice_client.post(
        url(new, signed), {**bad, "requested_date": new.start_date.isoformat()}
    )
    assert "Ask for a start after the current one" in response.content.decode()
    assert TimeAsk.objects.count() == 1


def test_another_users_offer_is_a_404(charlie_client, signed, new):
    assert charlie_client.get(url(new, signed), follow=True).status_code == 404
    assert charlie_client.post(url(new, signed), {}).status_code == 404
    assert not TimeAsk.objects.exists()


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_page_takes_the_same_queries_with_one_or_many_people(
    alice_client, signed, new, django_assert_num_queries
):
    path = alice_client.get(url(new, signed)).url  # the address with its form token
    expected = _count(alice_client, path)
    for n in range(10):
        make_contact(new, name=f"Person {n}", role=Contact.Role.RECRUITER)
    with django_assert_num_queries(expected):
        alice_client.get(path)


def test_the_timeline_takes_the_same_queries_with_one_or_many_asks_to_start_later(
    alice_client, alice, signed, new, today, django_assert_num_queries
):
    TimeAsk.objects.create(offer=new, other_offer=signed, kind="start_later", asked_on=today)
    expected = _count(alice_client, reverse("offers:timeline"))
    for offer in make_many_offers(alice, 40, today):
        TimeAsk.objects.create(offer=offer, other_offer=signed, kind="start_later", asked_on=today)
    with django_assert_num_queries(expected):
        page = alice_client.get(reverse("offers:timeline")).content.decode()
    assert page.count("to start later</a>") >= 2
