"""Recording what the company said: a yes moves the offer's date, keeping the old one."""

import pytest
from django.urls import reverse

from offers.models import Offer, TimeAsk
from tests.factories import make_offer
from tests.offers.asks.conftest import make_ask
from tests.offers.conftest import days

pytestmark = pytest.mark.django_db


def answer_url(ask):
    return reverse("offers:ask_answer", args=[ask.pk])


def answer(client, ask, today, **fields):
    data = {"answer": "granted", "answered_on": today.isoformat(), "new_date": ""}
    data.update(fields)
    return client.post(answer_url(ask), data)


@pytest.fixture
def ask(due, expected, today):
    return make_ask(
        due,
        other_offer=expected,
        asked_on=today,
        requested_date=today + days(10),
        contact=due.contacts.get(name="Sam Ortiz"),
    )


def test_the_ask_page_shows_the_words_the_person_and_the_answer_form(alice_client, ask):
    response = alice_client.get(reverse("offers:ask", args=[ask.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "More time from Globex" in html
    assert "No answer yet" in html
    assert "Record their answer" in html
    assert response.context["answer_form"].initial["new_date"] == ask.requested_date


def test_a_yes_moves_the_deadline_and_keeps_the_old_one(alice_client, ask, due, today):
    response = answer(alice_client, ask, today, new_date=(today + days(10)).isoformat())
    assert response.url == reverse("offers:ask", args=[ask.pk])
    ask.refresh_from_db()
    due.refresh_from_db()
    assert due.respond_by == today + days(10)
    assert (ask.answer, ask.new_date, ask.previous_date) == (
        "granted",
        today + days(10),
        today + days(3),
    )
    html = alice_client.get(response.url).content.decode()
    assert "was " in html and "Confirm it in writing" in html
    assert "mailto:sam@example.com?subject=" in html


def test_a_partial_yes_moves_the_deadline_less_far(alice_client, ask, due, today):
    answer(alice_client, ask, today, answer="partly", new_date=(today + days(5)).isoformat())
    due.refresh_from_db()
    assert due.respond_by == today + days(5)


def test_a_no_leaves_the_deadline_alone(alice_client, ask, due, today):
    answer(alice_client, ask, today, answer="refused", new_date=(today + days(9)).isoformat())
    ask.refresh_from_db()
    due.refresh_from_db()
    assert due.respond_by == today + days(3)
    assert (ask.answer, ask.new_date, ask.previous_date) == ("refused", None, None)


def test_an_offer_brought_forward_moves_its_expected_day(alice_client, due, expected, today):
    heads_up = make_ask(
        expected, kind=TimeAsk.Kind.HEADS_UP, other_offer=due, asked_on=today, requested_date=None
    )
    answer(alice_client, heads_up, today, new_date=(today + days(2)).isoformat())
    expected.refresh_from_db()
    heads_up.refresh_from_db()
    assert expected.expected_on == today + days(2)
    assert heads_up.previous_date == today + days(7)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"answered_on": -1}, "answered_on", "cannot come before you asked"),
        ({"answered_on": 1}, "answered_on", "cannot be in the future"),
        ({"new_date": ""}, "new_date", "Enter the date they agreed to"),
        ({"new_date": 3}, "new_date", "comes after the current one"),
        ({"new_date": 1}, "new_date", "comes after the current one"),
        ({"new_date": "31/02/2026"}, "new_date", "Enter a real date"),
        ({"answer": "pending"}, "answer", "Choose one of the options shown"),
    ],
)
def test_bad_answers_are_refused_and_nothing_moves(
    alice_client, ask, due, today, fields, field, message
):
    fields = {
        k: (today + days(v)).isoformat() if isinstance(v, int) else v for k, v in fields.items()
    }
    response = answer(
        alice_client, ask, today, **{"new_date": (today + days(9)).isoformat(), **fields}
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["answer_form"].errors[field])
    assert "There is a problem" in response.content.decode()
    ask.refresh_from_db()
    due.refresh_from_db()
    assert ask.answer == "pending" and due.respond_by == today + days(3)


def test_an_extension_on_a_closed_offer_is_refused(alice_client, ask, due, today):
    Offer.objects.filter(pk=due.pk).update(status=Offer.Status.WITHDRAWN)
    response = answer(alice_client, ask, today, new_date=(today + days(9)).isoformat())
    assert "its dates can no longer move" in response.context["answer_form"].errors["answer"][0]
    due.refresh_from_db()
    assert due.respond_by == today + days(3)


def test_an_answer_is_recorded_once(alice_client, ask, due, today):
    answer(alice_client, ask, today, answer="refused")
    response = answer(alice_client, ask, today, new_date=(today + days(9)).isoformat())
    assert response.url == reverse("offers:ask", args=[ask.pk])
    assert (
        "already recorded; nothing was changed" in alice_client.get(response.url).content.decode()
    )
    due.refresh_from_db()
    assert due.respond_by == today + days(3)


def test_a_stranger_gets_404_and_nothing_changes(charlie_client, ask, due, today):
    assert charlie_client.get(reverse("offers:ask", args=[ask.pk])).status_code == 404
    response = answer(charlie_client, ask, today, new_date=(today + days(9)).isoformat())
    assert response.status_code == 404
    ask.refresh_from_db()
    due.refresh_from_db()
    assert ask.answer == "pending" and due.respond_by == today + days(3)


def test_an_anonymous_visitor_is_sent_to_log_in(client, ask, today):
    assert client.get(reverse("offers:ask", args=[ask.pk])).url.startswith(reverse("login"))
    assert answer(client, ask, today).url.startswith(reverse("login"))


def test_answering_is_post_only_and_the_page_get_only(alice_client, ask):
    assert alice_client.get(answer_url(ask)).status_code == 405
    assert alice_client.post(reverse("offers:ask", args=[ask.pk])).status_code == 405


def test_a_pending_ask_gets_a_nudge_after_two_working_days(alice_client, due, today):
    old = make_ask(due, asked_on=today - days(4))
    html = alice_client.get(reverse("offers:ask", args=[old.pk])).content.decode()
    assert "two working days is a fair wait" in html


def test_the_ask_page_takes_a_fixed_number_of_queries(alice_client, ask, django_assert_num_queries):
    # Session, user, the ask with its offers and contact.
    with django_assert_num_queries(3):
        alice_client.get(reverse("offers:ask", args=[ask.pk]))


def test_another_users_ask_is_a_404_even_for_its_owner_offer_id(alice_client, bob, today):
    bobs = make_ask(make_offer(bob, respond_by=today + days(3)), asked_on=today)
    assert alice_client.get(reverse("offers:ask", args=[bobs.pk])).status_code == 404
