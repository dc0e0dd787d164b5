"""From a clash to a planned conversation: the ask page, its words and what it refuses."""

import pytest
from django.urls import reverse

from offers.models import Contact, Offer, TimeAsk
from tests.factories import make_contact, make_offer
from tests.offers.asks.conftest import more_time_url
from tests.offers.conftest import days

pytestmark = pytest.mark.django_db


def post_data(today, **overrides):
    data = {
        "contact": "",
        "channel": "phone",
        "asked_on": today.isoformat(),
        "requested_date": (today + days(10)).isoformat(),
        "script": "Could I have until then?",
    }
    data.update(overrides)
    return data


def test_the_page_drafts_words_a_date_and_the_recruiter(alice_client, due, expected, today):
    response = alice_client.get(more_time_url(due, expected), follow=True)
    html = response.content.decode()
    form = response.context["form"]
    assert response.status_code == 200
    assert "Ask Globex for more time" in html
    # The recruiter first, even with a hiring manager on the offer.
    assert form.initial["contact"] == due.contacts.get(name="Sam Ortiz").pk
    assert form.initial["requested_date"] > today + days(7)
    assert form.initial["requested_date"].weekday() < 5
    script = form.initial["script"]
    assert "another company" in script
    assert "Initech" not in script
    assert 'href="mailto:sam@example.com"' in html


def test_ticking_the_box_names_the_other_company(alice_client, due, expected):
    response = alice_client.get(more_time_url(due, expected) + "&names_other=1", follow=True)
    assert "from Initech around" in response.context["form"].initial["script"]


def test_the_heads_up_tells_the_expected_offer_about_the_deadline(
    alice_client, due, expected, today
):
    url = reverse("offers:ask_heads_up", args=[expected.pk]) + f"?other={due.pk}"
    response = alice_client.get(url, follow=True)
    html = response.content.decode()
    assert "Tell Initech about your deadline" in html
    assert "I need to answer by" in response.context["form"].initial["script"]
    assert 'href="tel:+442079460000"' in html
    assert "requested_date" not in response.context["form"].fields


def test_saving_records_the_conversation_as_waiting_for_an_answer(
    alice_client, due, expected, today
):
    sam = due.contacts.get(name="Sam Ortiz")
    response = alice_client.post(
        more_time_url(due, expected), post_data(today, contact=sam.pk, script="My own words.")
    )
    ask = TimeAsk.objects.get()
    assert response.url == reverse("offers:ask", args=[ask.pk])
    assert (ask.offer, ask.other_offer, ask.contact) == (due, expected, sam)
    assert ask.kind == TimeAsk.Kind.MORE_TIME
    assert ask.script == "My own words."
    assert ask.answer == TimeAsk.Answer.PENDING
    assert ask.requested_date == today + days(10)
    assert not ask.names_other_company


def test_a_heads_up_records_that_the_company_knows(alice_client, due, expected, today):
    url = reverse("offers:ask_heads_up", args=[expected.pk])
    alice_client.post(url, {**post_data(today), "other": due.pk, "names_other": "1"})
    ask = TimeAsk.objects.get()
    assert ask.kind == TimeAsk.Kind.HEADS_UP and ask.names_other_company
    assert ask.requested_date == due.respond_by
    expected.refresh_from_db()
    assert expected.knows_other_processes == "yes"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("requested_date", -1, "cannot be in the past"),
        ("requested_date", 2, "Ask for a date after the current deadline"),
        ("requested_date", 3, "Ask for a date after the current deadline"),
        ("script", "x" * 10_000, "Keep this under 5,000 characters"),
        ("script", "Hello\x00there", "invisible NUL character"),
    ],
)
def test_bad_input_is_refused_next_to_its_field(
    alice_client, due, expected, today, field, value, message
):
    if field == "requested_date":
        value = (today + days(value)).isoformat()
    response = alice_client.post(more_time_url(due, expected), post_data(today, **{field: value}))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "There is a problem" in response.content.decode()
    assert not TimeAsk.objects.exists()


def test_a_contact_from_another_offer_or_user_is_refused(alice_client, due, expected, bob, today):
    bobs = make_contact(make_offer(bob), role=Contact.Role.RECRUITER)
    for contact in (expected.contacts.get(), bobs):
        response = alice_client.post(
            more_time_url(due, expected), post_data(today, contact=contact.pk)
        )
        assert (
            "Choose one of the people on this offer"
            in response.context["form"].errors["contact"][0]
        )
    assert not TimeAsk.objects.exists()


def test_no_extension_is_asked_on_a_closed_offer(alice_client, due, expected, today):
    due.status = Offer.Status.DECLINED
    due.save()
    response = alice_client.post(more_time_url(due, expected), post_data(today))
    assert "This offer is declined" in response.context["form"].errors["requested_date"][0]
    assert not TimeAsk.objects.exists()


def test_a_stranger_gets_404_and_nothing_is_saved(charlie_client, due, expected, today):
    assert charlie_client.get(more_time_url(due, expected), follow=True).status_code == 404
    assert charlie_client.post(more_time_url(due, expected), post_data(today)).status_code == 404
    assert not TimeAsk.objects.exists()


def test_another_users_offer_as_the_other_is_a_404(alice_client, due, bob):
    bobs = make_offer(bob, status=Offer.Status.EXPECTED)
    assert alice_client.get(more_time_url(due, bobs), follow=True).status_code == 404
    assert alice_client.get(more_time_url(due) + "?other=abc", follow=True).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client, due):
    assert client.get(more_time_url(due)).url.startswith(reverse("login"))
    assert client.post(more_time_url(due)).url.startswith(reverse("login"))
    assert not TimeAsk.objects.exists()


def test_without_a_recruiter_or_manager_the_page_says_whom_to_add(alice_client, alice, expected):
    offer = make_offer(alice, company="Hooli", respond_by=expected.expected_on - days(2))
    make_contact(offer, name="Pat HR", role=Contact.Role.HR)
    response = alice_client.get(more_time_url(offer, expected), follow=True)
    assert response.context["form"].initial["contact"] is None
    assert "No recruiter or hiring manager is recorded for Hooli" in response.content.decode()
