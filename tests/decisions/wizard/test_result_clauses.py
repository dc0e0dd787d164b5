"""The result's risk names the contract's clauses against leaving (``offers.terms``)."""

from decimal import Decimal

import pytest

from decisions.models import Decision
from offers.models import LeavingTerms
from tests.decisions.helpers import url

pytestmark = pytest.mark.django_db


def test_the_risk_names_a_penalty_for_not_starting(alice_client, finished, committed):
    Decision.objects.filter(pk=finished.pk).update(chosen_offer=None)
    LeavingTerms.objects.create(offer=committed, no_start_penalty=Decimal(7500))
    page = " ".join(alice_client.get(url("result", finished)).content.decode().split())
    assert "Your contract with First Co sets a penalty of USD 7,500 for not starting." in page


def test_without_clauses_the_risk_says_nothing_of_them(alice_client, finished):
    page = alice_client.get(url("result", finished)).content.decode()
    assert "for not starting" not in page
