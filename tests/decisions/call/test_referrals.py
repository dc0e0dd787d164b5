"""Names to suggest for the role, added and removed in place."""

import pytest
from django.urls import reverse

from crossroads.text import NUL_MESSAGE
from decisions.models import CallPlan, PreparedAnswer, Referral
from offers.models import Offer
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db


def _add_url(decision):
    return reverse("decisions:add_referral", args=[decision.pk])


def _delete_url(referral):
    return reverse("decisions:remove_referral", args=[referral.call_plan.decision_id, referral.pk])


def _data(**overrides):
    data = {
        "referral-name": "Dana Kim",
        "referral-how_to_reach": "dana@example.com",
        "referral-why_they_fit": "Ran the same kind of pipelines for years",
    }
    return {**data, **overrides}


def test_adding_a_referral_saves_it_and_returns_to_the_list(alice_client, call_decision, call_plan):
    response = alice_client.post(_add_url(call_decision), _data())
    assert response.status_code == 302
    referral = call_plan.referrals.get()
    # Back to the person just added, which the page can focus.
    assert response.url == reverse("decisions:call", args=[call_decision.pk]) + (
        f"#referral-{referral.pk}"
    )
    assert referral.name == "Dana Kim"
    assert referral.how_to_reach == "dana@example.com"
    page = alice_client.get(response.url).content.decode()
    assert "Dana Kim" in page and "Ran the same kind of pipelines for years" in page
    assert f'id="referral-{referral.pk}" tabindex="-1"' in page


def test_adding_a_referral_to_a_draft_saves_the_drafted_plan_first(alice_client, call_decision):
    alice_client.post(_add_url(call_decision), _data())
    plan = CallPlan.objects.get(decision=call_decision)
    assert plan.contact.name == "Morgan Lee"
    assert "Hello Morgan" in plan.opening
    assert plan.answers.count() == len(PreparedAnswer.Reaction)
    assert plan.referrals.get().name == "Dana Kim"


def test_a_referral_needs_a_name(alice_client, call_decision, call_plan):
    response = alice_client.post(_add_url(call_decision), _data(**{"referral-name": "  "}))
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert "Enter the person’s name." in content
    assert 'href="#id_referral-name"' in content
    assert not Referral.objects.exists()


def test_a_referral_with_a_null_character_or_too_long_is_refused(
    alice_client, call_decision, call_plan
):
    response = alice_client.post(_add_url(call_decision), _data(**{"referral-name": "Da\x00na"}))
    assert NUL_MESSAGE in response.content.decode()
    response = alice_client.post(
        _add_url(call_decision), _data(**{"referral-why_they_fit": "z" * 10_000})
    )
    assert "Keep this under 500 characters (it has 10000)" in response.content.decode()
    assert not Referral.objects.exists()


def test_removing_a_referral_deletes_it(alice_client, call_plan):
    referral = Referral.objects.create(call_plan=call_plan, name="Dana Kim")
    response = alice_client.post(_delete_url(referral))
    assert response.status_code == 302
    assert not Referral.objects.exists()


def test_a_referral_of_another_plan_cannot_be_removed_through_this_one(
    alice_client, alice, call_decision, call_plan, call_new
):
    committed = make_offer(alice, company="Other Co", status=Offer.Status.SIGNED)
    other = make_decision(alice, [committed, call_new], chosen_offer=call_new)
    other_plan = CallPlan.objects.create(decision=other)
    referral = Referral.objects.create(call_plan=other_plan, name="Dana Kim")
    url = reverse("decisions:remove_referral", args=[call_decision.pk, referral.pk])
    assert alice_client.post(url).status_code == 404
    assert Referral.objects.filter(pk=referral.pk).exists()


def test_removing_is_post_only(alice_client, call_decision, call_plan):
    referral = Referral.objects.create(call_plan=call_plan, name="Dana Kim")
    assert alice_client.get(_delete_url(referral)).status_code == 405
    assert Referral.objects.count() == 1


def test_the_plan_lists_the_names_and_links_to_the_page_that_adds_one(
    alice_client, call_decision, call_plan
):
    Referral.objects.create(call_plan=call_plan, name="Dana Kim")
    plan = alice_client.get(reverse("decisions:call", args=[call_decision.pk])).content.decode()
    assert "Dana Kim" in plan and 'name="referral-name"' not in plan
    assert f'href="{_add_url(call_decision)}">Add a person' in plan
    content = alice_client.get(_add_url(call_decision), follow=True).content.decode()
    assert "Whom could you suggest to Northwind Freight?" in content
    assert 'name="referral-name"' in content
    plan_url = reverse("decisions:call", args=[call_decision.pk])
    assert f'href="{plan_url}#referrals">Back to the call plan' in content
    assert Referral.objects.count() == 1
