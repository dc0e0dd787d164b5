"""A warning before accepting an offer while another is still expected soon."""

import pytest
from django.urls import reverse

from offers.models import Offer
from tests.factories import make_offer
from tests.offers.conftest import days, offer_form_data

pytestmark = pytest.mark.django_db


def accept(client, offer, today, **overrides):
    data = offer_form_data(
        company=offer.company,
        status="accepted",
        received_on=(today - days(1)).isoformat(),
        respond_by=offer.respond_by.isoformat(),
        accepted_on=today.isoformat(),
        **overrides,
    )
    return client.post(reverse("offers:edit", args=[offer.pk]), data)


def test_accepting_while_an_offer_is_expected_before_the_deadline_warns(
    alice_client, due, expected, today
):
    expected.expected_on = today + days(2)
    expected.save()
    response = accept(alice_client, due, today)
    html = response.content.decode()
    assert response.status_code == 200
    assert "You expect an offer from Initech on" in html
    assert "before your answer here is due" in html
    ask_link = reverse("offers:ask_more_time", args=[due.pk]) + f"?other={expected.pk}"
    assert f'href="{ask_link}"' in html
    assert "Tick this box to accept anyway, or ask for more time first." in html
    due.refresh_from_db()
    assert due.status == Offer.Status.RECEIVED


def test_an_offer_expected_within_a_week_after_the_deadline_warns_too(
    alice_client, due, expected, today
):
    # Due in 3 days, expected in 7: four days after.
    response = accept(alice_client, due, today)
    assert "You expect an offer from Initech on" in response.content.decode()
    assert "soon after your answer here is due" in response.content.decode()


def test_no_warning_when_the_other_offer_comes_more_than_a_week_later(
    alice_client, due, expected, today
):
    expected.expected_on = due.respond_by + days(8)
    expected.save()
    response = accept(alice_client, due, today)
    assert response.status_code == 302
    due.refresh_from_db()
    assert due.status == Offer.Status.ACCEPTED
    assert due.accepted_despite_expected_at is None


def test_no_warning_for_an_offer_already_accepted_or_received_elsewhere(
    alice_client, alice, due, today
):
    make_offer(alice, company="Here already", received_on=today, respond_by=today + days(4))
    response = accept(alice_client, due, today)
    assert response.status_code == 302


def test_going_ahead_is_recorded_on_the_offer(alice_client, due, expected, today):
    response = accept(alice_client, due, today, accept_anyway="on")
    assert response.status_code == 302
    due.refresh_from_db()
    assert due.status == Offer.Status.ACCEPTED
    assert due.accepted_despite_expected_offer == expected
    assert due.accepted_despite_expected_at is not None


def test_saving_an_accepted_offer_again_does_not_warn(alice_client, due, expected, today):
    accept(alice_client, due, today, accept_anyway="on")
    response = accept(alice_client, due, today, notes="Signed on Friday.")
    assert response.status_code == 302


def test_another_users_expected_offer_never_warns(alice_client, due, bob, today):
    make_offer(bob, status=Offer.Status.EXPECTED, expected_on=today + days(2))
    assert accept(alice_client, due, today).status_code == 302


def test_adding_an_accepted_offer_warns_without_an_ask_link(alice_client, expected, today):
    data = offer_form_data(
        company="Hooli",
        status="accepted",
        accepted_on=today.isoformat(),
        respond_by=(today + days(1)).isoformat(),
    )
    response = alice_client.post(reverse("offers:new"), data)
    html = response.content.decode()
    assert "You expect an offer from Initech on" in html
    assert "Ask Hooli for more time instead" in html
    assert "/ask/more-time/" not in html
    assert not Offer.objects.filter(company="Hooli").exists()
    assert (
        alice_client.post(reverse("offers:new"), {**data, "accept_anyway": "on"}).status_code == 302
    )


def test_the_form_asks_whether_the_company_knows_and_suggests_asking_for_a_deadline(
    alice_client, due, today
):
    html = alice_client.get(reverse("offers:edit", args=[due.pk])).content.decode()
    assert "Does the company know you are in other processes?" in html
    assert "If they have not said, ask the recruiter" in html
    data = offer_form_data(company="Globex", knows_other_processes="no")
    alice_client.post(reverse("offers:edit", args=[due.pk]), data)
    due.refresh_from_db()
    assert due.knows_other_processes == "no"


def test_a_received_offer_with_no_deadline_suggests_asking(alice_client, alice, today):
    offer = make_offer(alice, received_on=today)
    html = alice_client.get(reverse("offers:detail", args=[offer.pk])).content.decode()
    assert "Ask the recruiter how long the offer stays open" in html
