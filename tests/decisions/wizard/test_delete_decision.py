import pytest
from django.urls import reverse

from decisions.models import Decision, Factor
from offers.models import Offer
from tests.decisions.helpers import url

pytestmark = pytest.mark.django_db


def test_it_asks_first_then_deletes_the_decision_and_keeps_the_offers(alice_client, decision):
    html = alice_client.get(url("delete", decision)).content.decode()
    assert "Your offers are kept" in html
    assert Decision.objects.exists()
    response = alice_client.post(url("delete", decision))
    assert response.url == reverse("decisions:list")
    assert not Decision.objects.exists() and not Factor.objects.exists()
    assert Offer.objects.count() == 2
