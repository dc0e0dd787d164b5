"""The page for withdrawing from a process: a drafted message naming the person by their part,
never the new employer unless asked; "Record that I told them" declines the offer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from offers import changes
from offers.models import Offer
from offers.withdrawals.models import Withdrawal
from tests.factories import make_contact
from tests.offers.conftest import three_offers

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(alice, today):
    """Grachten Data accepted despite Moldau Bank: Moldau Bank is owed a withdrawal."""
    prague, amsterdam, moldau = three_offers(alice, today)
    changes.accept(amsterdam, go_ahead=True, today=today)
    return moldau


def url(offer):
    return reverse("offers:withdraw", args=[offer.pk])


def record(client, offer, message, **fields):
    return client.post(url(offer), {"record": "1", "message": message, **fields})


def test_the_page_drafts_a_short_message_to_the_recruiter_without_naming_the_new_employer(
    alice_client, case
):
    response = alice_client.get(url(case))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Tell Moldau Bank you are withdrawing" in html
    assert "Pat Novak, the recruiter" in html
    # One tap to write or call them.
    assert '<a href="mailto:pat@moldau.example">pat@moldau.example</a>' in html
    message = response.context["form"]["message"].value()
    assert message.startswith("Hello Pat Novak,")
    assert "I have accepted another position" in message
    assert "Grachten Data" not in message
    assert 'name="names_new_employer"' in html
    assert "Back to the offer" in html


def test_the_page_says_what_the_company_is_doing_as_the_offer_stands(alice_client, case, today):
    """Moldau Bank's offer is still to come: it is not waiting for an answer yet."""
    html = alice_client.get(url(case)).content.decode()
    assert "the offer Moldau Bank is preparing is one you already know you will not take" in html
    assert "waiting for an answer" not in html
    case.status, case.received_on = Offer.Status.RECEIVED, today
    case.save()
    html = alice_client.get(url(case)).content.decode()
    assert "Moldau Bank is waiting for an answer you already know" in html


def test_without_anyone_on_the_offer_the_draft_names_nobody(alice_client, case):
    case.contacts.all().delete()
    response = alice_client.get(url(case))
    assert response.context["form"]["message"].value().startswith("Hello,\n")
    assert "Add them to the offer" in response.content.decode()


def test_the_recruiter_is_chosen_before_the_hiring_manager(alice_client, case):
    make_contact(case, name="Alex Manager")
    assert "Pat Novak, the recruiter" in alice_client.get(url(case)).content.decode()


def test_recording_keeps_the_edited_message_and_declines_the_offer(alice_client, alice, case):
    response = record(alice_client, case, "Hello Pat, thank you. I am withdrawing.")
    assert response.status_code == 302
    assert response.url == case.get_absolute_url()
    withdrawal = case.withdrawals.get()
    assert withdrawal.told_at is not None
    assert withdrawal.message == "Hello Pat, thank you. I am withdrawing."
    assert withdrawal.names_new_employer is False
    case.refresh_from_db()
    assert case.status == Offer.Status.DECLINED
    assert not Withdrawal.objects.for_user(alice).pending().exists()
    home = alice_client.get(reverse("home")).content.decode()
    assert "Tell Moldau Bank you are withdrawing" not in home


def test_naming_the_new_employer_without_the_box_is_refused_next_to_the_box(alice_client, case):
    response = record(alice_client, case, "I have accepted a job at Grachten Data.")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your message names Grachten Data. Tick this box" in html
    assert 'href="#id_names_new_employer"' in html
    assert case.withdrawals.get().told_at is None
    case.refresh_from_db()
    assert case.status == Offer.Status.EXPECTED


def test_with_the_box_ticked_the_new_employer_may_be_named(alice_client, case):
    message = "I have accepted a job at Grachten Data."
    response = record(alice_client, case, message, names_new_employer="on")
    assert response.status_code == 302
    withdrawal = case.withdrawals.get()
    assert (withdrawal.message, withdrawal.names_new_employer) == (message, True)


def test_updating_the_draft_with_the_box_names_the_new_employer_and_saves_nothing(
    alice_client, case
):
    response = alice_client.post(url(case), {"redraft": "1", "names_new_employer": "on"})
    assert response.status_code == 200
    assert "a position at Grachten Data" in response.context["form"]["message"].value()
    assert case.withdrawals.get().told_at is None


def test_an_empty_message_is_refused_with_a_message(alice_client, case):
    response = record(alice_client, case, "   ")
    assert "Write what you told them, or keep the draft." in response.content.decode()
    assert case.withdrawals.get().told_at is None


def test_an_offer_with_no_withdrawal_owed_goes_back_to_its_page(alice_client, alice, case):
    record(alice_client, case, "Thank you.")
    response = alice_client.get(url(case), follow=True)
    assert "There is no withdrawal to make from Moldau Bank now." in response.content.decode()


def test_another_users_offer_is_a_404_and_nothing_changes(charlie_client, case):
    assert charlie_client.get(url(case)).status_code == 404
    assert record(charlie_client, case, "Thank you.").status_code == 404
    assert case.withdrawals.get().told_at is None


def test_an_anonymous_visitor_is_sent_to_log_in(client, case):
    response = client.get(url(case))
    assert response.status_code == 302
    assert reverse("login") in response.url


def test_the_page_takes_as_many_queries_with_many_people_and_offers(
    alice_client, alice, case, today, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as small:
        assert alice_client.get(url(case)).status_code == 200
    for n in range(10):
        make_contact(case, name=f"Person {n}")
        three_offers(alice, today)
    with django_assert_num_queries(len(small.captured_queries)):
        alice_client.get(url(case))
