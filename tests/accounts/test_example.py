"""Trying the app with an example: loaded from the empty dashboard into the user's own account,
marked on every page, and removed (after a confirmation) without touching anything else."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import example
from decisions.models import Consideration, Decision
from offers import compensation, timeline
from offers.models import Contact, Offer, TimeAsk
from tests.factories import make_contact, make_decision, make_offer

pytestmark = pytest.mark.django_db
LOAD = reverse("offers:example")
REMOVE = reverse("offers:delete_example")
HOME = reverse("home")


def examples(user):
    return Offer.objects.for_user(user).examples()


def load(client) -> str:
    """Press "Try it with an example"; the dashboard it leads to."""
    response = client.post(LOAD, follow=True)
    assert response.redirect_chain == [(HOME, 302)]
    return response.content.decode()


def test_the_empty_dashboard_offers_to_try_an_example(alice_client):
    html = alice_client.get(HOME).content.decode()
    assert f'action="{LOAD}"' in html
    assert "Try it with an example" in html
    assert 'method="post"' in html


def test_the_dashboard_with_offers_of_ones_own_does_not_offer_it(alice_client, alice):
    make_offer(alice)
    assert "Try it with an example" not in alice_client.get(HOME).content.decode()


def test_loading_adds_the_three_offers_of_the_story_to_the_users_own_account(alice_client, alice):
    assert "An example is loaded" in load(alice_client)
    offers = {offer.status: offer for offer in examples(alice)}
    assert set(offers) == {"accepted", "received", "expected"}
    assert Offer.objects.filter(owner=alice).count() == 3

    today = timezone.localdate()
    accepted, better, expected = offers["accepted"], offers["received"], offers["expected"]
    assert 0 < (accepted.start_date - today).days <= 21  # starting soon
    assert accepted.signing_bonus > 0 and accepted.repayment_amount == accepted.signing_bonus
    assert accepted.contacts.get().role == Contact.Role.HIRING_MANAGER
    assert 0 < better.days_until_deadline(today) <= 3  # a near deadline
    better_total = compensation.headline(better.package())[1]
    assert better_total > compensation.headline(accepted.package())[1]
    assert expected.expected_on > better.respond_by
    # The story's dilemmas show on the timeline: the answer is due before the next offer comes,
    # and the accepted job starts while that offer is still open.
    clashes = {(c.kind, c.offer, c.other) for c in timeline.clashes(offers.values(), today)}
    assert clashes == {
        (timeline.Clash.ANSWER_BEFORE_ARRIVAL, better, expected),
        (timeline.Clash.START_WHILE_OPEN, accepted, expected),
    }


def test_the_amounts_are_in_the_currency_of_the_users_number_format(alice_client, alice):
    alice.number_format = "en_NL"
    alice.save()
    load(alice_client)
    assert set(examples(alice).values_list("currency", flat=True)) == {"EUR"}


@pytest.mark.parametrize(
    ("number_format", "home", "currency", "base"),
    [
        ("en_CZ", "", "CZK", 2_100_000),  # 82,000 EUR at 25 CZK, to two significant figures
        ("en_NL", "CZK", "CZK", 2_100_000),  # the home currency the user chose wins
        ("en_US", "", "USD", 90_000),
        ("en_NL", "", "EUR", 82_000),
        ("en_KE", "", "EUR", 82_000),  # no example rate for KES: euros, under their own code
    ],
)
def test_the_amounts_make_sense_in_the_users_currency(
    alice_client, alice, number_format, home, currency, base
):
    alice.number_format, alice.home_currency = number_format, home
    alice.save()
    load(alice_client)
    accepted = examples(alice).get(status="accepted")
    assert (accepted.currency, accepted.base_salary) == (currency, base)
    if currency != "EUR":
        rate = example.EXAMPLE_RATES[currency]
        assert f"1 EUR = {rate} {currency} (December 2026)" in accepted.notes
    offers = list(examples(alice))
    # The story holds in any currency: the better offer is worth more over four years.
    better = next(o for o in offers if o.status == "received")
    assert compensation.headline(better.package())[1] > compensation.headline(accepted.package())[1]


def test_loading_twice_adds_nothing_more(alice_client, alice):
    load(alice_client)
    first = sorted(examples(alice).values_list("pk", flat=True))
    assert "already loaded: nothing was added twice" in load(alice_client)
    assert sorted(examples(alice).values_list("pk", flat=True)) == first
    assert Contact.objects.filter(offer__owner=alice).count() == 3


def test_the_example_is_marked_on_every_page_and_row_that_shows_it(alice_client, alice):
    load(alice_client)
    offer = examples(alice).get(status="received")
    contact = offer.contacts.get()
    pages = {
        HOME: 4,  # two coming-up dates, one answer due, and the banner
        reverse("offers:list"): 4,  # three rows and the banner
        reverse("offers:timeline"): 4,  # four dates in play
        reverse("offers:detail", args=[offer.pk]): 1,
        reverse("offers:edit", args=[offer.pk]): 1,
        reverse("offers:edit_contact", args=[offer.pk, contact.pk]): 1,
    }
    for url, badges in pages.items():
        html = alice_client.get(url).content.decode()
        assert html.count('<span class="badge example-badge">Example</span>') >= badges, url
    for url in (HOME, reverse("offers:list")):
        assert f'href="{REMOVE}"' in alice_client.get(url).content.decode()


def test_the_users_own_offers_carry_no_badge(alice_client, alice):
    load(alice_client)
    own = make_offer(alice, company="My Real Job")
    html = alice_client.get(reverse("offers:detail", args=[own.pk])).content.decode()
    assert "example-badge" not in html


def test_removing_asks_first_and_lists_what_goes(alice_client, alice):
    load(alice_client)
    response = alice_client.get(REMOVE)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="h2">Remove the example?</h1>' in html
    assert "Senior Data Engineer at Lumen Health" in html
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    assert examples(alice).count() == 3


def test_removing_deletes_the_example_and_what_hangs_off_it_and_nothing_else(
    alice_client, alice, bob
):
    own = make_offer(alice, company="My Real Job", respond_by=timezone.localdate())
    make_contact(own, name="My Recruiter")
    bobs = make_offer(bob, company="Bob's Job")
    bob_client = Client()
    bob_client.force_login(bob)
    load(bob_client)
    load(alice_client)
    accepted = examples(alice).get(status="accepted")
    better = examples(alice).get(status="received")
    only_examples = make_decision(alice, [accepted, better], title="Harbor or Lumen?")
    mixed = make_decision(alice, [own, better], title="Mine or Lumen?")
    Consideration.objects.create(decision=mixed, offer=better, kind="pro", term="now", text="x")
    TimeAsk.objects.create(offer=better, kind="more_time", asked_on=timezone.localdate())

    response = alice_client.post(REMOVE, follow=True)
    assert response.redirect_chain == [(HOME, 302)]
    assert "The example is removed (3 offers, 1 decision)" in response.content.decode()
    assert not examples(alice).exists()
    assert not Decision.objects.filter(pk=only_examples.pk).exists()
    assert not TimeAsk.objects.exists()
    assert not Consideration.objects.exists()
    # Alice's own offer, its person and the decision that compares it stay.
    assert Offer.objects.filter(owner=alice).get() == own
    assert own.contacts.get().name == "My Recruiter"
    mixed.refresh_from_db()
    assert list(mixed.offers.all()) == [own]
    # Bob's example and his own offer are untouched.
    assert examples(bob).count() == 3
    assert Offer.objects.filter(pk=bobs.pk).exists()


def test_loading_and_removing_are_posts(alice_client, alice):
    assert alice_client.get(LOAD).status_code == 405
    assert alice_client.put(REMOVE).status_code == 405
    assert alice_client.delete(REMOVE).status_code == 405
    assert not examples(alice).exists()


def test_an_anonymous_visitor_is_sent_to_log_in_and_nothing_changes(client, alice):
    load_as_alice = Client()
    load_as_alice.force_login(alice)
    load(load_as_alice)
    for url in (LOAD, REMOVE):
        response = client.post(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    assert examples(alice).count() == 3
    assert Offer.objects.count() == 3


def test_loading_needs_the_csrf_token(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post(LOAD).status_code == 403
    assert client.post(REMOVE).status_code == 403
    assert not examples(alice).exists()


def test_removing_with_no_example_says_so_and_changes_nothing(alice_client, alice):
    own = make_offer(alice)
    assert "There is no example" in alice_client.get(REMOVE).content.decode()
    alice_client.post(REMOVE)
    assert Offer.objects.get() == own


def test_the_removal_page_takes_the_same_queries_with_more_data(alice_client, alice):
    load(alice_client)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert alice_client.get(REMOVE).status_code == 200
        return len(queries)

    small = count()
    for n in range(5):
        make_decision(alice, list(examples(alice)[:2]), title=f"Example decision {n}")
        make_offer(alice, company=f"Own {n}")
    assert count() == small


def test_the_module_is_idempotent_and_one_transaction(alice):
    today = timezone.localdate()
    first = example.load_example(alice, today)
    again = example.load_example(alice, today + datetime.timedelta(days=3))
    assert first.added and not again.added
    assert sorted(o.pk for o in again.offers) == sorted(o.pk for o in first.offers)
    removed = example.remove_example(alice)
    assert (removed.offers, removed.decisions) == (3, 0)
    assert example.remove_example(alice) == example.Removed(offers=0, decisions=0)
