"""The job with Django's in-memory mail: what is sent, to whom, how it reads, and how often."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from offers.models import Offer
from reminders import job, rules
from reminders.models import SentReminder
from tests.factories import make_offer
from tests.reminders.conftest import (
    DAY,
    at,
    follow_up,
    person,
    planned_call,
    recorded,
)

pytestmark = pytest.mark.django_db
NOW = at("Europe/Berlin", 2026, 6, 10, 9)  # a Wednesday morning in Berlin
TOMORROW = datetime.date(2026, 6, 11)


@pytest.fixture
def berta():
    return person("berta", "Europe/Berlin")


def test_it_sends_each_due_reminder_once_with_a_link_to_its_page(berta, settings):
    settings.SITE_URL = "https://crossroads.example.com"
    offer = make_offer(berta, company="Globex", role="Platform Engineer", respond_by=TOMORROW)
    summary = job.run(NOW)
    [message] = mail.outbox
    assert message.to == ["berta@example.com"]
    assert message.subject == "Tomorrow: your answer to Globex is due"
    link = f"https://crossroads.example.com/offers/{offer.pk}/"
    assert "is due tomorrow, Thursday 11 June 2026" in message.body
    assert link in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{link}"' in html
    assert "<strong>Platform Engineer at Globex</strong>" in html
    assert summary.line().startswith("Reminders: 1 due, 1 sent,")
    # Every later run that day: nothing more.
    assert job.run(NOW + datetime.timedelta(hours=1)).sent == 0
    assert len(mail.outbox) == 1
    assert SentReminder.objects.get().status == SentReminder.Status.SENT


def test_a_call_reminder_gives_the_time_in_the_users_zone(settings):
    tokyo = person("kenji", "Asia/Tokyo")
    plan = planned_call(
        tokyo,
        decided_at=at("Asia/Tokyo", 2026, 6, 8, 20),
        scheduled_at=at("UTC", 2026, 6, 10, 1, 30),  # 10:30 in Tokyo
    )
    job.run(at("Asia/Tokyo", 2026, 6, 10, 7, 5))
    [message] = mail.outbox
    assert message.subject == "Today: call Northwind"
    assert "on Wednesday 10 June at 10:30 (Asia/Tokyo), on +1 555 0142" in message.body
    assert f"/decisions/{plan.decision_id}/call/" in message.body
    # On the day, the link opens the call card: the number and the words, ready on the phone.
    card = f"/decisions/{plan.decision_id}/call/card/"
    assert card in message.body
    assert f'{card}">Open your call card</a>' in message.alternatives[0][0]


def test_each_kind_has_its_own_words_in_text_and_html(berta):
    make_offer(berta, company="Globex", respond_by=TOMORROW)
    make_offer(
        berta, company="Initech", status=Offer.Status.EXPECTED, expected_on=TOMORROW - 2 * DAY
    )
    plan = planned_call(
        berta, decided_at=NOW - 2 * DAY, scheduled_at=NOW + datetime.timedelta(hours=3)
    )
    follow_up(plan, NOW.date())
    recorded(berta, NOW - datetime.timedelta(days=30), title="Stay at Northwind?")
    job.run(NOW)
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "A month on: how did “Stay at Northwind?” turn out?",
        "Due today: Return the laptop",
        "Has the offer from Initech arrived?",
        "Today: call Northwind",
        "Tomorrow: your answer to Globex is due",
    ]
    for message in mail.outbox:
        html = message.alternatives[0][0]
        assert "&amp;" not in message.body  # the plain text is not HTML-escaped
        assert "Stop e-mails like this one" in html
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_reminder_whose_object_closes_between_finding_and_sending_is_dropped(berta, monkeypatch):
    offer = make_offer(berta, respond_by=TOMORROW)
    original = job._claim

    def claim_then_the_user_accepts(batch, claimant):
        claimed = original(batch, claimant)
        Offer.objects.filter(pk=offer.pk).update(status=Offer.Status.ACCEPTED)
        return claimed

    monkeypatch.setattr(job, "_claim", claim_then_the_user_accepts)
    summary = job.run(NOW)
    assert mail.outbox == []
    assert (summary.sent, summary.cancelled) == (0, 1)
    assert SentReminder.objects.get().status == SentReminder.Status.CANCELLED


def test_a_deleted_object_is_never_reminded(berta, monkeypatch):
    offer = make_offer(berta, respond_by=TOMORROW)
    original = job._claim

    def claim_then_the_user_deletes(batch, claimant):
        claimed = original(batch, claimant)
        Offer.objects.filter(pk=offer.pk).delete()
        return claimed

    monkeypatch.setattr(job, "_claim", claim_then_the_user_deletes)
    assert job.run(NOW).cancelled == 1
    assert mail.outbox == []


def test_another_users_data_never_appears_in_an_e_mail(berta):
    bob = person("bob", "Europe/Berlin")
    make_offer(berta, company="Globex", respond_by=TOMORROW)
    make_offer(bob, company="Umbrella", respond_by=TOMORROW)
    job.run(NOW)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "Umbrella" not in by_address["berta@example.com"].body
    assert "Globex" not in by_address["bob@example.com"].body


def queries_for(users: int, batch_size: int, start: int = 0) -> int:
    for n in range(start, start + users):
        make_offer(person(f"user{n}", "Europe/Berlin"), respond_by=TOMORROW)
    SentReminder.objects.all().delete()
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries:
        summary = job.run(NOW, batch_size=batch_size)
    assert summary.sent == start + users
    return len(queries)


# Insert, lock, claim (inside a transaction: here a savepoint and its release), find again, drop
# the closed (no query when none is), mark sent.
QUERIES_PER_BATCH = 7


def test_the_job_runs_in_a_fixed_number_of_queries_per_batch(db):
    one_batch = queries_for(3, batch_size=10)
    two_batches = queries_for(10, batch_size=10, start=3)  # 13 users in all now
    three_batches = queries_for(10, batch_size=10, start=13)  # 23
    # One query per rule to find what is due, one to count stuck claims, then per batch.
    assert one_batch == len(rules.FINDERS) + 1 + QUERIES_PER_BATCH
    assert two_batches - one_batch == three_batches - two_batches == QUERIES_PER_BATCH


def test_a_reminder_that_cannot_be_made_for_one_user_leaves_the_rest_going_out(
    berta, monkeypatch, caplog
):
    carl = person("carl", "Europe/Berlin")
    make_offer(berta, company="Globex", respond_by=TOMORROW)
    make_offer(carl, company="Initech", respond_by=TOMORROW)
    made = job.message

    def broken_for_berta(reminder, connection=None):
        if reminder.user == berta:
            raise ValueError("a value in berta's data")
        return made(reminder, connection)

    monkeypatch.setattr(job, "message", broken_for_berta)
    summary = job.run(NOW)
    assert [message.to for message in mail.outbox] == [["carl@example.com"]]
    assert (summary.sent, summary.broken) == (1, 1)
    assert "1 could not be made (see the log)" in summary.line()
    assert f"reminder for user {berta.pk} could not be made" in caplog.text
    failed = SentReminder.objects.get(user=berta)
    assert failed.status == SentReminder.Status.FAILED
    # Mended, it goes out on the next run, and carl's is not sent twice.
    monkeypatch.setattr(job, "message", made)
    assert job.run(NOW + datetime.timedelta(hours=1)).sent == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["berta@example.com", "carl@example.com"]


def test_a_kind_of_reminder_that_cannot_be_looked_up_leaves_the_other_kinds(berta, monkeypatch):
    def broken(now, ids=None):
        raise RuntimeError("a stored value the query cannot read")

    make_offer(berta, company="Globex", respond_by=TOMORROW)
    monkeypatch.setattr(rules, "FINDERS", (broken, *rules.FINDERS))
    summary = job.run(NOW)
    assert (summary.sent, summary.broken) == (1, 1)


def test_the_command_exits_1_and_says_how_many_could_not_be_made(berta, monkeypatch):
    from django.core.management import CommandError, call_command
    from django.utils import timezone

    tomorrow = timezone.now().astimezone(berta.zone()).date() + DAY
    make_offer(berta, company="Globex", respond_by=tomorrow)
    monkeypatch.setattr(job, "message", lambda reminder, connection=None: 1 / 0)
    with pytest.raises(CommandError, match="1 reminders could not be made"):
        call_command("send_reminders")
