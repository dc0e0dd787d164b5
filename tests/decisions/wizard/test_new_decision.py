from urllib.parse import urlencode

import pytest
from django.urls import reverse

from decisions.models import DEFAULT_FACTORS, Decision
from offers.models import Offer
from tests.factories import make_offer

pytestmark = pytest.mark.django_db

NEW = reverse("decisions:new")


def test_the_page_asks_for_a_name_and_lists_only_my_offers(alice_client, alice, bob):
    make_offer(alice, company="First Co")
    make_offer(bob, company="Bobs Corp")
    response = alice_client.get(NEW, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Step 1 of 6" in html
    assert "First Co" in html and "Bobs Corp" not in html
    assert html.count("<h1") == 1


def test_it_links_to_adding_an_offer_and_coming_back(alice_client):
    html = alice_client.get(NEW, follow=True).content.decode()
    assert f'href="{reverse("offers:new")}?{urlencode({"next": reverse("decisions:new")})}"' in html
    assert "You have no offers saved yet" in html


def test_it_starts_a_decision_with_the_default_factors_and_the_committed_offer(
    alice_client, alice, committed, new_offer
):
    response = alice_client.post(
        NEW, {"title": "  Stay or go?  ", "offers": [committed.pk, new_offer.pk]}
    )
    decision = Decision.objects.get(owner=alice)
    assert response.status_code == 302
    assert response.url == reverse("decisions:situation", args=[decision.pk])
    assert decision.title == "Stay or go?"
    assert decision.committed_offer == committed
    assert set(decision.offers.all()) == {committed, new_offer}
    assert [f.name for f in decision.factors.all()] == list(DEFAULT_FACTORS)
    assert [f.is_compensation for f in decision.factors.all()] == [True, False, False, False, False]
    assert decision.step_reached == Decision.Step.SITUATION
    assert decision.is_draft()


def test_without_a_name_it_is_named_after_the_companies(alice_client, alice, committed, new_offer):
    alice_client.post(NEW, {"title": "", "offers": [committed.pk, new_offer.pk]})
    assert Decision.objects.get(owner=alice).title == "First Co or Second Co"


def test_with_nothing_committed_the_situation_step_is_skipped_with_a_note(alice_client, alice):
    a = make_offer(alice, company="A Co")
    b = make_offer(alice, company="B Co")
    response = alice_client.post(NEW, {"offers": [a.pk, b.pk]}, follow=True)
    decision = Decision.objects.get(owner=alice)
    assert decision.committed_offer is None
    assert decision.step_reached == Decision.Step.PRIORITIES
    priorities = reverse("decisions:priorities", args=[decision.pk])
    assert response.redirect_chain[-1][0].startswith(f"{priorities}?once=")
    assert "nothing to back out of" in response.content.decode()


@pytest.mark.parametrize("count", [0, 1])
def test_fewer_than_two_offers_are_refused(alice_client, alice, count):
    offers = [make_offer(alice, company=f"Co {i}") for i in range(count)]
    response = alice_client.post(NEW, {"offers": [o.pk for o in offers]})
    assert response.status_code == 200
    assert "Pick at least two offers to compare." in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not Decision.objects.exists()


def test_more_than_five_offers_are_refused(alice_client, alice):
    offers = [make_offer(alice, company=f"Co {i}") for i in range(6)]
    response = alice_client.post(NEW, {"offers": [o.pk for o in offers]})
    assert "Pick five offers at most" in response.content.decode()
    assert not Decision.objects.exists()


def test_the_same_offer_twice_is_refused(alice_client, committed, new_offer):
    response = alice_client.post(NEW, {"offers": [committed.pk, committed.pk, new_offer.pk]})
    assert "The same offer was picked twice" in response.content.decode()
    assert not Decision.objects.exists()


def test_another_users_offer_posted_by_hand_is_refused(alice_client, bob, committed):
    bobs = make_offer(bob, company="Bobs Corp")
    response = alice_client.post(NEW, {"offers": [committed.pk, bobs.pk]})
    assert response.status_code == 200
    assert "not one of yours" in response.content.decode()
    assert not Decision.objects.exists()


def test_a_nonsense_offer_id_is_refused(alice_client, committed):
    response = alice_client.post(NEW, {"offers": [committed.pk, "drop table"]})
    assert "not one of yours" in response.content.decode()
    assert not Decision.objects.exists()


def test_with_two_committed_offers_it_asks_which_is_the_reference(alice_client, alice):
    signed = make_offer(alice, company="Signed Co", status=Offer.Status.SIGNED)
    accepted = make_offer(alice, company="Accepted Co", status=Offer.Status.ACCEPTED)
    other = make_offer(alice, company="Open Co")
    response = alice_client.post(NEW, {"offers": [signed.pk, accepted.pk, other.pk]})
    assert "Choose the one you are committed to now" in response.content.decode()
    assert not Decision.objects.exists()

    alice_client.post(
        NEW, {"offers": [signed.pk, accepted.pk, other.pk], "committed_offer": signed.pk}
    )
    assert Decision.objects.get(owner=alice).committed_offer == signed


def test_the_reference_must_be_among_the_offers_picked(alice_client, alice):
    signed = make_offer(alice, company="Signed Co", status=Offer.Status.SIGNED)
    accepted = make_offer(alice, company="Accepted Co", status=Offer.Status.ACCEPTED)
    third = make_offer(alice, company="Third Co", status=Offer.Status.STARTED)
    response = alice_client.post(
        NEW, {"offers": [signed.pk, accepted.pk], "committed_offer": third.pk}
    )
    assert "Choose the one you are committed to now" in response.content.decode()
    assert not Decision.objects.exists()
