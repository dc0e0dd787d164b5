"""The path matrix for accepting an offer (``offers/changes.py``): every path that can commit the
user to an offer keeps the same promises. The interactive ones warn in the same words while
another offer is expected soon, and record the choice to go ahead; the ones that write the past
(the import, the example) carry the choice recorded; and every one leaves a pending step to
withdraw from each other offer still open.

The case (``three_offers``): started in Prague, Grachten Data (Amsterdam) due in four days, an
offer expected from Moldau Bank in nine."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import example
from accounts.export import signature, user_data
from accounts.restore import restore
from offers import changes
from offers.models import Offer
from offers.withdrawals.models import Withdrawal
from tests.decisions.call.test_gate import ALL_SKIPS
from tests.factories import make_decision
from tests.offers.conftest import days, offer_form_data, three_offers

pytestmark = pytest.mark.django_db

WARNING = "You expect an offer from Moldau Bank on"


@pytest.fixture
def today():
    return timezone.localdate()


def _go_ahead(ticked: bool) -> dict:
    return {"accept_anyway": "on"} if ticked else {}


def by_the_offer_form(client, user, today, ticked):
    _, amsterdam, _ = three_offers(user, today)
    data = offer_form_data(
        company=amsterdam.company,
        status="accepted",
        received_on=amsterdam.received_on.isoformat(),
        respond_by=amsterdam.respond_by.isoformat(),
        accepted_on=today.isoformat(),
        **_go_ahead(ticked),
    )
    return client.post(reverse("offers:edit", args=[amsterdam.pk]), data)


def _decision(user, today):
    prague, amsterdam, _ = three_offers(user, today)
    return make_decision(
        user, [prague, amsterdam], chosen_offer=amsterdam, decided_at=timezone.now()
    )


def by_the_call_plans_accept_step(client, user, today, ticked):
    decision = _decision(user, today)
    data = {**ALL_SKIPS, "accepted_on": today.isoformat(), **_go_ahead(ticked)}
    return client.post(reverse("decisions:accept_new_offer", args=[decision.pk]), data)


def by_marking_the_call_done(client, user, today, ticked):
    decision = _decision(user, today)
    data = {**ALL_SKIPS, "back_out": "on", "accept": "on", **_go_ahead(ticked)}
    return client.post(reverse("decisions:call_done", args=[decision.pk]), data)


INTERACTIVE = [by_the_offer_form, by_the_call_plans_accept_step, by_marking_the_call_done]


def by_the_import(client, user, today, ticked):
    """A file from another account where Grachten Data was accepted despite Moldau Bank, made
    before files held withdrawals: the import still owes the one the go-ahead names."""
    from tests.factories import make_user

    other = make_user("exporter")
    _, amsterdam, _ = three_offers(other, today)
    changes.accept(amsterdam, go_ahead=True, today=today)
    data = user_data(other)
    del data["withdrawals"], data["signature"]
    other.delete()
    restore(user, {**data, "signature": signature(data)})


def by_the_example(client, user, today, ticked, monkeypatch=None):
    """An example whose story has the acceptance: Grachten Data accepted today, with Moldau
    Bank's offer already received (an example cannot name an offer not yet saved)."""

    def story(owner, today, currency):
        def offer(company, status, **dates):
            return Offer(owner=owner, company=company, role="Engineer", status=status, **dates)

        made = [
            offer("Grachten Data", Offer.Status.ACCEPTED, received_on=today, accepted_on=today),
            offer("Moldau Bank", Offer.Status.RECEIVED, received_on=today - days(2)),
        ]
        return [(each, []) for each in made]

    monkeypatch.setattr(example, "_offers", story)
    example.load_example(user, today)


HISTORICAL = [by_the_import, by_the_example]


@pytest.mark.parametrize("path", INTERACTIVE)
def test_every_interactive_path_warns_and_changes_nothing_until_the_box_is_ticked(
    alice_client, alice, today, path
):
    response = path(alice_client, alice, today, ticked=False)
    assert response.status_code == 200
    html = response.content.decode()
    assert WARNING in html
    assert "soon after your answer here is due" in html
    assert changes.TICK_TO_GO_AHEAD in html
    assert 'name="accept_anyway"' in html
    amsterdam = Offer.objects.get(owner=alice, company="Grachten Data")
    assert amsterdam.status == Offer.Status.RECEIVED
    assert not Withdrawal.objects.exists()


@pytest.mark.parametrize("path", INTERACTIVE)
def test_every_interactive_path_records_the_choice_to_go_ahead(alice_client, alice, today, path):
    response = path(alice_client, alice, today, ticked=True)
    assert response.status_code == 302
    amsterdam = Offer.objects.get(owner=alice, company="Grachten Data")
    assert amsterdam.status == Offer.Status.ACCEPTED
    assert amsterdam.accepted_despite_expected_offer.company == "Moldau Bank"
    assert amsterdam.accepted_despite_expected_at is not None


def test_the_import_carries_the_recorded_choice_to_go_ahead(alice_client, alice, today):
    by_the_import(alice_client, alice, today, ticked=True)
    amsterdam = Offer.objects.get(owner=alice, company="Grachten Data")
    assert amsterdam.accepted_despite_expected_offer.owner == alice
    assert amsterdam.accepted_despite_expected_offer.company == "Moldau Bank"


@pytest.mark.parametrize("path", INTERACTIVE + HISTORICAL)
def test_every_path_leaves_a_step_to_withdraw_from_the_offer_still_open(
    alice_client, alice, today, path, monkeypatch
):
    kwargs = {"monkeypatch": monkeypatch} if path is by_the_example else {}
    path(alice_client, alice, today, ticked=True, **kwargs)
    owed = Withdrawal.objects.for_user(alice).pending()
    assert [(w.offer.company, w.accepted_offer.company) for w in owed] == [
        ("Moldau Bank", "Grachten Data")
    ]
    dashboard = alice_client.get(reverse("home")).content.decode()
    link = reverse("offers:withdraw", args=[owed[0].offer_id])
    assert f'href="{link}"' in dashboard
    assert "Tell Moldau Bank you are withdrawing" in dashboard
