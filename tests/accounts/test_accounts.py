import re

import pytest
from django.core import mail
from django.urls import reverse

from crossroads.forms import PASSWORD_MISMATCH
from crossroads.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

GOOD_SIGNUP = {
    "username": "dana",
    "email": "dana@example.com",
    "password1": "a-long-and-unusual-passphrase",
    "password2": "a-long-and-unusual-passphrase",
    "number_format": "en_US",
    "time_zone": "Europe/Amsterdam",
}


def test_signing_up_then_opening_the_e_mailed_link_creates_the_account(client):
    response = client.post(reverse("signup"), GOOD_SIGNUP, follow=True)
    assert b"Check your e-mail" in response.content
    assert not User.objects.filter(username="dana").exists()
    [message] = mail.outbox
    link = re.search(r"https?://\S+", message.body).group()
    response = client.post(link, follow=True)
    assert User.objects.filter(username="dana", email="dana@example.com").exists()
    assert response.context["user"].username == "dana"
    assert b"Hello, dana" in response.content


def test_signup_refuses_a_taken_username(client, alice):
    response = client.post(reverse("signup"), {**GOOD_SIGNUP, "username": "alice"})
    assert response.status_code == 200
    assert (
        "A user with that username already exists." in response.context["form"].errors["username"]
    )
    assert User.objects.count() == 1


def test_signup_refuses_mismatched_passwords(client):
    response = client.post(
        reverse("signup"), {**GOOD_SIGNUP, "password2": "something-else-entirely"}
    )
    assert PASSWORD_MISMATCH["password_mismatch"] in response.context["form"].errors["password2"]
    assert not User.objects.exists()


def test_signup_refuses_a_weak_password(client):
    response = client.post(
        reverse("signup"), {**GOOD_SIGNUP, "password1": "123", "password2": "123"}
    )
    errors = response.context["form"].errors["password2"]
    assert any("too short" in e for e in errors)
    assert any("entirely numeric" in e for e in errors)
    assert not User.objects.exists()


def test_signup_with_an_email_in_use_creates_nothing_and_tells_its_owner(client, alice):
    response = client.post(reverse("signup"), {**GOOD_SIGNUP, "email": "ALICE@example.com"})
    assert response.status_code == 302
    assert response.url == reverse("signup_sent")
    assert User.objects.count() == 1
    [message] = mail.outbox
    assert message.to == ["alice@example.com"]
    assert "already has one, with the username alice" in message.body


def test_a_failed_signup_shows_an_error_summary_linking_to_the_field(client):
    response = client.post(reverse("signup"), {**GOOD_SIGNUP, "email": "not-an-email"})
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'href="#id_email"' in html


def test_logging_in_leads_to_the_dashboard(client, alice):
    response = client.post(
        reverse("login"), {"username": "alice", "password": PASSWORD}, follow=True
    )
    assert response.context["user"] == alice
    assert b"Hello, alice" in response.content


def test_logging_in_with_a_wrong_password_says_so(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert "That username and password do not match an account" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_is_post_only(alice_client):
    response = alice_client.get(reverse("logout"))
    assert response.status_code == 405
    assert "_auth_user_id" in alice_client.session


def test_logout_by_post_returns_to_the_landing_page(alice_client):
    response = alice_client.post(reverse("logout"), follow=True)
    assert "_auth_user_id" not in alice_client.session
    assert b"Create a free account" in response.content


def test_password_change_sets_the_new_password(alice_client, alice):
    response = alice_client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-passphrase-1",
            "new_password2": "another-long-passphrase-1",
        },
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("another-long-passphrase-1")


def test_password_change_refuses_a_wrong_old_password(alice_client, alice):
    response = alice_client.post(
        reverse("password_change"),
        {
            "old_password": "wrong",
            "new_password1": "another-long-passphrase-1",
            "new_password2": "another-long-passphrase-1",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_password_reset_sends_a_link_by_email(client, alice):
    client.post(reverse("password_reset"), {"email": "alice@example.com"})
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body


def test_account_page_saves_the_time_zone(alice_client, alice):
    response = alice_client.post(
        reverse("account"), {"time_zone": "Europe/Paris", "number_format": "en_US"}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.time_zone == "Europe/Paris"


def test_account_page_refuses_an_unknown_time_zone(alice_client, alice):
    response = alice_client.post(
        reverse("account"), {"time_zone": "Mars/Olympus", "number_format": "en_US"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["time_zone"]
    alice.refresh_from_db()
    assert alice.time_zone == "UTC"


def test_account_page_sends_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("account"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_repeated_wrong_passwords_pause_logging_in(client, alice):
    for _ in range(5):
        client.post(reverse("login"), {"username": "alice", "password": "guess"})
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 429
    assert b"Logging in is paused" in response.content
    assert b"Try again in 60 minutes" in response.content
    assert "_auth_user_id" not in client.session
