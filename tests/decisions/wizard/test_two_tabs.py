"""Two browser tabs on the same decision: the second save never silently overwrites the first."""

import pytest

from decisions.models import Consideration, Decision, Rating
from tests.decisions.helpers import at_step, factor_data, ratings_data, url

pytestmark = pytest.mark.django_db


def _follow_conflict(client, path, data):
    response = client.post(path, data, follow=True)
    html = response.content.decode()
    assert "changed in another tab or window" in html
    assert "nothing was saved" in html
    return html


def test_a_stale_priorities_save_is_refused_and_shows_the_current_values(alice_client, decision):
    at_step(decision, Decision.Step.PRIORITIES)
    opened_at = decision.version  # both tabs opened the page at this version
    first = factor_data(decision, version=opened_at, Culture=("Culture", 5))
    assert alice_client.post(url("priorities", decision), first).status_code == 302

    second = factor_data(decision, version=opened_at, Culture=("Culture", 0), People=("Crew", 1))
    html = _follow_conflict(alice_client, url("priorities", decision), second)
    culture = decision.factors.get(name="Culture")
    assert culture.weight == 5
    assert not decision.factors.filter(name="Crew").exists()
    # The page shows what is saved now, with the new version to save against.
    assert '<option value="5" selected>' in html
    decision.refresh_from_db()
    assert decision.version == opened_at + 1
    assert f'name="version" value="{decision.version}"' in html


def test_a_stale_offers_save_keeps_the_offers_saved_first(alice_client, alice, decision, committed):
    from tests.factories import make_offer

    third = make_offer(alice, company="Third Co")
    alice_client.post(
        url("offers", decision), {"version": 1, "offers": [committed.pk, third.pk], "title": "A"}
    )
    _follow_conflict(
        alice_client,
        url("offers", decision),
        {"version": 1, "offers": [o.pk for o in decision.offers.all()], "title": "B"},
    )
    decision.refresh_from_db()
    assert decision.title == "A"
    assert set(decision.offers.all()) == {committed, third}


def test_a_stale_situation_save_changes_neither_decision_nor_offer(
    alice_client, decision, committed
):
    at_step(decision, Decision.Step.SITUATION)
    answers = {"close_knit_field": "no", "could_commit_fully": "yes", "horizon_years": "2"}
    alice_client.post(url("situation", decision), {**answers, "version": 1, "agency_name": ""})
    _follow_conflict(
        alice_client,
        url("situation", decision),
        {**answers, "version": 1, "close_knit_field": "yes", "agency_name": "Stale Agency"},
    )
    decision.refresh_from_db()
    committed.refresh_from_db()
    assert decision.close_knit_field == "no"
    assert committed.agency_name == ""


def test_a_stale_ratings_save_is_refused(alice_client, decision, committed, new_offer):
    at_step(decision, Decision.Step.RATINGS)
    alice_client.post(
        url("ratings", decision), ratings_data(decision, {committed: 2, new_offer: 5}, 1)
    )
    _follow_conflict(
        alice_client,
        url("ratings", decision),
        ratings_data(decision, {committed: 5, new_offer: 1}, 1),
    )
    assert set(Rating.objects.filter(offer=committed).values_list("score", flat=True)) == {2}


def test_a_stale_tab_cannot_add_or_remove_pros_and_cons(alice_client, decision, new_offer):
    at_step(decision, Decision.Step.PROS_CONS)
    item = Consideration.objects.create(
        decision=decision, offer=new_offer, kind="pro", term="immediate", text="Kept"
    )
    # Another tab saved something meanwhile.
    Decision.objects.filter(pk=decision.pk).update(version=2)
    _follow_conflict(
        alice_client, url("remove_consideration", decision), {"version": 1, "item": item.pk}
    )
    _follow_conflict(
        alice_client,
        url("add_consideration", decision),
        {"version": 1, "offer": new_offer.pk, "kind": "con", "term": "immediate", "text": "Stale"},
    )
    assert list(Consideration.objects.values_list("text", flat=True)) == ["Kept"]


def test_a_stale_record_does_not_overwrite_the_recorded_choice(
    alice_client, decision, committed, new_offer
):
    at_step(decision, Decision.Step.RESULT)
    alice_client.post(
        url("record", decision), {"version": 1, "choice": committed.pk, "reasoning": "Staying"}
    )
    response = alice_client.post(
        url("record", decision),
        {"version": 1, "choice": new_offer.pk, "reasoning": "Leaving"},
        follow=True,
    )
    assert "changed in another tab or window" in response.content.decode()
    decision.refresh_from_db()
    assert decision.chosen_offer == committed and decision.reasoning == "Staying"


def test_a_missing_or_garbled_version_is_treated_as_stale(alice_client, decision):
    at_step(decision, Decision.Step.PRIORITIES)
    for version in ("", "abc"):
        data = factor_data(decision, Culture=("Culture", 1))
        data["version"] = version
        _follow_conflict(alice_client, url("priorities", decision), data)
    assert decision.factors.get(name="Culture").weight == 3


def test_each_successful_save_increments_the_version(alice_client, decision):
    at_step(decision, Decision.Step.PRIORITIES)
    for expected in (2, 3, 4):
        decision.refresh_from_db()
        alice_client.post(url("priorities", decision), factor_data(decision, add="1"))
        decision.refresh_from_db()
        assert decision.version == expected
