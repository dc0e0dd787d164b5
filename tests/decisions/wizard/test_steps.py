"""The wizard's step order, without HTTP: which step follows, which comes before, what the
progress bar shows, and that a stale tab's save is refused."""

import pytest

from decisions.models import DEFAULT_FACTORS, Decision
from decisions.wizard import steps
from decisions.wizard.steps import Step
from offers.models import Offer
from tests.factories import make_decision, make_offer


def _unsaved(committed: bool) -> Decision:
    return Decision(committed_offer_id=1 if committed else None, step_reached=Step.RESULT)


@pytest.mark.parametrize("committed", [True, False])
def test_each_step_leads_to_the_next_and_the_last_stays_last(committed):
    decision = _unsaved(committed)
    assert steps.next_step(decision, Step.PRIORITIES) == Step.RATINGS
    assert steps.next_step(decision, Step.RESULT) == Step.RESULT
    assert steps.previous_step(decision, Step.RATINGS) == Step.PRIORITIES
    assert steps.previous_step(decision, Step.OFFERS) is None


def test_with_nothing_to_back_out_of_the_situation_step_is_skipped_both_ways():
    decision = _unsaved(committed=False)
    assert steps.skips_situation(decision)
    assert steps.next_step(decision, Step.OFFERS) == Step.PRIORITIES
    assert steps.previous_step(decision, Step.PRIORITIES) == Step.OFFERS


def test_with_a_commitment_the_situation_step_is_asked():
    decision = _unsaved(committed=True)
    assert not steps.skips_situation(decision)
    assert steps.next_step(decision, Step.OFFERS) == Step.SITUATION
    assert steps.previous_step(decision, Step.PRIORITIES) == Step.SITUATION


@pytest.mark.django_db
def test_the_progress_bar_links_only_the_steps_reached_and_marks_the_skipped_one(alice):
    decision = make_decision(alice, [make_offer(alice), make_offer(alice)], step_reached=3)
    bar = steps.progress(decision, Step.PRIORITIES)
    assert [link.number for link in bar] == [1, 2, 3, 4, 5, 6]
    assert [link.url is not None for link in bar] == [True, True, True, False, False, False]
    assert [link.current for link in bar] == [False, False, True, False, False, False]
    assert [link.skipped for link in bar] == [False, True, False, False, False, False]
    assert steps.resume_url(decision) == bar[2].url


def test_a_decision_not_saved_yet_shows_step_one_unlinked():
    bar = steps.progress(None, Step.OFFERS)
    assert bar[0].current and all(link.url is None for link in bar)


@pytest.mark.django_db
def test_starting_a_decision_saves_it_with_the_default_factors(alice):
    signed = make_offer(alice, status=Offer.Status.SIGNED)
    decision = steps.start_decision(alice, "Stay?", [signed, make_offer(alice)], signed)
    assert decision.step_reached == Step.SITUATION
    assert [f.name for f in decision.factors.all()] == list(steps.DEFAULT_FACTORS)
    assert [f.is_compensation for f in decision.factors.all()] == [True] + [False] * 4


@pytest.mark.django_db
def test_claiming_a_stale_version_writes_nothing(alice):
    decision = make_decision(alice, [make_offer(alice), make_offer(alice)])
    steps.claim_version(decision, decision.version, reach=Step.RATINGS)
    decision.refresh_from_db()
    assert (decision.version, decision.step_reached) == (2, Step.RATINGS)
    with pytest.raises(steps.StaleVersion):
        steps.claim_version(decision, 1, reach=Step.RESULT)
    decision.refresh_from_db()
    assert (decision.version, decision.step_reached) == (2, Step.RATINGS)


@pytest.mark.parametrize(
    ("posted", "read"), [({"version": "3"}, 3), ({"version": "x"}, None), ({}, None)]
)
def test_a_posted_version_is_read_as_a_number_or_nothing(posted, read):
    assert steps.parse_version(posted) == read


@pytest.mark.django_db
def test_the_factors_come_in_order_with_their_ratings_and_an_unrated_one_comes_once(alice):
    first, second = make_offer(alice, company="First"), make_offer(alice, company="Second")
    decision = steps.start_decision(alice, "Which?", [first, second], None)
    compensation, culture, *_ = decision.factors.all()
    culture.ratings.create(offer=first, score=4)
    culture.ratings.create(offer=second, score=2)
    compensation.ratings.create(offer=second, score=5)
    factors, scores = steps.factors_and_scores(decision)
    assert [factor.name for factor in factors] == list(DEFAULT_FACTORS)
    assert factors[0].is_compensation and factors[1].weight == culture.weight
    assert scores == {
        (culture.pk, first.pk): 4,
        (culture.pk, second.pk): 2,
        (compensation.pk, second.pk): 5,
    }
