import pytest
from django.urls import reverse

from offers.models import Contact, Offer

pytestmark = pytest.mark.django_db


def url(contact):
    return reverse("offers:delete_contact", args=[contact.offer_id, contact.pk])


def test_the_owner_is_asked_to_confirm_first(alice_client, contact):
    response = alice_client.get(url(contact))
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Remove Sam Ortiz?" in html
    assert "Yes, remove Sam Ortiz" in html
    assert Contact.objects.filter(pk=contact.pk).exists()


def test_confirming_removes_the_person_only(alice_client, contact):
    response = alice_client.post(url(contact))
    assert response.url == reverse("offers:detail", args=[contact.offer_id]) + "#contacts"
    assert not Contact.objects.filter(pk=contact.pk).exists()
    assert Offer.objects.filter(pk=contact.offer_id).exists()


def test_removing_needs_a_post_not_another_method(alice_client, contact):
    assert alice_client.delete(url(contact)).status_code == 405
    assert Contact.objects.filter(pk=contact.pk).exists()
