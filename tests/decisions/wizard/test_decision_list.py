import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from decisions.models import Decision
from tests.decisions.helpers import at_step, url
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db

LIST = reverse("decisions:list")


def test_drafts_come_first_with_continue_at_the_step_reached(
    alice_client, alice, decision, new_offer
):
    at_step(decision, Decision.Step.RATINGS)
    done = make_decision(alice, [new_offer, make_offer(alice, company="Third Co")], title="Done")
    Decision.objects.filter(pk=done.pk).update(
        chosen_offer=new_offer, decided_at=timezone.now(), step_reached=6
    )
    html = alice_client.get(LIST).content.decode()
    assert html.count("<h1") == 1
    assert html.index("Stay or switch?") < html.index("Done")
    assert "Step 4 of 6: Ratings" in html
    assert f'href="{url("ratings", decision)}"' in html
    assert "Chose <strong>Analyst at Second Co</strong>" in html
    assert f'href="{url("result", done)}"' in html


def test_a_draft_says_how_long_ago_it_was_saved(alice_client, decision):
    saved = timezone.now() - datetime.timedelta(minutes=5)
    Decision.objects.filter(pk=decision.pk).update(updated=saved)
    html = alice_client.get(LIST).content.decode()
    assert "saved <time" in html and "5\xa0minutes ago</time>" in html
    assert f'datetime="{saved.isoformat()}"' in html


def test_a_recorded_not_decided_yet_says_so(alice_client, decision):
    Decision.objects.filter(pk=decision.pk).update(decided_at=timezone.now(), step_reached=6)
    assert "Not decided yet" in alice_client.get(LIST).content.decode()


def test_the_list_shows_only_my_decisions(alice_client, bob):
    make_decision(bob, [make_offer(bob), make_offer(bob)], title="Bobs secret")
    html = alice_client.get(LIST).content.decode()
    assert "Bobs secret" not in html
    assert "Nothing in progress" in html


def test_the_list_takes_the_same_queries_for_one_decision_and_many(
    alice_client, alice, decision, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        alice_client.get(LIST)
    for i in range(8):
        offers = [make_offer(alice, company=f"Co {i}-{j}") for j in range(5)]
        made = make_decision(alice, offers, title=f"Decision {i}")
        if i % 2:
            Decision.objects.filter(pk=made.pk).update(
                chosen_offer=offers[0], decided_at=timezone.now() - datetime.timedelta(days=i)
            )
    with django_assert_num_queries(len(small)):
        response = alice_client.get(LIST)
    assert response.content.decode().count("decision-item") >= 9
