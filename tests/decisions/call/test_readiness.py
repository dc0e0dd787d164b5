import datetime

import pytest
from django.urls import reverse

from decisions.call.readiness import is_ready, missing, readiness_checks
from offers.models import Offer
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def situation(alice):
    committed = make_offer(alice, company="First Co", status=Offer.Status.SIGNED)
    new = make_offer(alice, company="Second Co", status=Offer.Status.RECEIVED)
    decision = make_decision(alice, [committed, new], chosen_offer=new)
    return decision, committed, new


def _url(decision):
    return reverse("decisions:readiness", args=[decision.pk])


def test_nothing_is_ready_until_every_check_is_done(situation):
    _, committed, new = situation
    checks = readiness_checks(committed, new)
    assert not is_ready(checks)
    assert [c.name for c in missing(checks)] == [
        "terms_reviewed",
        "written_offer_in_hand",
        "conditions_cleared",
        "start_date_confirmed",
    ]
    committed.terms_reviewed = True
    new.written_offer_in_hand = new.conditions_cleared = new.start_date_confirmed = True
    # A start date confirmed needs the start date.
    assert [c.name for c in missing(readiness_checks(committed, new))] == ["start_date_confirmed"]
    new.start_date = datetime.date(2027, 2, 1)
    assert is_ready(readiness_checks(committed, new))


def test_the_checks_name_the_companies_and_say_why(situation):
    _, committed, new = situation
    checks = readiness_checks(committed, new)
    assert "First Co" in checks[0].label
    assert "Second Co" in checks[1].label
    assert all(check.why for check in checks)


def test_ticking_the_checks_writes_the_offers_own_fields(alice_client, situation):
    decision, committed, new = situation
    response = alice_client.post(
        _url(decision),
        {
            "new_offer": new.pk,
            "terms_reviewed": "on",
            "written_offer_in_hand": "on",
            "next": reverse("decisions:list"),
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("decisions:list") + "#readiness"
    committed.refresh_from_db()
    new.refresh_from_db()
    assert committed.terms_reviewed and committed.terms_reviewed_on is not None
    assert new.written_offer_in_hand
    assert not new.conditions_cleared


def test_unticking_clears_the_field(alice_client, situation):
    decision, committed, new = situation
    new.written_offer_in_hand = True
    new.save()
    alice_client.post(_url(decision), {"new_offer": new.pk})
    new.refresh_from_db()
    assert not new.written_offer_in_hand


def test_a_foreign_next_address_is_not_followed(alice_client, situation):
    decision, _, new = situation
    response = alice_client.post(
        _url(decision), {"new_offer": new.pk, "next": "https://elsewhere.example/"}
    )
    assert response.url == reverse("home")


def test_an_offer_outside_the_decision_is_a_404(alice_client, alice, situation):
    decision, _, _ = situation
    other = make_offer(alice, company="Other Co")
    response = alice_client.post(
        _url(decision), {"new_offer": other.pk, "written_offer_in_hand": "on"}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert not other.written_offer_in_hand


def test_get_is_refused(alice_client, situation):
    decision, _, _ = situation
    assert alice_client.get(_url(decision)).status_code == 405
