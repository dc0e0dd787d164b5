"""Signing up where e-mail reaches no one (no mail server: messages printed in the terminal).

The tests' own e-mail goes to a mailbox they read (Django's test outbox), as with a mail server;
here the console is set, as on a fresh `make run` with no EMAIL_HOST. No link can arrive, so the
account is made at once and the pages say where messages go instead.
"""

import pytest
from django.core import mail
from django.urls import reverse

from crossroads.mail import CONSOLE_BACKEND
from crossroads.models import PendingSignup, User
from reminders.models import ReminderSettings
from tests.crossroads.processes import ROOT, clean_environment

pytestmark = pytest.mark.django_db

DANA = {
    "username": "dana",
    "email": "dana@example.com",
    "password1": "a-long-and-unusual-passphrase",
    "password2": "a-long-and-unusual-passphrase",
    "time_zone": "Europe/Amsterdam",
    "number_format": "en_NL",
}


@pytest.fixture
def email_off(settings):
    settings.EMAIL_BACKEND = CONSOLE_BACKEND


def test_the_sign_up_page_says_e_mail_is_off_and_no_link_will_come(client, email_off):
    html = client.get(reverse("signup")).content.decode()
    assert "E-mail is off on this server" in html
    assert "there is no link to wait for" in html
    assert "We send a link here" not in html


def test_with_a_mail_server_the_sign_up_page_promises_the_link(client):
    html = client.get(reverse("signup")).content.decode()
    assert "E-mail is off" not in html
    assert "We send a link here to finish signing up" in html


def test_signing_up_makes_the_account_at_once_and_opens_the_dashboard(client, email_off):
    response = client.post(reverse("signup"), DANA, follow=True)
    assert response.redirect_chain == [(reverse("home"), 302)]
    html = response.content.decode()
    assert "Hello, dana" in html
    assert "Welcome, dana. Your account is ready." in html
    assert "printed in the terminal where Crossroads runs" in html
    dana = User.objects.get()
    assert (dana.username, dana.email) == ("dana", "dana@example.com")
    assert dana.check_password(DANA["password1"])
    assert (dana.time_zone, dana.number_format) == ("Europe/Amsterdam", "en_NL")
    assert ReminderSettings.objects.filter(user=dana).exists()
    assert not PendingSignup.objects.exists()
    assert mail.outbox == []


def test_an_address_in_use_is_refused_next_to_the_field(client, alice, email_off):
    response = client.post(reverse("signup"), {**DANA, "email": "ALICE@example.com"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and 'href="#id_email"' in html
    assert "An account already uses this e-mail address" in html
    assert list(User.objects.values_list("username", flat=True)) == ["alice"]
    assert "_auth_user_id" not in client.session


def test_a_taken_username_is_refused_as_with_a_mail_server(client, alice, email_off):
    response = client.post(reverse("signup"), {**DANA, "username": "Alice"})
    assert "A user with that username already exists." in response.content.decode()
    assert User.objects.count() == 1


def test_a_password_reset_is_printed_in_the_terminal_and_the_page_says_so(
    client, alice, email_off, capsys
):
    response = client.post(reverse("password_reset"), {"email": "alice@example.com"}, follow=True)
    html = response.content.decode()
    assert "Look in the terminal" in html and "Check your e-mail" not in html
    assert "/accounts/reset/" in capsys.readouterr().out


def test_with_a_mail_server_the_reset_page_says_to_check_the_e_mail(client, alice):
    response = client.post(reverse("password_reset"), {"email": "alice@example.com"}, follow=True)
    assert "Check your e-mail" in response.content.decode()
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("email_host", "delivered"), [(None, "False"), ("smtp.example.com", "True")]
)
def test_the_mail_server_setting_decides_the_mode(email_host, delivered):
    import subprocess
    import sys

    env = clean_environment()
    env.pop("EMAIL_HOST", None)
    if email_host:
        env["EMAIL_HOST"] = email_host
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c"]
        + ["from crossroads import mail; print(mail.is_delivered())"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip().splitlines()[-1] == delivered, result.stderr
