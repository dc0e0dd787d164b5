"""The number format and time zone chosen at sign-up and on the account page."""

import pytest
from django.urls import reverse

from crossroads.models import User
from tests.factories import confirm_signup

pytestmark = pytest.mark.django_db

SIGNUP = {
    "username": "dana",
    "email": "dana@example.com",
    "password1": "a-long-and-unusual-passphrase",
    "password2": "a-long-and-unusual-passphrase",
    "number_format": "en_NL",
    "time_zone": "Europe/Amsterdam",
}


def test_signup_offers_the_number_format_of_the_browsers_language(client):
    response = client.get(reverse("signup"), headers={"accept-language": "nl-NL,nl;q=0.9"})
    assert '<option value="en_NL" selected>Netherlands: 1.234.567,89</option>' in (
        response.content.decode()
    )


def test_signup_without_a_language_offers_the_default_format(client):
    html = client.get(reverse("signup")).content.decode()
    assert '<option value="en_US" selected>United States: 1,234,567.89</option>' in html


def test_signup_saves_the_chosen_number_format(client):
    client.post(reverse("signup"), SIGNUP)
    confirm_signup(client)
    assert User.objects.get().number_format == "en_NL"


def test_signup_refuses_a_number_format_the_server_does_not_know(client):
    response = client.post(reverse("signup"), {**SIGNUP, "number_format": "xx_XX"})
    assert "not one we know" in response.context["form"].errors["number_format"][0]
    assert not User.objects.exists()


def test_the_account_page_changes_the_number_format(alice_client, alice):
    response = alice_client.post(
        reverse("account"), {"time_zone": "Europe/Berlin", "number_format": "en_DE"}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.number_format, alice.time_zone) == ("en_DE", "Europe/Berlin")


def test_the_account_page_refuses_an_unknown_number_format(alice_client, alice):
    response = alice_client.post(
        reverse("account"), {"time_zone": "Europe/Berlin", "number_format": "de_DE"}
    )
    assert response.context["form"].errors["number_format"]
    alice.refresh_from_db()
    assert (alice.number_format, alice.time_zone) == ("en_US", "UTC")
