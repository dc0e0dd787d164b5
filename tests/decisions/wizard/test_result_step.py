import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from crossroads.text import NUL_MESSAGE
from decisions.models import Decision, Factor
from offers.models import Offer
from tests.decisions.helpers import at_step, rate, url
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db


def _html(client, decision) -> str:
    response = client.get(url("result", decision))
    assert response.status_code == 200
    return response.content.decode()


def _text(html: str) -> str:
    """The page's words with the markup and extra spaces gone."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" :", ":").replace(" .", ".")


def test_it_shows_the_scores_as_a_table_and_an_accessible_svg_chart(alice_client, finished):
    html = _html(alice_client, finished)
    assert "Step 6 of 6" in html
    assert html.count("<h1") == 1
    svg = re.search(r"<svg.*?</svg>", html, flags=re.S).group(0)
    assert 'role="img"' in svg and "<title" in svg
    # 3 everywhere is 60 out of 100, 4 everywhere 80: both numbers are text in the chart.
    assert ">80.0</text>" in svg and ">60.0</text>" in svg
    assert "style=" not in html
    text = _text(html)
    assert "Second Co leads by 20.0 points" in text
    assert "Second Co Analyst 80.0" in text


def test_a_gap_of_five_points_or_less_is_too_close_to_call(alice_client, finished, committed):
    new = finished.offers.exclude(pk=committed.pk).get()
    # 3,3,3,3,4 against 3,3,3,3,3: 64 against 60.
    rate(finished, {committed: 3, new: [3, 3, 3, 3, 4]})
    text = _text(_html(alice_client, finished))
    assert "Too close to call" in text
    assert "the numbers do not decide" in text
    assert "4.0 points (5 or less: too close to call)" in text


def test_it_says_when_no_single_weight_change_flips_it(alice_client, finished):
    text = _text(_html(alice_client, finished))
    assert "No single weight change flips it" in text


def test_it_names_the_weights_that_would_change_the_leader(
    alice_client, finished, committed, new_offer
):
    # First Co is far better on compensation (the first factor), Second Co on the rest.
    rate(finished, {committed: [5, 2, 2, 2, 2], new_offer: [1, 3, 3, 3, 3]})
    Factor.objects.filter(decision=finished).exclude(is_compensation=True).update(weight=1)
    Factor.objects.filter(decision=finished, is_compensation=True).update(weight=2)
    # Scores: First Co (10+8)/30 = 60, Second Co (2+12)/30 = 46.7.
    text = _text(_html(alice_client, finished))
    assert "First Co leads by 13.3 points" in text
    assert "Compensation (weight 2): At weight 0, Second Co would lead. At weight 1," in text
    assert "Culture (weight 1): At weight 5, First Co and Second Co would tie." in text


def test_the_money_is_side_by_side_over_the_horizon_with_the_difference(alice_client, finished):
    Decision.objects.filter(pk=finished.pk).update(horizon_years=3)
    text = _text(_html(alice_client, finished))
    assert "Money over 3 years" in text
    assert "First Co USD 270,000 the reference" in text
    assert "Second Co USD 360,000 USD 90,000 more" in text


def test_money_in_different_currencies_is_not_compared_without_a_rate(alice_client, alice):
    usd = make_offer(alice, company="Dollar Co", status=Offer.Status.ACCEPTED)
    eur = make_offer(alice, company="Euro Co", currency="EUR")
    decision = at_step(make_decision(alice, [usd, eur]), Decision.Step.RESULT)
    rate(decision, {usd: 3, eur: 4})
    text = _text(_html(alice_client, decision))
    # A tie between one EUR and one USD offer: the home currency is the first by code.
    assert "No exchange rate for USD in EUR yet, so Dollar Co (USD) is not compared" in text
    money = re.search(r"Money over.*?Pros and cons", text).group(0)
    assert "more" not in money and "less" not in money


def test_pros_and_cons_are_laid_out_now_and_later(alice_client, finished, committed):
    finished.considerations.create(offer=committed, kind="con", term="immediate", text="Dull")
    text = _text(_html(alice_client, finished))
    assert "Second Co Now Nothing noted. Later Pro: Faster growth" in text
    assert "First Co · your commitment Now Con: Dull Later Nothing noted." in text


def test_leaving_the_commitment_shows_the_risk_with_reasons_and_the_checks(
    alice_client, finished, committed
):
    committed.status = Offer.Status.STARTED
    committed.start_date = timezone.localdate() - datetime.timedelta(days=20)
    committed.agency_name = "Talent Partners"
    committed.repayment_amount = Decimal(8000)
    committed.save()
    Decision.objects.filter(pk=finished.pk).update(close_knit_field="yes")
    text = _text(_html(alice_client, finished))
    # Started 20 days ago 2 + close-knit 1 + agency 0.5 + money 0.5 = 4: high.
    assert "If you leave First Co for Second Co: High risk" in text
    assert "adding up to 4 points" in text
    assert "Started 20 days ago" in text
    assert "Talent Partners" in text and "USD 8,000" in text
    assert text.count("What lowers it:") == 4
    # The readiness checklist posts to its own view and comes back here.
    assert "Before you tell First Co" in text
    assert f'action="{reverse("decisions:readiness", args=[finished.pk])}"' in _html(
        alice_client, finished
    )


def test_money_not_yet_paid_adds_no_risk_and_money_owed_on_the_planned_call_day_does(
    alice_client, finished, committed
):
    from decisions.models import CallPlan

    today = timezone.localdate()
    committed.start_date = today + datetime.timedelta(days=14)
    committed.repayment_amount = Decimal(5000)
    committed.repayment_until = committed.start_date + datetime.timedelta(days=365)
    committed.save()
    text = _text(_html(alice_client, finished))
    assert "If you leave First Co for Second Co: Low risk" in text
    assert "pay back" not in text and "5,000" not in text
    # A call planned after the first day: the bonus was paid by then, so it counts.
    Decision.objects.filter(pk=finished.pk).update(
        chosen_offer=finished.offers.exclude(pk=committed.pk).get(), decided_at=timezone.now()
    )
    planned = timezone.now() + datetime.timedelta(days=20)
    CallPlan.objects.create(decision=finished, scheduled_at=planned)
    text = _text(_html(alice_client, finished))
    day = timezone.localtime(planned).date()
    assert f"If you leave on {day.day} {day:%B %Y}, you would pay back USD 5,000" in text


def test_no_risk_is_shown_when_the_user_chose_to_stay(alice_client, finished, committed):
    Decision.objects.filter(pk=finished.pk).update(
        chosen_offer=committed, decided_at=timezone.now(), reasoning="I gave my word"
    )
    text = _text(_html(alice_client, finished))
    assert "If you leave" not in text and "Before you tell" not in text


def test_no_risk_is_shown_without_a_commitment(alice_client, alice):
    a, b = make_offer(alice, company="A Co"), make_offer(alice, company="B Co")
    decision = at_step(make_decision(alice, [a, b]), Decision.Step.RESULT)
    rate(decision, {a: 3, b: 4})
    assert "If you leave" not in _text(_html(alice_client, decision))


def test_missing_ratings_send_you_back_to_the_ratings(alice_client, finished):
    Factor.objects.create(decision=finished, name="Commute", weight=4, position=9)
    response = alice_client.get(url("result", finished))
    assert response.status_code == 302
    assert response.url == url("ratings", finished)


def test_all_weights_zero_shows_a_message_not_an_error(alice_client, finished):
    Factor.objects.filter(decision=finished).update(weight=0)
    text = _text(_html(alice_client, finished))
    assert "Every factor has a weight of 0" in text
    assert "Change the weights" in text


def test_recording_a_choice_saves_it_with_the_reasoning(alice_client, finished, new_offer):
    response = alice_client.post(
        url("record", finished),
        {"version": finished.version, "choice": new_offer.pk, "reasoning": " More growth. "},
    )
    assert response.url == url("result", finished) + "#record"
    finished.refresh_from_db()
    assert finished.chosen_offer == new_offer
    assert finished.reasoning == "More growth."
    assert finished.decided_at is not None and not finished.is_draft()
    assert finished.backs_out()


def test_not_decided_yet_can_be_recorded_without_reasons(alice_client, finished):
    alice_client.post(url("record", finished), {"version": finished.version, "choice": "undecided"})
    finished.refresh_from_db()
    assert finished.chosen_offer is None and finished.decided_at is not None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose an offer, or Not decided yet."),
        ({"choice": "new", "reasoning": ""}, "Write a line or two on why"),
        ({"choice": "999999", "reasoning": "x"}, "Choose one of the options shown"),
        ({"choice": "new", "reasoning": "x" * 10_000}, "Keep this under 5,000 characters"),
        ({"choice": "new", "reasoning": "Growth\x00"}, NUL_MESSAGE),
    ],
)
def test_a_bad_record_is_refused_and_nothing_saved(
    alice_client, finished, new_offer, data, message
):
    if data.get("choice") == "new":
        data["choice"] = new_offer.pk
    response = alice_client.post(url("record", finished), {"version": finished.version, **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    finished.refresh_from_db()
    assert finished.is_draft() and finished.chosen_offer is None


def test_another_users_offer_cannot_be_recorded_as_the_choice(alice_client, bob, finished):
    bobs = make_offer(bob, company="Bobs Corp")
    response = alice_client.post(
        url("record", finished), {"version": finished.version, "choice": bobs.pk, "reasoning": "x"}
    )
    assert response.status_code == 200
    finished.refresh_from_db()
    assert finished.chosen_offer is None


def test_a_recorded_decision_takes_how_it_turned_out(alice_client, finished, new_offer):
    Decision.objects.filter(pk=finished.pk).update(
        chosen_offer=new_offer, decided_at=timezone.now(), reasoning="Growth"
    )
    finished.refresh_from_db()
    response = alice_client.post(
        url("outcome", finished), {"version": finished.version, "outcome": " Glad I moved. "}
    )
    assert response.url == url("result", finished) + "#outcome"
    finished.refresh_from_db()
    assert finished.outcome == "Glad I moved." and finished.outcome_recorded_at is not None
    assert "Glad I moved." in _html(alice_client, finished)


def test_an_empty_outcome_is_refused(alice_client, finished, new_offer):
    Decision.objects.filter(pk=finished.pk).update(
        chosen_offer=new_offer, decided_at=timezone.now()
    )
    finished.refresh_from_db()
    response = alice_client.post(
        url("outcome", finished), {"version": finished.version, "outcome": " "}
    )
    assert "Write a few words on how it turned out." in response.content.decode()
    finished.refresh_from_db()
    assert finished.outcome == ""


def test_an_outcome_of_10000_characters_is_refused(alice_client, finished, new_offer):
    Decision.objects.filter(pk=finished.pk).update(
        chosen_offer=new_offer, decided_at=timezone.now()
    )
    finished.refresh_from_db()
    response = alice_client.post(
        url("outcome", finished), {"version": finished.version, "outcome": "x" * 10_000}
    )
    assert "Keep this under 5,000 characters (it has 10000)" in response.content.decode()
    finished.refresh_from_db()
    assert finished.outcome == ""


def test_a_draft_takes_no_outcome(alice_client, finished):
    response = alice_client.post(
        url("outcome", finished), {"version": finished.version, "outcome": "Early"}
    )
    assert response.status_code == 302
    finished.refresh_from_db()
    assert finished.outcome == ""


def test_outcome_refuses_get(alice_client, finished):
    assert alice_client.get(url("outcome", finished)).status_code == 405


def test_a_draft_is_recorded_on_the_result_page(alice_client, finished):
    html = _html(alice_client, finished)
    assert f'action="{url("record", finished)}"' in html
    assert 'name="choice"' in html and "Change your decision" not in html


def test_a_recorded_choice_is_shown_and_changed_on_a_page_of_its_own(
    alice_client, finished, committed, new_offer
):
    alice_client.post(
        url("record", finished),
        {"version": finished.version, "choice": new_offer.pk, "reasoning": "More growth."},
    )
    finished.refresh_from_db()
    html = _html(alice_client, finished)
    assert "More growth." in html and f"{new_offer.role} at {new_offer.company}" in html
    assert 'name="choice"' not in html  # the form is on its own page now
    assert f'<a href="{url("record", finished)}">Change your decision</a>' in html

    page = alice_client.get(url("record", finished))
    assert page.status_code == 200
    form = page.content.decode()
    assert "<h1" in form and "Change your decision" in form
    assert re.search(rf'value="{new_offer.pk}"[^>]*checked', form)  # what was recorded
    assert "More growth." in form
    assert f'href="{url("result", finished)}"' in form  # the way back, nothing changed

    response = alice_client.post(
        url("record", finished),
        {"version": finished.version, "choice": committed.pk, "reasoning": "I gave my word."},
    )
    assert response.url == url("result", finished) + "#record"
    finished.refresh_from_db()
    assert finished.chosen_offer == committed and finished.reasoning == "I gave my word."


def test_a_refused_change_stays_on_its_page_with_the_errors(alice_client, finished, new_offer):
    alice_client.post(
        url("record", finished),
        {"version": finished.version, "choice": new_offer.pk, "reasoning": "More growth."},
    )
    finished.refresh_from_db()
    response = alice_client.post(
        url("record", finished),
        {"version": finished.version, "choice": new_offer.pk, "reasoning": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Change your decision" in html
    assert 'id="error-summary"' in html and "Write a line or two on why" in html
    assert "What would change it" not in html  # not the result page
    finished.refresh_from_db()
    assert finished.reasoning == "More growth."


def test_a_step_not_reached_sends_you_to_the_first_unfinished_one(
    alice_client, decision, new_offer
):
    at_step(decision, Decision.Step.PROS_CONS)
    assert alice_client.get(url("result", decision)).url == url("pros_cons", decision)
    response = alice_client.post(
        url("record", decision), {"version": 1, "choice": new_offer.pk, "reasoning": "x"}
    )
    assert response.url == url("pros_cons", decision)
    decision.refresh_from_db()
    assert decision.is_draft()


def test_with_an_offer_deleted_since_it_asks_to_pick_offers_again(
    alice_client, finished, new_offer
):
    new_offer.delete()
    for step in ("ratings", "pros_cons", "result"):
        response = alice_client.get(url(step, finished), follow=True)
        assert response.redirect_chain[-1][0] == url("offers", finished)
        assert "fewer than two offers" in response.content.decode()


def test_the_risk_mentions_accepting_despite_an_offer_on_its_way(
    alice_client, finished, committed, new_offer
):
    committed.accepted_despite_expected_offer = new_offer
    committed.accepted_despite_expected_at = timezone.now()
    committed.save()
    text = _text(_html(alice_client, finished))
    assert "You accepted First Co knowing an offer from Second Co was on its way" in text


def test_what_the_user_wrote_in_a_pro_and_a_factor_name_is_shown_as_text_not_markup(
    alice_client, finished, new_offer
):
    # The ratings and the pros and cons are written out in Python (result_rows.py): what the
    # user typed is escaped there as the template would.
    finished.factors.filter(name="Culture").update(name="Culture <i>mostly</i>")
    finished.considerations.create(
        offer=new_offer, kind="pro", term="immediate", text='Near "home" & <b>bold</b>'
    )
    html = _html(alice_client, finished)
    assert "<b>bold</b>" not in html and "<i>mostly</i>" not in html
    assert "Near &quot;home&quot; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "Culture &lt;i&gt;mostly&lt;/i&gt;" in html
