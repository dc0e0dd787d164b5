"""The timeline's and the dashboard's advice follow the statuses: once another offer is
accepted, the step about an open offer is to withdraw from it, never a choice still to make."""

import pytest
from django.urls import reverse

from offers import changes
from offers.dashboard import dashboard_context
from offers.models import Offer
from offers.withdrawals import records
from tests.offers.conftest import three_offers

pytestmark = pytest.mark.django_db

STAY = "If you stay, tell Moldau Bank promptly"
WITHDRAW = "Tell Moldau Bank you are withdrawing"


@pytest.fixture
def case(alice, today):
    return three_offers(alice, today)


def test_while_still_choosing_the_timeline_says_what_to_do_if_you_stay(alice_client, case):
    html = alice_client.get(reverse("offers:timeline")).content.decode()
    assert STAY in html
    assert WITHDRAW not in html


@pytest.mark.parametrize("page", ["offers:timeline", "home"])
def test_after_accepting_the_page_says_to_withdraw_and_never_if_you_stay(
    alice_client, case, today, page
):
    _, amsterdam, moldau = case
    changes.accept(amsterdam, go_ahead=True, today=today)
    html = alice_client.get(reverse(page)).content.decode()
    assert STAY not in html
    assert WITHDRAW in html
    assert f'href="{reverse("offers:withdraw", args=[moldau.pk])}"' in html


def test_backing_out_of_the_accepted_offer_brings_the_choice_back(alice_client, case, today):
    _, amsterdam, _ = case
    changes.accept(amsterdam, go_ahead=True, today=today)
    changes.back_out(amsterdam, today=today)
    html = alice_client.get(reverse("offers:timeline")).content.decode()
    assert WITHDRAW not in html
    assert STAY in html


def test_an_offer_owed_a_withdrawal_is_weighed_no_more(alice, case, today):
    prague, amsterdam, moldau = case
    changes.accept(amsterdam, go_ahead=True, today=today)
    pending = records.pending_for(alice)
    assert records.still_weighed([prague, amsterdam, moldau], pending) == [prague, amsterdam]


@pytest.mark.parametrize("then", ["nothing", "told", "backed_out", "declined"])
def test_the_dashboard_owes_the_same_withdrawals_as_the_records(alice, case, today, then):
    prague, amsterdam, moldau = case
    changes.accept(amsterdam, go_ahead=True, today=today)
    if then == "told":
        changes.withdraw(records.pending_for(alice)[0], message="Thanks", names_new_employer=False)
    elif then == "backed_out":
        changes.back_out(amsterdam, today=today)
    elif then == "declined":
        changes.decline(moldau, today=today)
    offers = Offer.objects.for_user(alice).outlines()
    owed = [(w.offer_id, w.accepted_offer.pk) for w in records.pending_among(alice, offers)]
    expected = [(w.offer_id, w.accepted_offer_id) for w in records.pending_for(alice)]
    assert owed == expected
    assert bool(owed) == (then == "nothing")
    # The dashboard reads which are untold only when an offer says it has one: the same.
    shown = dashboard_context(alice)["offers_withdrawals"]
    assert [(w.offer_id, w.accepted_offer.pk) for w in shown] == expected
