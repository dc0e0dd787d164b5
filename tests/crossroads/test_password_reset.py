"""Password reset: limited per address and per e-mail, and silent about who has an account."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _reset(client, email, address="203.0.113.9"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_a_known_and_an_unknown_address_get_the_same_answer_and_one_e_mail_each(client, alice):
    known = _reset(client, "alice@example.com")
    unknown = _reset(client, "nobody@example.com")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert [m.to for m in mail.outbox] == [["alice@example.com"], ["nobody@example.com"]]
    assert "/accounts/reset/" in mail.outbox[0].body
    assert "No account uses this address" in mail.outbox[1].body
    assert "/accounts/reset/" not in mail.outbox[1].body


def test_one_address_cannot_be_flooded_with_reset_e_mails_from_many_places(client, alice):
    answers = [
        _reset(client, "alice@example.com", address=f"192.0.2.{n}").status_code for n in range(20)
    ]
    assert answers[:10] == [302] * 10
    assert set(answers[10:]) == {429}
    assert len(mail.outbox) == 10


def test_a_strangers_three_resets_leave_the_owner_resets_of_her_own(client, alice):
    for _ in range(3):
        assert _reset(client, "alice@example.com", address="198.51.100.66").status_code == 302
    assert _reset(client, "alice@example.com", address="198.51.100.66").status_code == 429
    assert _reset(client, "alice@example.com", address="203.0.113.5").status_code == 302
    assert len(mail.outbox) == 4


def test_a_known_and_an_unknown_address_do_the_same_work(client, alice):
    """The same queries and the same templates written, so the time taken tells nothing."""
    from django.test.signals import template_rendered
    from django.test.utils import CaptureQueriesContext

    def work(email):
        written = []

        def note(sender, template, **kwargs):
            written.append(template.name)

        template_rendered.connect(note)
        try:
            with CaptureQueriesContext(connection) as queries:
                _reset(client, email, address=f"192.0.2.{len(email)}")
        finally:
            template_rendered.disconnect(note)
        mails = [m for m in written if "email" in m or "subject" in m]
        shapes = [re.sub(r"'[^']*'|\d+", "?", q["sql"]) for q in queries.captured_queries]
        return sorted(mails), shapes

    assert work("alice@example.com") == work("nobody@example.com")


def test_one_network_cannot_send_reset_e_mails_to_many_addresses(client, settings):
    for n in range(10):
        assert _reset(client, f"person{n}@example.com").status_code == 302
    response = _reset(client, "one-more@example.com")
    assert response.status_code == 429
    assert len(mail.outbox) == 10
    assert _reset(client, "one-more@example.com", address="198.51.100.1").status_code == 302


def test_the_limit_page_says_how_long_to_wait(client, alice):
    for _ in range(3):
        _reset(client, "alice@example.com")
    response = _reset(client, "alice@example.com")
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 0 < wait <= 3600
    minutes = -(-wait // 60)
    assert f"Try again in {minutes} minute".encode() in response.content
    assert b"nothing was done or\n    sent" in response.content


def test_the_counts_are_shared_by_every_app_process(client, alice):
    """The counters live in the database cache, not in one process's memory."""
    _reset(client, "alice@example.com")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM crossroads_cache WHERE cache_key LIKE %s", ["%rate:%"])
        assert cursor.fetchone()[0] == 3
