import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from decisions.models import Decision
from offers.models import Offer
from tests.decisions.helpers import at_step, url
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


def test_the_owner_sees_the_offers_ticked_and_the_progress(alice_client, decision, committed):
    response = alice_client.get(url("offers", decision))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Step 1 of 6" in html
    assert f'value="{committed.pk}"' in html and "checked" in html
    ticked = set(re.findall(r'name="offers" value="(\d+)"[^>]*checked', html))
    assert ticked == {str(offer.pk) for offer in decision.offers.all()} and len(ticked) >= 2
    assert f'name="version" value="{decision.version}"' in html
    assert 'aria-valuenow="1"' in html
    assert html.count("<h1") == 1


def test_it_links_to_adding_an_offer_and_back_to_this_step(alice_client, decision):
    html = alice_client.get(url("offers", decision)).content.decode()
    assert (
        reverse("offers:new")
        + "?"
        + urlencode({"next": reverse("decisions:offers", args=[decision.pk])})
        in html
    )


def test_saving_changes_the_offers_and_moves_on(alice_client, alice, decision, committed):
    third = make_offer(alice, company="Third Co")
    response = alice_client.post(
        url("offers", decision),
        {"version": decision.version, "title": "Which one?", "offers": [committed.pk, third.pk]},
    )
    assert response.status_code == 302
    assert response.url == url("situation", decision)
    decision.refresh_from_db()
    assert decision.title == "Which one?"
    assert set(decision.offers.all()) == {committed, third}
    assert decision.step_reached == Decision.Step.SITUATION
    assert decision.version == 2


def test_saving_an_earlier_step_never_lowers_the_step_reached(alice_client, decision, committed):
    at_step(decision, Decision.Step.RESULT)
    alice_client.post(
        url("offers", decision),
        {"version": decision.version, "offers": [o.pk for o in decision.offers.all()]},
    )
    decision.refresh_from_db()
    assert decision.step_reached == Decision.Step.RESULT


def test_dropping_the_committed_offer_skips_the_situation(alice_client, alice, decision):
    a = make_offer(alice, company="A Co")
    b = make_offer(alice, company="B Co")
    response = alice_client.post(
        url("offers", decision), {"version": decision.version, "offers": [a.pk, b.pk]}
    )
    assert response.url == url("priorities", decision)
    decision.refresh_from_db()
    assert decision.committed_offer is None


@pytest.mark.parametrize(
    ("picked", "message"),
    [
        (lambda c, n, x: [c.pk], "Pick at least two offers"),
        (lambda c, n, x: [c.pk, c.pk, n.pk], "picked twice"),
        (lambda c, n, x: [c.pk, x.pk], "not one of yours"),
    ],
)
def test_bad_picks_are_refused_and_nothing_is_saved(
    alice_client, bob, decision, committed, new_offer, picked, message
):
    bobs = make_offer(bob, company="Bobs Corp")
    response = alice_client.post(
        url("offers", decision),
        {
            "version": decision.version,
            "title": "Changed",
            "offers": picked(committed, new_offer, bobs),
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    decision.refresh_from_db()
    assert decision.title == "Stay or switch?"
    assert set(decision.offers.all()) == {committed, new_offer}
    assert decision.version == 1


def test_more_than_five_offers_are_refused(alice_client, alice, decision):
    offers = [make_offer(alice, company=f"Co {i}") for i in range(6)]
    response = alice_client.post(
        url("offers", decision), {"version": decision.version, "offers": [o.pk for o in offers]}
    )
    assert "Pick five offers at most" in response.content.decode()
    assert decision.offers.count() == 2


def test_two_committed_offers_need_a_reference(alice_client, alice, decision, committed):
    signed = make_offer(alice, company="Signed Co", status=Offer.Status.SIGNED)
    data = {"version": decision.version, "offers": [committed.pk, signed.pk]}
    response = alice_client.post(url("offers", decision), data)
    assert "Choose the one you are committed to now" in response.content.decode()
    alice_client.post(url("offers", decision), {**data, "committed_offer": signed.pk})
    decision.refresh_from_db()
    assert decision.committed_offer == signed
