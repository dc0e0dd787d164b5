"""The result page's reasoning works on ids: how often it hashes an offer or a factor does not
grow with the number of factors (keyed by model instances, it hashed them tens of thousands of
times for 5 offers and 15 factors)."""

import collections

import pytest
from django.db.models import Model
from django.utils import timezone

from decisions.models import Factor, get_decision_for_user
from decisions.wizard.result import explain
from decisions.wizard.steps import (
    considerations_of,
    factors_and_scores,
    ordered_offers,
    with_offers,
)
from offers.models import Offer
from tests.decisions.helpers import finished_decision

pytestmark = pytest.mark.django_db


def _hashes_while_explaining(owner, factors: int, monkeypatch) -> collections.Counter:
    decision = finished_decision(owner, offers=5, factors=factors, considerations=40)
    loaded = get_decision_for_user(owner, decision.pk, with_offers("leaving_terms"))
    (factor_list, ratings), considerations = factors_and_scores(loaded), considerations_of(loaded)
    offers = ordered_offers(loaded)
    counted = collections.Counter()
    for model in (Offer, Factor):
        monkeypatch.setattr(
            model, "__hash__", lambda self, m=model: counted.update([m]) or Model.__hash__(self)
        )
    result = explain(loaded, offers, factor_list, ratings, considerations, timezone.localdate())
    monkeypatch.undo()
    assert len(result.sensitivity) == factors
    return counted


def test_explaining_hashes_no_more_for_15_factors_than_for_5(alice, monkeypatch):
    few = _hashes_while_explaining(alice, 5, monkeypatch)
    many = _hashes_while_explaining(alice, 15, monkeypatch)
    assert many[Factor] == few[Factor] == 0
    assert many[Offer] == few[Offer]
