"""After the call: when it happened and how it went."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from crossroads.text import NUL_MESSAGE
from decisions.models import CallPlan

pytestmark = pytest.mark.django_db


def _url(decision):
    return reverse("decisions:call_log", args=[decision.pk])


def _data(user, when, how="They were kind about it."):
    return {
        "log-called_at": when.astimezone(user.zone()).strftime("%Y-%m-%dT%H:%M"),
        "log-how_it_went": how,
    }


def test_logging_a_call_that_happened_an_hour_ago(alice_client, alice, call_decision, call_plan):
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    response = alice_client.post(_url(call_decision), _data(alice, an_hour_ago))
    assert response.status_code == 302
    assert response.url.endswith("#after")
    call_plan.refresh_from_db()
    assert call_plan.called_at == an_hour_ago.replace(second=0, microsecond=0)
    assert call_plan.how_it_went == "They were kind about it."
    assert call_plan.done_at is None
    page = alice_client.get(response.url).content.decode()
    assert "They were kind about it." in page
    assert (
        f'href="{_url(call_decision)}">Change<span class="visually-hidden"> how the call went'
        in page
    )


def test_a_call_in_the_future_cannot_have_happened(alice_client, alice, call_decision, call_plan):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    response = alice_client.post(_url(call_decision), _data(alice, tomorrow))
    content = response.content.decode()
    assert "There is a problem" in content
    assert "cannot be in the future" in content
    assert 'href="#id_log-called_at"' in content
    call_plan.refresh_from_db()
    assert call_plan.called_at is None


def test_a_very_long_account_or_a_null_character_is_refused(
    alice_client, alice, call_decision, call_plan
):
    earlier = timezone.now() - datetime.timedelta(hours=1)
    content = alice_client.post(
        _url(call_decision), _data(alice, earlier, "w" * 10_000)
    ).content.decode()
    assert "Keep this under 5,000 characters" in content
    content = alice_client.post(_url(call_decision), _data(alice, earlier, "a\x00b")).content
    assert NUL_MESSAGE in content.decode()
    call_plan.refresh_from_db()
    assert call_plan.how_it_went == ""


def test_logging_on_a_draft_saves_the_drafted_plan(alice_client, alice, call_decision):
    alice_client.post(_url(call_decision), _data(alice, timezone.now()))
    plan = CallPlan.objects.get()
    assert plan.called_at is not None
    assert plan.answers.count() == 5


def test_the_log_has_a_page_of_its_own_reached_from_the_plan(
    alice_client, call_decision, call_plan
):
    plan = alice_client.get(reverse("decisions:call", args=[call_decision.pk])).content.decode()
    assert f'href="{_url(call_decision)}">Record how the call went' in plan
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "How did the call to Northwind Freight go?" in content
    assert 'name="log-called_at"' in content
    call_plan.refresh_from_db()
    assert call_plan.called_at is None
