import pytest
from django.urls import reverse

from decisions.models import Decision, Factor
from offers.models import Offer
from tests.decisions.helpers import assert_sent_to_login, url

pytestmark = pytest.mark.django_db


def test_it_asks_first_then_deletes_the_decision_and_keeps_the_offers(alice_client, decision):
    html = alice_client.get(url("delete", decision)).content.decode()
    assert "Your offers are kept" in html
    assert Decision.objects.exists()
    response = alice_client.post(url("delete", decision))
    assert response.url == reverse("decisions:list")
    assert not Decision.objects.exists() and not Factor.objects.exists()
    assert Offer.objects.count() == 2


def test_a_stranger_gets_404_and_nothing_is_deleted(charlie_client, decision):
    assert charlie_client.get(url("delete", decision)).status_code == 404
    assert charlie_client.post(url("delete", decision)).status_code == 404
    assert Decision.objects.filter(pk=decision.pk).exists()


def test_anonymous_visitors_are_sent_to_log_in(client, decision):
    assert_sent_to_login(client.post(url("delete", decision)))
    assert Decision.objects.exists()
