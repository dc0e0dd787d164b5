"""The result's explanation worked out directly from a loaded decision, without the page."""

import datetime
from decimal import Decimal

import pytest

from decisions.models import Consideration
from decisions.wizard.result import explain
from decisions.wizard.steps import (
    considerations_of,
    factors_and_scores,
    ordered_offers,
    with_offers,
)
from offers.models import Offer
from tests.decisions.helpers import rate
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 26)


def _explained(decision):
    decision = with_offers("leaving_terms").get(pk=decision.pk)
    factors, ratings = factors_and_scores(decision)
    return explain(
        decision, ordered_offers(decision), factors, ratings, considerations_of(decision), TODAY
    )


@pytest.fixture
def signed(alice):
    return make_offer(alice, company="Northwind", status=Offer.Status.SIGNED)


@pytest.fixture
def better(alice):
    return make_offer(alice, company="Contoso", base_salary=Decimal(120_000))


def test_the_better_rated_offer_leads_and_the_risk_of_leaving_is_explained(alice, signed, better):
    decision = make_decision(alice, [signed, better], close_knit_field="yes")
    rate(decision, {signed: 2, better: 5})
    result = _explained(decision)
    assert [item.offer for item in result.offers] == [better, signed]
    assert [item.score for item in result.offers] == [Decimal(100), Decimal(40)]
    assert result.margin == Decimal(60) and not result.close_call
    assert result.committed == signed and result.new_offer == better
    assert result.backing_out.level in {"medium", "high"}
    assert any("close-knit" in reason.text for reason in result.backing_out.reasons)


def test_offers_within_five_points_are_a_close_call_with_both_leaders_named(alice, better):
    other = make_offer(alice, company="Fabrikam")
    decision = make_decision(alice, [other, better])
    rate(decision, {other: 4, better: 4})
    result = _explained(decision)
    assert result.close_call and result.margin == Decimal(0)
    assert result.leader_names == "Contoso and Fabrikam"
    assert result.backing_out is None and result.committed is None


def test_pros_and_cons_are_sorted_into_now_and_later_pros_first(alice, signed, better):
    decision = make_decision(alice, [signed, better])
    rate(decision, {signed: 3, better: 4})
    for kind, term, text in [
        ("con", "immediate", "Longer commute"),
        ("pro", "immediate", "Higher pay"),
        ("pro", "long_term", "Lead a team"),
    ]:
        Consideration.objects.create(
            decision=decision, offer=better, kind=kind, term=term, text=text
        )
    contoso = _explained(decision).offers[0]
    assert [c["text"] for c in contoso.now] == ["Higher pay", "Longer commute"]
    assert [c["text"] for c in contoso.later] == ["Lead a team"]


def test_choosing_to_stay_shows_no_risk(alice, signed, better):
    decision = make_decision(alice, [signed, better], chosen_offer=signed)
    rate(decision, {signed: 2, better: 5})
    result = _explained(decision)
    assert result.new_offer is None and result.backing_out is None
