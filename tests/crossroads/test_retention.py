"""Nothing of a deleted account stays; login records expire after a documented period."""

import datetime
import uuid

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from crossroads.models import PendingImport, PendingSignup, SubmittedForm
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _log_in_and_fail(username, address):
    client = Client(REMOTE_ADDR=address, HTTP_USER_AGENT=f"{username}'s browser")
    client.post(reverse("login"), {"username": username, "password": "wrong"})
    client.post(reverse("login"), {"username": username, "password": PASSWORD})
    return client


def test_deleting_the_account_deletes_its_login_records(alice, bob):
    alice_client = _log_in_and_fail("alice", "198.51.100.7")
    _log_in_and_fail("bob", "198.51.100.8")
    Client(REMOTE_ADDR="203.0.113.66").post(
        reverse("login"), {"username": "ALICE", "password": "guess"}
    )
    assert AccessLog.objects.filter(username="alice").exists()
    assert AccessAttempt.objects.filter(ip_address="203.0.113.66").exists()

    alice_client.post(reverse("delete_account"), {"password": PASSWORD})

    assert not AccessLog.objects.filter(username__iexact="alice").exists()
    assert not AccessAttempt.objects.filter(username__iexact="alice").exists()
    assert AccessLog.objects.filter(username="bob").count() == 1
    assert not AccessLog.objects.filter(ip_address="198.51.100.7").exists()


def test_expire_records_removes_old_login_records_and_keeps_recent_ones(alice, settings, capsys):
    settings.LOGIN_RECORDS_DAYS = 30
    _log_in_and_fail("alice", "198.51.100.7")
    old, recent = (
        AccessLog.objects.create(
            username="alice", ip_address="192.0.2.1", user_agent="old", http_accept="", path_info=""
        ),
        AccessLog.objects.get(ip_address="198.51.100.7"),
    )
    AccessLog.objects.filter(pk=old.pk).update(
        attempt_time=timezone.now() - datetime.timedelta(days=31)
    )
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(hours=2))
    PendingSignup.objects.create(username="gone", email="gone@example.com", password="x")
    PendingSignup.objects.update(created_at=timezone.now() - datetime.timedelta(days=4))
    PendingSignup.objects.create(username="fresh", email="fresh@example.com", password="x")

    call_command("expire_records")

    assert list(AccessLog.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not AccessAttempt.objects.exists()
    assert list(PendingSignup.objects.values_list("username", flat=True)) == ["fresh"]
    out = capsys.readouterr().out
    assert "1 login records removed" in out
    assert "1 unconfirmed sign-ups removed" in out


def test_expire_records_removes_expired_cache_entries(db):
    from django.core.cache import cache
    from django.db import connection

    cache.set("gone", 1, timeout=1)
    cache.set("kept", 1, timeout=3600)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE crossroads_cache SET expires = %s WHERE cache_key LIKE %s",
            [timezone.now() - datetime.timedelta(seconds=5), "%gone"],
        )
    call_command("expire_records")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM crossroads_cache")
        assert [key for (key,) in cursor.fetchall() if key.endswith(("gone", "kept"))] == [
            ":1:kept"
        ]


def test_expire_records_removes_import_previews_left_for_a_day(alice):
    old = PendingImport.objects.create(owner=alice, data={}, counts={})
    PendingImport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=25)
    )
    fresh = PendingImport.objects.create(owner=alice, data={}, counts={})
    call_command("expire_records")
    assert list(PendingImport.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_expire_records_removes_the_tokens_of_forms_sent_over_a_month_ago(alice):
    def sent(days_ago):
        form = SubmittedForm.objects.create(
            owner=alice, token=uuid.uuid4(), made_url="/offers/1/", made_name="An offer"
        )
        when = timezone.now() - datetime.timedelta(days=days_ago)
        SubmittedForm.objects.filter(pk=form.pk).update(created_at=when)
        return form

    sent(31)
    kept = sent(29)
    call_command("expire_records")
    assert list(SubmittedForm.objects.values_list("pk", flat=True)) == [kept.pk]
