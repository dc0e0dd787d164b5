"""The pages that edit the call plan's parts refuse what they cannot take, on their own page,
with a message and nothing saved."""

import datetime

import pytest
from django.utils import timezone

from crossroads.text import NUL_MESSAGE
from decisions.models import CallPlan
from offers.models import Contact, Offer
from tests.decisions.call.plan_form import error_page as _error_page
from tests.decisions.call.plan_form import local as _local
from tests.decisions.call.plan_form import plan_data as _data
from tests.decisions.call.plan_form import plan_url as _plan_url
from tests.decisions.call.plan_form import section_url
from tests.decisions.call.plan_form import tomorrow as _tomorrow
from tests.factories import make_contact, make_offer

pytestmark = pytest.mark.django_db


def _url(decision, section="when"):
    return section_url(decision, section)


def test_a_contact_from_another_offer_is_refused(alice_client, alice, call_decision, call_new):
    other = make_contact(call_new, name="Robin Hale")
    content = _error_page(alice_client.post(_url(call_decision), _data(alice, other)))
    assert "Choose one of the people at Northwind Freight recorded on that offer" in content
    assert not CallPlan.objects.exists()


def test_a_contact_of_another_user_is_refused(alice_client, alice, bob, call_decision):
    bobs = make_contact(make_offer(bob, status=Offer.Status.SIGNED), name="Bob's Boss")
    content = _error_page(alice_client.post(_url(call_decision), _data(alice, bobs)))
    assert "Choose one of the people at Northwind Freight recorded on that offer" in content
    assert not CallPlan.objects.exists()


def test_a_time_in_the_past_is_refused_when_planning(alice_client, alice, call_decision):
    yesterday = timezone.now() - datetime.timedelta(days=1)
    content = _error_page(alice_client.post(_url(call_decision), _data(alice, when=yesterday)))
    assert "Choose a time from now on" in content
    assert "After the call" in content
    assert not CallPlan.objects.exists()


def test_a_saved_time_that_has_passed_does_not_block_other_edits(
    alice_client, alice, call_decision, call_plan, call_manager
):
    passed = (timezone.now() - datetime.timedelta(hours=2)).replace(second=0, microsecond=0)
    call_plan.scheduled_at = passed
    call_plan.save()
    data = _data(alice, call_manager, passed, channel="video")
    assert alice_client.post(_url(call_decision), data).status_code == 302
    call_plan.refresh_from_db()
    assert call_plan.channel == "video"


def test_a_date_that_is_not_a_date_is_refused(alice_client, alice, call_decision):
    content = _error_page(alice_client.post(_url(call_decision), _data(alice, scheduled_at="soon")))
    assert "Enter a date and a time" in content


@pytest.mark.parametrize("length", [5001, 10_000])
def test_a_very_long_section_is_refused_with_a_message(alice_client, alice, call_decision, length):
    data = _data(alice, reason="x" * length)
    content = _error_page(alice_client.post(_url(call_decision, "words"), data))
    assert f"Keep this under 5,000 characters (it has {length})" in content
    assert 'href="#id_reason"' in content
    assert not CallPlan.objects.exists()


def test_a_long_prepared_answer_is_refused_too(alice_client, alice, call_decision):
    data = _data(alice, answer_why="y" * 10_000)
    content = _error_page(alice_client.post(_url(call_decision, "answers"), data))
    assert "Keep this under 5,000 characters" in content


def test_a_null_character_is_refused_with_a_message(alice_client, alice, call_decision):
    data = _data(alice, news="Hi\x00there")
    content = _error_page(alice_client.post(_url(call_decision, "words"), data))
    assert NUL_MESSAGE in content
    assert not CallPlan.objects.exists()


# The agency --------------------------------------------------------------------------------------


def test_without_an_agency_there_is_no_second_call(alice_client, call_decision):
    assert 'name="agency_contact"' not in alice_client.get(_url(call_decision)).content.decode()
    assert "Then the agency" not in alice_client.get(_plan_url(call_decision)).content.decode()


def test_with_an_agency_a_second_call_is_planned_with_its_own_contact(
    alice_client, alice, call_decision, call_committed, call_manager
):
    call_committed.agency_name = "Talent Bridge"
    call_committed.save()
    agent = make_contact(call_committed, name="Ari Cole", role=Contact.Role.AGENCY)
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "The agency: Talent Bridge" in content
    assert f'<option value="{agent.pk}" selected>' in content

    when = _tomorrow()
    data = _data(alice, call_manager, when, agency_contact=agent.pk)
    data["agency_call_at"] = _local(when + datetime.timedelta(hours=1), alice)
    assert alice_client.post(_url(call_decision), data).status_code == 302
    plan = CallPlan.objects.get()
    assert plan.agency_contact == agent
    assert plan.agency_call_at == (when + datetime.timedelta(hours=1)).replace(
        second=0, microsecond=0
    )
    content = alice_client.get(_plan_url(call_decision)).content.decode()
    assert "Then the agency, Talent Bridge" in content and "Ari Cole" in content


def test_an_agency_contact_from_elsewhere_is_refused(
    alice_client, alice, call_decision, call_committed, call_new
):
    call_committed.agency_name = "Talent Bridge"
    call_committed.save()
    elsewhere = make_contact(call_new, name="Other Agent", role=Contact.Role.AGENCY)
    data = _data(alice, agency_contact=elsewhere.pk)
    content = _error_page(alice_client.post(_url(call_decision), data))
    assert "Choose one of Talent Bridge’s people recorded on the offer" in content


# Other people's plans ----------------------------------------------------------------------------


# Query counts ------------------------------------------------------------------------------------
