"""The job against a real SMTP server started by the tests: delivered, refused, down, and two
runs at once."""

import threading
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.db import connection

from reminders import job
from reminders.models import SentReminder
from tests.factories import make_offer
from tests.reminders.conftest import Inbox, answer_due_tomorrow, at, daytime_zone, person

NOW = at("America/Chicago", 2026, 6, 10, 9)
Status = SentReminder.Status


def due_for(count: int, zone: str = "America/Chicago", now=NOW) -> list:
    users = [person(f"user{n}", zone) for n in range(count)]
    for n, user in enumerate(users):
        answer_due_tomorrow(user, now, company=f"Company {n}")
    return users


@pytest.mark.django_db
def test_reminders_reach_a_real_mail_server_as_text_and_html(smtp_server):
    due_for(2)
    assert job.run(NOW).sent == 2
    assert smtp_server.subjects() == [
        "Tomorrow: your answer to Company 0 is due",
        "Tomorrow: your answer to Company 1 is due",
    ]
    received = smtp_server.messages[0]
    assert received["To"] in ("user0@example.com", "user1@example.com")
    assert str(received["List-Unsubscribe"]).strip().startswith("<http")
    assert "/reminders/unsubscribe/" in received["List-Unsubscribe"]
    text = received.get_body(("plain",)).get_content()
    html = received.get_body(("html",)).get_content()
    assert "is due tomorrow, Thursday 11 June 2026" in text
    assert "<strong>tomorrow, Thursday 11 June 2026</strong>" in html


@pytest.mark.django_db
def test_when_the_mail_server_is_down_nothing_is_lost_and_the_next_run_sends(
    no_smtp_server, settings
):
    due_for(3)
    summary = job.run(NOW)
    assert (summary.sent, summary.failed) == (0, 3)
    assert "ConnectionRefusedError" in summary.line()
    assert "tried again on the next run" in summary.line()
    assert set(SentReminder.objects.values_list("status", flat=True)) == {Status.FAILED}
    # The server is back an hour later.
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=settings.EMAIL_PORT)
    controller.start()
    try:
        assert job.run(NOW.replace(hour=10)).sent == 3
    finally:
        controller.stop()
    assert len(inbox.messages) == 3
    assert set(SentReminder.objects.values_list("status", "attempts")) == {(Status.SENT, 2)}


@pytest.mark.django_db
def test_a_refused_message_is_retried_on_the_next_run(smtp_server):
    due_for(1)
    smtp_server.refuse = True
    summary = job.run(NOW)
    assert (summary.sent, summary.failed) == (0, 1)
    assert "451" in summary.line()
    smtp_server.refuse = False
    assert job.run(NOW.replace(hour=10)).sent == 1
    assert len(smtp_server.messages) == 1


@pytest.mark.django_db
def test_the_command_exits_normally_and_says_the_server_was_down(no_smtp_server):
    now = None  # the command runs at the real time: the users live where it is midday now
    user = person("pat", daytime_zone())
    answer_due_tomorrow(user, now)
    out = StringIO()
    call_command("send_reminders", stdout=out)  # raises on a non-zero exit
    line = out.getvalue().strip()
    assert line.startswith("Reminders: 1 due, 0 sent, 1 not sent (mail server: ")
    assert "\n" not in line


@pytest.mark.django_db
def test_the_command_prints_a_one_line_summary(smtp_server):
    user = person("pat", daytime_zone())
    answer_due_tomorrow(user)
    make_offer(user, company="Settled", status="declined")
    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert out.getvalue() == (
        "Reminders: 1 due, 1 sent, 0 already sent or taken by another run, "
        "0 dropped (closed or deleted meanwhile).\n"
    )
    assert len(smtp_server.messages) == 1


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_moment_send_each_reminder_once(smtp_server, monkeypatch):
    due_for(20)
    both_found_them = threading.Barrier(2, timeout=20)
    claim = job._claim

    def claim_together(batch, claimant):
        both_found_them.wait()  # both runs have found the same 20 reminders: now race
        return claim(batch, claimant)

    monkeypatch.setattr(job, "_claim", claim_together)
    summaries, errors = [], []

    def run():
        try:
            summaries.append(job.run(NOW))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(smtp_server.messages) == 20
    assert len({m["To"] for m in smtp_server.messages}) == 20
    assert sum(s.sent for s in summaries) == 20
    assert sum(s.taken for s in summaries) == 20  # what one run sent, the other left alone
