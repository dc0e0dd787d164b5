import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from decisions.models import Decision
from tests.decisions.helpers import url

pytestmark = pytest.mark.django_db


def _reconsider(offer):
    return reverse("decisions:reconsider", args=[offer.pk])


def test_it_starts_a_decision_with_the_offer_as_the_reference(alice_client, alice, committed):
    response = alice_client.post(_reconsider(committed))
    decision = Decision.objects.get(owner=alice)
    assert response.url == url("offers", decision)
    assert decision.committed_offer == committed
    assert list(decision.offers.all()) == [committed]
    assert decision.step_reached == Decision.Step.OFFERS
    assert decision.factors.count() == 5
    assert decision.title == "Stay at First Co, or switch?"


def test_an_offer_not_committed_leads_to_a_new_decision_instead(alice_client, new_offer):
    response = alice_client.post(_reconsider(new_offer))
    assert response.url == reverse("decisions:new")
    assert not Decision.objects.exists()


def test_the_offer_page_include_shows_the_button_only_for_a_commitment(alice, committed, new_offer):
    request = RequestFactory().get("/offers/1/")
    request.user = alice
    shown = render_to_string(
        "decisions/wizard/_offer_reconsider.html", {"offer": committed}, request=request
    )
    assert "Reconsider this offer" in shown and 'method="post"' in shown
    assert _reconsider(committed) in shown
    hidden = render_to_string(
        "decisions/wizard/_offer_reconsider.html", {"offer": new_offer}, request=request
    )
    assert "Reconsider" not in hidden


def test_get_is_refused(alice_client, committed):
    assert alice_client.get(_reconsider(committed)).status_code == 405
    assert not Decision.objects.exists()
