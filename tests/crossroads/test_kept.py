"""Pages kept ready-made (crossroads/kept.py): served again without being drawn, and never once
anything they show has changed, however it changed."""

import datetime
import threading

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from crossroads.kept import content_key
from crossroads.models import DataChange
from decisions.models import CallPlan, FollowUp, Rating
from offers.models import Contact, Offer
from tests.factories import make_contact, make_decision, make_offer

# Tables no page of a user's shows: a sign-up not confirmed yet, the versions themselves, and
# the admin's groups and permissions.
NOT_A_USERS_DATA = {
    "crossroads_pendingsignup",
    "crossroads_datachange",
    "crossroads_user_groups",
    "crossroads_user_user_permissions",
}
APPS = ("crossroads", "offers", "decisions", "reminders")


def _tables() -> set[str]:
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in APPS:
            tables.add(model._meta.db_table)
    return tables - NOT_A_USERS_DATA


def _queries(client, url) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_every_table_of_a_users_data_moves_their_version_on(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE t.tgname = 'crossroads_touch'"
        )
        watched = {name for (name,) in cursor.fetchall()}
    assert _tables() - watched == set(), "a table with no trigger: add it in a migration"


def test_each_kind_of_write_moves_the_owners_version_and_no_one_elses(alice, bob):
    offer = make_offer(alice)
    contact = make_contact(offer)
    decision = make_decision(alice, [offer])
    plan = CallPlan.objects.create(decision=decision)
    bobs = DataChange.version_for(bob)
    writes = [
        lambda: Offer.objects.filter(pk=offer.pk).update(company="Globex"),
        lambda: Contact.objects.filter(pk=contact.pk).update(name="Sam"),
        lambda: FollowUp.objects.create(call_plan=plan, text="Return the laptop"),
        lambda: FollowUp.objects.filter(call_plan=plan).delete(),
        lambda: Rating.objects.bulk_create(
            Rating(factor=factor, offer=offer, score=3) for factor in decision.factors.all()
        ),
        lambda: decision.offers.remove(offer),
        lambda: alice.__class__.objects.filter(pk=alice.pk).update(time_zone="Europe/Paris"),
    ]
    for write in writes:
        before = DataChange.version_for(alice)
        write()
        assert DataChange.version_for(alice) != before
    assert DataChange.version_for(bob) == bobs


def test_a_deleted_account_leaves_no_change_behind(alice):
    make_decision(alice, [make_offer(alice)])
    assert DataChange.objects.filter(user_id=alice.pk).exists()
    alice.delete()
    assert not DataChange.objects.filter(user_id=alice.pk).exists()


@pytest.mark.django_db(transaction=True)  # each write its own transaction, as in the app
def test_pruning_keeps_the_newest_change_and_never_brings_back_an_old_version(alice, bob):
    seen = {DataChange.version_for(alice)}
    for n in range(3):
        make_offer(alice, company=f"Company {n}")  # each in a transaction of its own
        seen.add(DataChange.version_for(alice))
    make_offer(bob)
    newest = DataChange.objects.filter(user_id=alice.pk).latest("transaction")
    # Alice's account and first two offers; Bob's account (then his offer is his newest).
    assert DataChange.prune() == 4
    assert list(DataChange.objects.filter(user_id=alice.pk)) == [newest]
    assert DataChange.version_for(alice) not in seen


@pytest.mark.django_db(transaction=True)
def test_two_writes_of_one_user_at_once_do_not_wait_for_each_other(alice):
    """Before, one version row per user was updated by every write: a second transaction waited
    for the first to end, and two that also wrote each other's rows deadlocked."""
    offer = make_offer(alice)
    contact = make_contact(offer)
    first_wrote, second_wrote, release = threading.Event(), threading.Event(), threading.Event()

    def first():
        try:
            with transaction.atomic():
                Offer.objects.filter(pk=offer.pk).update(company="Globex")
                first_wrote.set()
                release.wait(10)
        finally:
            connection.close()

    def second():
        try:
            first_wrote.wait(10)
            with transaction.atomic():
                Contact.objects.filter(pk=contact.pk).update(name="Sam")
            second_wrote.set()
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    committed = second_wrote.wait(5)  # while the first is still open
    release.set()
    for thread in threads:
        thread.join()
    assert committed


def test_a_page_seen_again_is_served_without_being_drawn(alice_client, alice):
    make_offer(alice, company="Acme")
    url = reverse("offers:list")
    first, drawn = _queries(alice_client, url)
    again, kept = _queries(alice_client, url)
    assert "Acme" in first and again == first
    assert kept < drawn  # the offers are not read again


def test_any_change_shows_at_once_however_it_was_made(alice_client, alice):
    offer = make_offer(alice, company="Acme")
    url = reverse("offers:list")
    assert "Acme" in alice_client.get(url).content.decode()
    Offer.objects.filter(pk=offer.pk).update(company="Globex")  # no view, no signal
    page = alice_client.get(url).content.decode()
    assert "Globex" in page and "Acme" not in page
    make_contact(offer)
    Contact.objects.filter(offer=offer).delete()
    alice_client.post(reverse("offers:edit", args=[offer.pk]), {"company": ""})  # refused
    assert "Globex" in alice_client.get(url).content.decode()


def test_a_kept_form_shows_saved_values_not_a_refused_post(alice_client, alice):
    offer = make_offer(alice, company="Acme")
    url = reverse("offers:edit", args=[offer.pk])
    alice_client.get(url)
    refused = alice_client.post(url, {"company": "Refused Corp", "role": "", "status": "received"})
    assert refused.status_code == 200 and "Refused Corp" in refused.content.decode()
    page = alice_client.get(url).content.decode()
    assert 'value="Acme"' in page and "Refused Corp" not in page


def test_no_one_is_served_anothers_kept_page(alice, bob):
    make_offer(alice, company="Acme")
    make_offer(bob, company="Bobcorp")
    browsers = {}
    for user in (alice, bob):
        browser = Client()
        browser.force_login(user)
        browser.cookies["csrftoken"] = "a" * 32  # even the same CSRF cookie
        browsers[user.username] = browser
    assert "Acme" in browsers["alice"].get(reverse("offers:list")).content.decode()
    page = browsers["bob"].get(reverse("offers:list")).content.decode()
    assert "Bobcorp" in page and "Acme" not in page


def test_a_form_on_a_kept_page_still_posts(alice):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    browser.get(reverse("account"))  # the CSRF cookie
    url = reverse("offers:list")
    browser.get(url)
    kept, queries = _queries(browser, url)
    assert queries == 3  # session, user, data version: kept
    token = kept.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = browser.post(reverse("logout"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302  # not 403


def test_a_message_is_shown_once_not_kept(alice_client, alice):
    offer = make_offer(alice)
    contact = make_contact(offer, name="Jordan Reyes")
    alice_client.post(reverse("offers:delete_contact", args=[offer.pk, contact.pk]))
    detail = reverse("offers:detail", args=[offer.pk])
    assert "Jordan Reyes is removed" in alice_client.get(detail).content.decode()
    assert "Jordan Reyes is removed" not in alice_client.get(detail).content.decode()


def test_the_key_moves_with_the_hour_the_zone_and_the_address(rf, alice, monkeypatch):
    def key(
        path="/offers/", zone="UTC", now=datetime.datetime(2026, 11, 26, 9, 5, tzinfo=datetime.UTC)
    ):
        request = rf.get(path)
        request.user = alice
        request.META["CSRF_COOKIE"] = "a" * 32
        monkeypatch.setattr(timezone, "now", lambda: now)
        with timezone.override(zone):
            return content_key(request)

    same = key(now=datetime.datetime(2026, 11, 26, 9, 55, tzinfo=datetime.UTC))
    assert key() == same
    assert key(now=datetime.datetime(2026, 11, 26, 10, 0, tzinfo=datetime.UTC)) != same
    assert key(zone="Europe/Paris") != same
    assert key(path="/offers/?page=2") != same
    assert content_key(rf.post("/offers/")) is None


def test_nothing_is_kept_before_the_browser_has_a_csrf_cookie(alice):
    browser = Client()
    browser.force_login(alice)
    make_offer(alice, company="Acme")
    url = reverse("offers:list")
    browser.cookies.pop("csrftoken", None)
    _, first = _queries(browser, url)
    browser.cookies.pop("csrftoken", None)
    _, second = _queries(browser, url)
    assert first == second


def test_the_calendar_address_shown_once_is_never_kept(alice_client):
    alice_client.post(reverse("reminders:feed_on"))
    account = reverse("account")
    assert "shown only this once" in alice_client.get(account).content.decode()
    assert "shown only this once" not in alice_client.get(account).content.decode()


def test_a_page_its_view_marks_never_cache_is_drawn_every_time(alice_client):
    url = reverse("password_change")  # Django's own view, with never_cache
    first = alice_client.get(url).content.decode()
    again = alice_client.get(url).content.decode()
    assert "Change your password" in again and again != first  # a new CSRF mask: drawn again
