"""Shared situations for the wizard tests: alice accepted a job, then a better-paid offer came."""

from decimal import Decimal

import pytest

from decisions.models import Consideration, Decision
from offers.models import Offer
from tests.decisions.helpers import at_step, rate
from tests.factories import make_decision, make_offer


@pytest.fixture
def committed(alice):
    return make_offer(
        alice,
        company="First Co",
        role="Analyst",
        status=Offer.Status.ACCEPTED,
        base_salary=Decimal("90000"),
    )


@pytest.fixture
def new_offer(alice):
    return make_offer(alice, company="Second Co", role="Analyst", base_salary=Decimal("120000"))


@pytest.fixture
def decision(alice, committed, new_offer):
    """A draft comparing the two offers, at step 1."""
    return make_decision(alice, [committed, new_offer])


@pytest.fixture
def finished(decision, committed, new_offer):
    """A decision with every step done, the new offer rated higher, ready for the result."""
    Decision.objects.filter(pk=decision.pk).update(
        close_knit_field=Decision.Answer.NO, could_commit_fully=Decision.Answer.YES
    )
    rate(decision, {committed: 3, new_offer: 4})
    Consideration.objects.create(
        decision=decision, offer=new_offer, kind="pro", term="long_term", text="Faster growth"
    )
    return at_step(decision, Decision.Step.RESULT)
