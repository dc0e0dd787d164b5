"""The switches on the account page, and the one-click link in every e-mail."""

import json
import re

import pytest
from django.core import mail, signing
from django.urls import reverse

from crossroads.models import User
from reminders import job
from reminders.mail import unsubscribe_token
from reminders.models import ReminderSettings
from tests.factories import PASSWORD, make_user
from tests.reminders.conftest import answer_due_tomorrow, at, wants_reminders

pytestmark = pytest.mark.django_db
SWITCHES = ReminderSettings.SWITCHES
NOW = at("UTC", 2026, 6, 10, 9)


def switches(user) -> dict:
    settings = ReminderSettings.objects.get(user=user)
    return {name: getattr(settings, name) for name in SWITCHES}


def unsubscribe_url(user, switch="answer_due") -> str:
    return reverse("reminders:unsubscribe", args=[unsubscribe_token(user.pk, switch)])


def test_a_new_account_starts_with_every_reminder_on(client):
    client.post(
        reverse("signup"),
        {
            "username": "dana",
            "email": "dana@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "Europe/Amsterdam",
            "number_format": "en_NL",
        },
    )
    # The account is made when the owner of the address opens the link e-mailed to them.
    client.post(re.search(r"https?://\S+/signup/confirm/\S+/", mail.outbox[-1].body).group())
    assert switches(User.objects.get(username="dana")) == dict.fromkeys(SWITCHES, True)


def test_an_account_from_before_reminders_shows_them_off(alice_client, alice):
    page = alice_client.get(reverse("account")).content.decode()
    assert 'name="answer_due"' in page
    assert "checked" not in page.split('id="reminders"')[1]


def test_the_account_page_saves_one_switch_per_kind(alice_client, alice):
    response = alice_client.post(
        reverse("reminders:save_settings"), {"answer_due": "on", "call_due": "on"}
    )
    assert response.status_code == 302
    assert response.url == reverse("account") + "#reminders"
    assert switches(alice) == {
        "answer_due": True,
        "offer_late": False,
        "call_due": True,
        "follow_up_due": False,
        "look_back": False,
    }


def test_saving_switches_is_a_post_for_a_signed_in_user(client, alice_client):
    assert alice_client.get(reverse("reminders:save_settings")).status_code == 405
    client.logout()
    response = client.post(reverse("reminders:save_settings"), {"answer_due": "on"})
    assert response.url.startswith(reverse("login"))
    assert not ReminderSettings.objects.exists()


def test_the_link_in_an_e_mail_stops_that_kind_in_one_click_without_signing_in(client):
    user = wants_reminders(make_user("erin"))
    answer_due_tomorrow(user, NOW)
    job.run(NOW)
    [message] = mail.outbox
    link = next(word for word in message.body.split() if "/reminders/unsubscribe/" in word)
    path = link.removeprefix("http://127.0.0.1:8000")
    page = client.get(path)  # opening the link (or a mail scanner opening it) changes nothing
    assert page.status_code == 200
    assert "Stop e-mails when an answer is due tomorrow" in page.content.decode()
    assert switches(user)["answer_due"] is True
    done = client.post(path)
    assert "no longer be e-mailed when an answer is due tomorrow" in done.content.decode()
    assert switches(user) == {**dict.fromkeys(SWITCHES, True), "answer_due": False}


def test_mail_apps_can_unsubscribe_with_a_one_click_post(client):
    user = wants_reminders(make_user("erin"))
    response = client.post(
        unsubscribe_url(user, "look_back"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert switches(user)["look_back"] is False


def test_every_reminder_can_be_stopped_at_once(client):
    user = wants_reminders(make_user("erin"))
    client.post(unsubscribe_url(user), {"scope": "all"})
    assert switches(user) == dict.fromkeys(SWITCHES, False)


def test_an_account_that_never_had_settings_keeps_the_others_off(client, alice):
    client.post(unsubscribe_url(alice))
    assert switches(alice) == dict.fromkeys(SWITCHES, False)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2],  # cut short when copied
        # Someone else's payload under this signature.
        lambda token: signing.b64_encode(b'[1,"answer_due"]').decode() + token[token.index(":") :],
        lambda token: "nonsense",
        lambda token: token[: token.index(":")] + ":forged:signature",
    ],
)
def test_a_bad_signature_gets_a_clear_page_and_changes_nothing(client, tamper):
    user = wants_reminders(make_user("erin"))
    token = tamper(unsubscribe_token(user.pk, "answer_due"))
    for response in (
        client.get(reverse("reminders:unsubscribe", args=[token])),
        client.post(reverse("reminders:unsubscribe", args=[token]), {"scope": "all"}),
    ):
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
        assert "Nothing was changed" in response.content.decode()
    assert switches(user) == dict.fromkeys(SWITCHES, True)


def test_a_link_for_a_deleted_account_changes_nothing(client):
    user = wants_reminders(make_user("erin"))
    url = unsubscribe_url(user)
    user.delete()
    assert client.post(url).status_code == 400
    assert not ReminderSettings.objects.exists()


def test_the_data_export_holds_the_switches_but_never_the_calendar_secret(alice_client, alice):
    wants_reminders(alice, look_back=False)
    alice_client.post(reverse("reminders:feed_on"))
    feed = alice.calendar_feed
    data = json.loads(alice_client.get(reverse("export_data")).content)
    assert data["reminder_settings"][0]["look_back"] is False
    assert data["reminder_settings"][0]["answer_due"] is True
    assert len(data["calendar_subscription"]) == 1
    assert feed.token_hash not in json.dumps(data)
