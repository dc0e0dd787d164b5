import datetime

import pytest

from decisions.models import Decision
from offers.models import Offer
from tests.decisions.helpers import at_step, url
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def situation(decision):
    return at_step(decision, Decision.Step.SITUATION)


def _answers(decision, **changes):
    return {
        "version": decision.version,
        "close_knit_field": "yes",
        "agency_name": "  Talent Partners ",
        "could_commit_fully": "not_sure",
        "horizon_years": "3",
        **changes,
    }


def test_the_page_shows_the_stage_and_why_each_question_matters(alice_client, situation):
    html = alice_client.get(url("situation", situation)).content.decode()
    assert "Step 2 of 6" in html
    assert "Accepted, not signed yet" in html
    assert "Why it matters" in html
    for hint in ("word of a broken", "bad for you and for the employer", "added up over"):
        assert hint in html
    assert "Did a recruiting agency place you at First Co?" in html


def test_a_started_offer_shows_how_many_days_ago(alice_client, alice, new_offer):
    started = make_offer(
        alice,
        company="Started Co",
        status=Offer.Status.STARTED,
        start_date=datetime.date.today() - datetime.timedelta(days=12),
    )
    decision = at_step(make_decision(alice, [started, new_offer]), Decision.Step.SITUATION)
    html = alice_client.get(url("situation", decision)).content.decode()
    assert "Started 12 days ago" in html


def test_saving_the_answers_writes_the_agency_on_the_committed_offer(
    alice_client, situation, committed
):
    response = alice_client.post(url("situation", situation), _answers(situation))
    assert response.status_code == 302
    assert response.url == url("priorities", situation)
    situation.refresh_from_db()
    committed.refresh_from_db()
    assert situation.close_knit_field == "yes"
    assert situation.could_commit_fully == "not_sure"
    assert situation.horizon_years == 3
    assert situation.step_reached == Decision.Step.PRIORITIES
    assert committed.agency_name == "Talent Partners"


def test_the_agency_field_shows_what_the_offer_already_says(alice_client, situation, committed):
    committed.agency_name = "Placed By Us"
    committed.save()
    html = alice_client.get(url("situation", situation)).content.decode()
    assert 'value="Placed By Us"' in html


def test_emptying_the_agency_clears_it_on_the_offer(alice_client, situation, committed):
    committed.agency_name = "Placed By Us"
    committed.save()
    alice_client.post(url("situation", situation), _answers(situation, agency_name=""))
    committed.refresh_from_db()
    assert committed.agency_name == ""


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("close_knit_field", "", "Choose yes, no or not sure."),
        ("could_commit_fully", "maybe", "Choose one of the options shown"),
        ("horizon_years", "5", "Choose how many years, from 1 to 4."),
        ("horizon_years", "0", "Choose how many years, from 1 to 4."),
    ],
)
def test_missing_or_out_of_range_answers_are_refused(
    alice_client, situation, committed, field, value, message
):
    response = alice_client.post(url("situation", situation), _answers(situation, **{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    situation.refresh_from_db()
    committed.refresh_from_db()
    assert situation.close_knit_field == "" and situation.horizon_years == 2
    assert committed.agency_name == ""
    assert situation.version == 1


def test_with_nothing_committed_only_the_horizon_is_asked(alice_client, alice):
    a, b = make_offer(alice, company="A Co"), make_offer(alice, company="B Co")
    decision = at_step(make_decision(alice, [a, b]), Decision.Step.PRIORITIES)
    html = alice_client.get(url("situation", decision)).content.decode()
    assert "nothing to back out of" in html
    assert "close_knit_field" not in html
    response = alice_client.post(
        url("situation", decision), {"version": decision.version, "horizon_years": "4"}
    )
    assert response.url == url("priorities", decision)
    decision.refresh_from_db()
    assert decision.horizon_years == 4


def test_the_situation_is_marked_skipped_in_the_progress(alice_client, alice):
    a, b = make_offer(alice, company="A Co"), make_offer(alice, company="B Co")
    decision = at_step(make_decision(alice, [a, b]), Decision.Step.PRIORITIES)
    html = alice_client.get(url("priorities", decision), follow=True).content.decode()
    assert "skipped" in html
    assert f'href="{url("offers", decision)}">Back</a>' in html  # Back skips the skipped step


def test_a_step_not_reached_sends_you_to_the_first_unfinished_one(alice_client, decision):
    response = alice_client.get(url("situation", decision))
    assert response.status_code == 302
    assert response.url == url("offers", decision)
