"""Signing up: confirmed by e-mail, saying nothing about which addresses have an account."""

import re
import time

import pytest
from django.core import mail, signing
from django.urls import reverse

from accounts.signup import TOKEN_SALT
from crossroads.models import PendingSignup, User

pytestmark = pytest.mark.django_db

DANA = {
    "username": "dana",
    "email": "dana@example.com",
    "password1": "a-long-and-unusual-passphrase",
    "password2": "a-long-and-unusual-passphrase",
    "time_zone": "Europe/Amsterdam",
    "number_format": "en_NL",
}


def _link(message) -> str:
    return re.search(r"https?://\S+/signup/confirm/\S+/", message.body).group()


def test_a_new_address_and_one_in_use_get_the_same_answer(client, alice):
    new = client.post(reverse("signup"), DANA)
    in_use = client.post(
        reverse("signup"), {**DANA, "username": "dana2", "email": "alice@example.com"}
    )
    assert (
        (new.status_code, new.url)
        == (in_use.status_code, in_use.url)
        == (302, reverse("signup_sent"))
    )
    assert [m.to for m in mail.outbox] == [["dana@example.com"], ["alice@example.com"]]
    assert "Confirm" in mail.outbox[0].subject
    assert "already have" in mail.outbox[1].subject
    assert not User.objects.filter(username__in=["dana", "dana2"]).exists()
    assert list(PendingSignup.objects.values_list("username", flat=True)) == ["dana"]


def test_the_check_your_email_page_is_the_same_whoever_has_an_account(client, alice):
    new = client.post(reverse("signup"), DANA, follow=True).content
    in_use = client.post(reverse("signup"), {**DANA, "email": "alice@example.com"}, follow=True)
    assert new == in_use.content
    assert b"Check your e-mail" in new


def test_opening_the_link_asks_before_creating_the_account(client):
    client.post(reverse("signup"), DANA)
    response = client.get(_link(mail.outbox[0]))
    assert b"Create my account" in response.content
    assert not User.objects.exists()


def test_confirming_creates_the_account_with_its_password_and_logs_in(client):
    client.post(reverse("signup"), DANA)
    response = client.post(_link(mail.outbox[0]))
    assert response.url == reverse("home")
    dana = User.objects.get(username="dana")
    assert dana.email == "dana@example.com"
    assert dana.check_password(DANA["password1"])
    assert (dana.time_zone, dana.number_format) == ("Europe/Amsterdam", "en_NL")
    assert client.session["_auth_user_id"] == str(dana.pk)
    assert not PendingSignup.objects.exists()


def test_a_link_works_once(client):
    client.post(reverse("signup"), DANA)
    link = _link(mail.outbox[0])
    client.post(link)
    client.post(reverse("logout"))
    response = client.post(link)
    assert b"This link does not work" in response.content
    assert User.objects.count() == 1


def test_a_tampered_link_does_nothing(client):
    client.post(reverse("signup"), DANA)
    pending = PendingSignup.objects.get()
    forged = reverse("signup_confirm", args=[f"{pending.pk}:1abcde:forged-signature"])
    response = client.post(forged)
    assert b"This link does not work" in response.content
    assert not User.objects.exists()


def test_an_expired_link_does_nothing(client):
    class FourDaysAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 4 * 24 * 3600)

    client.post(reverse("signup"), DANA)
    token = FourDaysAgo(salt=TOKEN_SALT).sign(PendingSignup.objects.get().pk)
    response = client.post(reverse("signup_confirm", args=[token]))
    assert b"This link does not work" in response.content
    assert not User.objects.exists()


def test_signing_up_again_with_the_same_address_replaces_the_first_link(client):
    client.post(reverse("signup"), DANA)
    client.post(reverse("signup"), {**DANA, "username": "dana_b"})
    first, second = (_link(m) for m in mail.outbox)
    assert b"This link does not work" in client.post(first).content
    client.post(second)
    assert list(User.objects.values_list("username", flat=True)) == ["dana_b"]


def test_a_username_taken_meanwhile_is_refused_with_a_message(client):
    client.post(reverse("signup"), DANA)
    client.post(reverse("signup"), {**DANA, "email": "other@example.com"})
    first, second = (_link(m) for m in mail.outbox)
    client.post(first)
    client.post(reverse("logout"))
    response = client.post(second)
    assert b"Someone took the username dana" in response.content
    assert User.objects.get().email == "dana@example.com"


def test_signing_up_is_limited_per_address(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "signup_address": (3, 3600)}
    for n in range(3):
        client.post(
            reverse("signup"), {**DANA, "email": f"d{n}@example.com"}, REMOTE_ADDR="203.0.113.9"
        )
    response = client.post(reverse("signup"), DANA, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert b"Too many requests" in response.content
    assert len(mail.outbox) == 3
    assert client.post(reverse("signup"), DANA, REMOTE_ADDR="198.51.100.1").status_code == 302
