import pytest
from django.urls import reverse

from crossroads.text import NUL_MESSAGE
from offers.models import Contact

pytestmark = pytest.mark.django_db

GOOD = {"name": "  Riley Chen ", "role": "hiring_manager", "phone": "+44 20 7946 0000"}


def url(offer):
    return reverse("offers:add_contact", args=[offer.pk])


def test_the_owner_adds_a_person_from_the_offers_page(alice_client, alice_offer):
    response = alice_client.post(url(alice_offer), GOOD)
    contact = Contact.objects.get(name="Riley Chen")
    assert contact.offer == alice_offer
    assert (
        response.url == reverse("offers:detail", args=[alice_offer.pk]) + f"#contact-{contact.pk}"
    )


def test_a_bad_person_comes_back_with_errors_and_saves_nothing(alice_client, alice_offer):
    response = alice_client.post(
        url(alice_offer), {"name": "", "role": "boss", "email": "nope", "notes": "x" * 10_000}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "There is a problem" in html
    assert set(response.context["form"].errors) == {"name", "role", "email", "notes"}
    assert Contact.objects.count() == 1


def test_a_nul_character_is_explained(alice_client, alice_offer):
    response = alice_client.post(url(alice_offer), {**GOOD, "phone": "555\x00"})
    assert response.context["form"].errors["phone"] == [NUL_MESSAGE]
    assert Contact.objects.count() == 1


def test_adding_has_a_page_of_its_own_with_a_way_back(alice_client, alice_offer):
    response = alice_client.get(url(alice_offer), follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and html.count("<h1") == 1
    assert "Add a person to Platform Engineer at Globex" in html
    assert f'href="{alice_offer.get_absolute_url()}#contacts"' in html


def test_another_users_offer_has_no_page_to_add_a_person(charlie_client, alice_offer):
    assert charlie_client.get(url(alice_offer), follow=True).status_code == 404
