import json

import pytest
from django.urls import reverse

from crossroads.models import User
from decisions.models import CallPlan, Referral
from offers.models import Offer, TimeAsk
from tests.factories import PASSWORD, make_contact, make_decision, make_offer

pytestmark = pytest.mark.django_db


def _fill(user, offers=1):
    made = [make_offer(user, company=f"{user.username} Co {i}") for i in range(offers)]
    for offer in made:
        make_contact(offer)
        TimeAsk.objects.create(
            offer=offer, kind=TimeAsk.Kind.MORE_TIME, asked_on=offer.created.date(), script="Hi."
        )
    decision = make_decision(user, made[:2])
    plan = CallPlan.objects.create(decision=decision, opening="Thanks for your time.")
    Referral.objects.create(call_plan=plan, name="A former colleague")
    return made


def test_export_downloads_all_my_data_and_nobody_elses(alice_client, alice, bob):
    _fill(alice, offers=2)
    _fill(bob, offers=2)
    response = alice_client.get(reverse("export_data"))
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["username"] == "alice"
    assert sorted(o["company"] for o in data["offers"]) == ["alice Co 0", "alice Co 1"]
    assert len(data["contacts"]) == 2
    assert len(data["time_asks"]) == 2
    assert len(data["factors"]) == 5
    assert data["call_plans"][0]["opening"] == "Thanks for your time."
    assert data["referrals"][0]["name"] == "A former colleague"
    assert "bob" not in response.content.decode()


def test_export_holds_my_home_currency_and_exchange_rates(alice_client, alice, bob):
    import datetime

    from offers.models import ExchangeRate

    alice.home_currency = "EUR"
    alice.save()
    for user in (alice, bob):
        ExchangeRate.objects.create(
            owner=user,
            currency="USD",
            home_currency="EUR",
            rate="0.92",
            taken_on=datetime.date(2026, 3, 1),
            source=f"{user.username}'s bank",
        )
    data = json.loads(alice_client.get(reverse("export_data")).content)
    assert data["account"]["home_currency"] == "EUR"
    assert [(r["currency"], r["rate"], r["source"]) for r in data["exchange_rates"]] == [
        ("USD", "0.9200000000", "alice's bank")
    ]


def test_export_takes_the_same_queries_for_little_and_much_data(
    alice_client, alice, django_assert_num_queries
):
    _fill(alice, offers=2)
    # reminder records (3), time asks, exchange rates, skipped checks, withdrawals, promises,
    # leaving terms, notice letters (1 each)
    with django_assert_num_queries(23):
        alice_client.get(reverse("export_data"))
    _fill(alice, offers=30)
    # reminder records (3), time asks, exchange rates, skipped checks, withdrawals, promises,
    # leaving terms, notice letters (1 each)
    with django_assert_num_queries(23):
        alice_client.get(reverse("export_data"))


def test_delete_asks_for_confirmation_first(alice_client, alice):
    _fill(alice)
    response = alice_client.get(reverse("delete_account"))
    assert b"cannot be undone" in response.content
    assert User.objects.filter(pk=alice.pk).exists()


def test_delete_with_a_wrong_password_deletes_nothing(alice_client, alice):
    _fill(alice)
    response = alice_client.post(reverse("delete_account"), {"password": "wrong"})
    assert "That is not your password" in response.context["form"].errors["password"][0]
    assert User.objects.filter(pk=alice.pk).exists()
    assert Offer.objects.filter(owner=alice).count() == 1


def test_delete_removes_my_account_and_data_but_not_bobs(alice_client, alice, bob):
    _fill(alice)
    _fill(bob)
    response = alice_client.post(reverse("delete_account"), {"password": PASSWORD}, follow=True)
    assert b"have been deleted" in response.content
    assert not User.objects.filter(pk=alice.pk).exists()
    assert not Offer.objects.filter(owner_id=alice.pk).exists()
    assert Offer.objects.filter(owner=bob).count() == 1
    assert "_auth_user_id" not in alice_client.session


@pytest.mark.parametrize("name", ["export_data", "delete_account"])
def test_anonymous_visitors_are_sent_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
