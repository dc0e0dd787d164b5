"""Shared situations for the decisions tests.

The wizard's: alice accepted a job, then a better-paid offer came. The call plan's (prefixed
``call_``): alice signed with one company and chose another.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from decisions.models import CallPlan, Consideration, Decision, PreparedAnswer
from offers.models import Contact, Offer
from tests.decisions.helpers import at_step, rate, signed_job_with_a_bonus_to_repay
from tests.factories import make_contact, make_decision, make_offer


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


@pytest.fixture
def call_committed(alice):
    """The offer alice signed and is leaving."""
    return signed_job_with_a_bonus_to_repay(alice)


@pytest.fixture
def call_new(alice):
    """The offer alice chose instead."""
    return make_offer(alice, company="Bluebird Health", role="Senior Data Engineer")


@pytest.fixture
def call_manager(call_committed):
    return make_contact(
        call_committed, name="Morgan Lee", role=Contact.Role.HIRING_MANAGER, phone="+1 555 0142"
    )


@pytest.fixture
def call_recruiter(call_committed):
    return make_contact(
        call_committed, name="Sam Ortiz", role=Contact.Role.RECRUITER, phone="+1 555 0199"
    )


@pytest.fixture
def call_decision(alice, call_committed, call_new, call_manager, call_recruiter):
    """A finished decision that backs out of the signed offer, recorded just now."""
    return make_decision(
        alice,
        [call_committed, call_new],
        chosen_offer=call_new,
        decided_at=timezone.now(),
        reasoning="Closer to the work I want to do.",
    )


@pytest.fixture
def call_plan(call_decision, call_manager):
    """A saved plan with its five prepared answers, the call set for tomorrow."""
    plan = CallPlan.objects.create(
        decision=call_decision,
        contact=call_manager,
        scheduled_at=(timezone.now() + datetime.timedelta(days=1)).replace(second=0, microsecond=0),
        opening="Hello Morgan, thank you for taking my call.",
        news="I will not be joining Northwind Freight after all.",
    )
    PreparedAnswer.objects.bulk_create(
        PreparedAnswer(call_plan=plan, reaction=reaction, answer=f"Answer to {reaction.label}")
        for reaction in PreparedAnswer.Reaction
    )
    return plan


@pytest.fixture
def call_ready(call_committed, call_new):
    """Tick every readiness check on the two offers, with the start date it confirms."""
    call_committed.terms_reviewed = True
    call_committed.save()
    call_new.written_offer_in_hand = call_new.conditions_cleared = True
    call_new.start_date_confirmed = True
    call_new.start_date = timezone.localdate() + datetime.timedelta(days=60)
    call_new.save()


@pytest.fixture
def call_accepted(call_new):
    """Bluebird Health's offer accepted: the step before the call done."""
    call_new.status, call_new.accepted_on = Offer.Status.ACCEPTED, timezone.localdate()
    call_new.save()
