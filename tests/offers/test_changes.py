"""The changes of an offer's status (``offers/changes.py``), each rule tested once, directly.
Every path that makes them is held to these rules in tests/accounts/test_status_paths.py."""

import datetime

import pytest
from django.utils import timezone

from offers import changes
from offers.models import Offer
from offers.withdrawals.models import Withdrawal
from tests.factories import make_offer
from tests.offers.conftest import days, three_offers

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(alice, today):
    return three_offers(alice, today)


def pending(user):
    return {
        w.offer.company: w.accepted_offer.company
        for w in Withdrawal.objects.for_user(user).pending()
    }


def test_accepting_while_an_offer_is_expected_soon_is_refused_and_nothing_changes(case, today):
    _, amsterdam, moldau = case
    with pytest.raises(changes.AcceptingTooEarly) as refused:
        changes.accept(amsterdam, today=today)
    assert refused.value.expected == [moldau]
    # Moldau Bank comes five days after the answer is due: "soon after", not "before".
    assert refused.value.arrivals() == [(moldau, False)]
    amsterdam.refresh_from_db()
    assert amsterdam.status == Offer.Status.RECEIVED
    assert not Withdrawal.objects.exists()


def test_going_ahead_records_the_choice_and_owes_a_withdrawal_to_every_other_open_offer(
    alice, case, today
):
    prague, amsterdam, moldau = case
    declined = make_offer(alice, company="Long Gone", status=Offer.Status.DECLINED)
    received = make_offer(alice, company="Other Received", received_on=today)
    changes.accept(amsterdam, go_ahead=True, today=today)
    amsterdam.refresh_from_db()
    assert amsterdam.status == Offer.Status.ACCEPTED
    assert amsterdam.accepted_on == today
    assert amsterdam.accepted_despite_expected_offer == moldau
    assert amsterdam.accepted_despite_expected_at is not None
    assert pending(alice) == {"Moldau Bank": "Grachten Data", "Other Received": "Grachten Data"}
    assert not Withdrawal.objects.filter(offer__in=[prague, declined]).exists()
    assert received.withdrawals.get().told_at is None


def test_no_guard_when_the_other_offer_comes_more_than_a_week_after_the_deadline(
    alice, case, today
):
    _, amsterdam, moldau = case
    moldau.expected_on = amsterdam.respond_by + days(8)
    moldau.save()
    changes.accept(amsterdam, today=today)
    amsterdam.refresh_from_db()
    assert amsterdam.accepted_despite_expected_at is None
    assert pending(alice) == {"Moldau Bank": "Grachten Data"}


def test_signing_or_starting_an_accepted_offer_is_no_new_commitment(alice, case, today):
    prague, amsterdam, _ = case
    changes.accept(amsterdam, go_ahead=True, today=today)
    Withdrawal.objects.all().delete()
    changes.sign(amsterdam, today=today)
    changes.start(amsterdam, today=today)
    assert not Withdrawal.objects.exists()


@pytest.mark.parametrize("verb", [changes.sign, changes.start])
def test_signing_or_starting_straight_from_received_is_guarded_like_accepting(case, today, verb):
    _, amsterdam, _ = case
    with pytest.raises(changes.AcceptingTooEarly):
        verb(amsterdam, today=today)


def test_accepting_sets_the_acceptance_date_only_when_it_is_empty(alice, today):
    fresh = make_offer(alice, company="Fresh")
    changes.accept(fresh, today=today)
    assert fresh.accepted_on == today
    earlier = today - days(6)
    dated = make_offer(alice, company="Dated", accepted_on=earlier)
    changes.accept(dated, today=today)
    assert dated.accepted_on == earlier
    chosen = make_offer(alice, company="Chosen")
    changes.accept(chosen, on=earlier, today=today)
    assert chosen.accepted_on == earlier


def test_backing_out_of_the_accepted_offer_cancels_the_withdrawals_it_owed(alice, case, today):
    _, amsterdam, _ = case
    changes.accept(amsterdam, go_ahead=True, today=today)
    changes.back_out(amsterdam, today=today)
    assert pending(alice) == {}


def test_withdrawing_records_what_was_said_and_declines_the_offer(alice, case, today):
    _, amsterdam, moldau = case
    changes.accept(amsterdam, go_ahead=True, today=today)
    withdrawal = moldau.withdrawals.get()
    now = timezone.now()
    changes.withdraw(withdrawal, message="Thank you.", names_new_employer=False, now=now)
    withdrawal.refresh_from_db()
    moldau.refresh_from_db()
    assert (withdrawal.told_at, withdrawal.message) == (now, "Thank you.")
    assert moldau.status == Offer.Status.DECLINED
    assert pending(alice) == {}


def test_the_past_owes_withdrawals_only_to_offers_on_the_table_when_one_was_accepted(
    alice, case, today
):
    prague, amsterdam, moldau = case
    # Vltava was accepted long before Grachten Data's offer came: weighing that is the point.
    changes.record_history([prague, amsterdam, moldau])
    assert pending(alice) == {}
    # Accepted after an offer already received, and despite one expected: both owed.
    early = make_offer(alice, company="Early Bird", received_on=today - days(3))
    Offer.objects.filter(pk=amsterdam.pk).update(
        status=Offer.Status.ACCEPTED,
        accepted_on=today,
        accepted_despite_expected_offer=moldau,
        accepted_despite_expected_at=timezone.now(),
    )
    amsterdam.refresh_from_db()
    changes.record_history([prague, amsterdam, moldau, early])
    assert pending(alice) == {"Moldau Bank": "Grachten Data", "Early Bird": "Grachten Data"}


def test_adding_an_offer_already_accepted_records_the_past(alice, case, today):
    _, amsterdam, _ = case
    old = Offer(
        owner=alice,
        company="Old Job",
        role="Engineer",
        status=Offer.Status.ACCEPTED,
        accepted_on=today - datetime.timedelta(days=400),
        respond_by=today - datetime.timedelta(days=401),
    )
    changes.add(old, today=today)
    assert old.pk is not None
    assert pending(alice) == {}
