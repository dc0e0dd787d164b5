import pytest
from django.urls import reverse

from tests.factories import make_offer

pytestmark = pytest.mark.django_db


def url(contact):
    return reverse("offers:edit_contact", args=[contact.offer_id, contact.pk])


def test_the_owner_sees_the_person_filled_in(alice_client, contact):
    response = alice_client.get(url(contact))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'value="Sam Ortiz"' in html


def test_the_owner_saves_changes(alice_client, contact):
    response = alice_client.post(url(contact), {"name": "Sam Ortiz", "role": "hr", "phone": "1"})
    contact.refresh_from_db()
    assert (contact.role, contact.phone) == ("hr", "1")
    assert response.url == contact.get_absolute_url()
    assert response.url.endswith(f"#contact-{contact.pk}")


def test_a_bad_edit_changes_nothing(alice_client, contact):
    response = alice_client.post(url(contact), {"name": "", "role": "hr"})
    assert "name" in response.context["form"].errors
    contact.refresh_from_db()
    assert contact.name == "Sam Ortiz"


def test_a_person_is_found_only_under_their_own_offer(alice_client, alice, contact):
    other = make_offer(alice, company="Elsewhere")
    wrong = reverse("offers:edit_contact", args=[other.pk, contact.pk])
    assert alice_client.get(wrong).status_code == 404


def test_other_methods_are_refused(alice_client, contact):
    assert alice_client.put(url(contact)).status_code == 405
