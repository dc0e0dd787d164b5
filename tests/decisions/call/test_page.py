"""The call plan page, /decisions/<id>/call/ (a summary of each part), and the pages that edit
its parts: /call/when/, /call/words/ and /call/answers/."""

import datetime
import re
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from decisions.models import CallPlan, FollowUp, PreparedAnswer, Referral
from offers.models import Contact, Offer
from tests.decisions.call.plan_form import error_page as _error_page
from tests.decisions.call.plan_form import plan_data as _data
from tests.decisions.call.plan_form import plan_url as _url
from tests.decisions.call.plan_form import section_url as _section
from tests.decisions.call.plan_form import tomorrow as _tomorrow
from tests.factories import make_contact, make_decision, make_offer

pytestmark = pytest.mark.django_db


# Showing the plan --------------------------------------------------------------------------------


def test_the_owner_sees_a_draft_without_anything_being_saved(alice_client, call_decision):
    response = alice_client.get(_url(call_decision))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "Plan your call to Northwind Freight" in content
    assert "Hello Morgan, thank you for taking my call." in content
    assert "This plan is a draft" in content
    assert f'href="{reverse("decisions:result", args=[call_decision.pk])}"' in content
    # Each part is summed up with a link to the page that changes it; no field is on the plan.
    for section in ("when", "words", "answers"):
        assert f'href="{_section(call_decision, section)}"' in content
    assert "<textarea" not in content and "<select" not in content
    assert not CallPlan.objects.exists()


def test_each_part_has_a_page_of_its_own_that_leads_back_to_the_plan(alice_client, call_decision):
    for section, anchor, field in (
        ("when", "when", 'name="scheduled_at"'),
        ("words", "script", 'name="reason"'),
        ("answers", "answers", 'name="answer_why"'),
    ):
        content = alice_client.get(_section(call_decision, section)).content.decode()
        assert content.count("<h1") == 1
        assert field in content
        assert f'href="{_url(call_decision)}#{anchor}">Back to the call plan' in content
    assert not CallPlan.objects.exists()


def test_the_hiring_manager_is_chosen_by_default_with_their_phone_number(
    alice_client, call_decision, call_manager
):
    content = alice_client.get(_section(call_decision, "when")).content.decode()
    assert f'<option value="{call_manager.pk}" selected>' in content
    assert "Morgan Lee, +1 555 0142 (hiring manager)" in content
    plan = alice_client.get(_url(call_decision)).content.decode()
    assert 'Suggested: call Morgan Lee on <a href="tel:+1 555 0142">' in plan


def test_only_the_committed_offers_contacts_can_be_chosen(
    alice_client, call_decision, call_new, call_manager, call_recruiter
):
    other = make_contact(call_new, name="Robin Hale")
    content = alice_client.get(_section(call_decision, "when")).content.decode()
    assert "Sam Ortiz" in content
    assert f'value="{other.pk}"' not in content


def test_without_contacts_the_page_says_where_to_add_them(alice_client, alice, call_new):
    committed = make_offer(alice, company="Lonely Co", status=Offer.Status.ACCEPTED)
    decision = make_decision(
        alice, [committed, call_new], chosen_offer=call_new, decided_at=timezone.now()
    )
    assert "Nobody chosen yet" in alice_client.get(_url(decision)).content.decode()
    content = alice_client.get(_section(decision, "when")).content.decode()
    assert "Nobody from Lonely Co is recorded yet" in content
    offer_page = reverse("offers:detail", args=[committed.pk])
    assert f'href="{offer_page}#contacts">Add the hiring' in content
    assert '<option value="" selected>Nobody recorded yet</option>' in content


def test_the_readiness_checklist_comes_first_and_posts_back_to_this_page(
    alice_client, call_decision
):
    content = alice_client.get(_url(call_decision)).content.decode()
    assert content.index('id="readiness-title"') < content.index('id="when-title"')
    assert reverse("decisions:readiness", args=[call_decision.pk]) in content
    assert f'name="next" value="{_url(call_decision)}"' in content


def test_the_plan_is_not_ready_to_call_until_every_check_is_ticked(
    alice_client, call_decision, call_plan
):
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "Not ready to call" in content
    assert "the offer from Bluebird Health in writing" in content
    # It can still be drafted and saved.
    assert f'href="{_section(call_decision, "when")}"' in content


@pytest.mark.usefixtures("call_ready", "call_accepted")
def test_the_plan_is_ready_to_call_once_checked_with_a_contact_and_a_time(
    alice_client, call_decision, call_plan
):
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "Ready to call" in content
    assert "Not ready to call" not in content
    assert reverse("decisions:call_print", args=[call_decision.pk]) in content
    assert reverse("decisions:call_ics", args=[call_decision.pk]) in content


@pytest.mark.usefixtures("call_ready")
def test_a_plan_without_a_time_is_not_ready_even_when_every_check_is_done(
    alice_client, call_decision, call_plan
):
    call_plan.scheduled_at = None
    call_plan.save()
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "Not ready to call" in content
    assert "a time for the call" in content


def test_the_page_says_by_when_to_call(alice_client, call_decision):
    call_decision.decided_at = datetime.datetime(2026, 11, 26, 12, tzinfo=datetime.UTC)
    call_decision.save()
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "Call by <strong>Monday 30 November</strong>" in content
    content = alice_client.get(_section(call_decision, "when")).content.decode()
    assert "You recorded your decision on Thursday 26 November" in content
    assert "Call by <strong>Monday 30 November</strong>" in content


def test_a_call_planned_after_two_working_days_is_flagged_with_why(
    alice_client, call_decision, call_plan
):
    call_plan.scheduled_at = timezone.now() + datetime.timedelta(days=10)
    call_plan.save()
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "two working days after your decision" in content
    assert "This is after" in content
    assert "Every day you wait costs them more" in content


def test_a_prompt_call_is_not_flagged(alice_client, call_decision, call_plan):
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "Every day you wait" not in content


def test_an_unplanned_call_past_its_two_working_days_is_flagged(alice_client, call_decision):
    call_decision.decided_at = timezone.now() - datetime.timedelta(days=10)
    call_decision.save()
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "has passed: call as soon as you can" in content


def test_a_decision_that_does_not_back_out_gets_an_explanation(alice_client, alice, call_new):
    committed = make_offer(alice, company="Stay Co", status=Offer.Status.SIGNED)
    staying = make_decision(
        alice, [committed, call_new], chosen_offer=committed, decided_at=timezone.now()
    )
    response = alice_client.get(_url(staying))
    assert response.status_code == 200
    assert "No call to plan for this decision" in response.content.decode()
    assert "you chose to keep your commitment to Stay Co" in response.content.decode()
    assert not CallPlan.objects.exists()


def test_an_undecided_decision_gets_an_explanation(alice_client, alice, call_committed, call_new):
    draft = make_decision(alice, [call_committed, call_new])
    content = alice_client.get(_url(draft)).content.decode()
    assert "You have not recorded a choice" in content


# Saving the plan ---------------------------------------------------------------------------------


def test_saving_one_part_creates_the_plan_with_the_drafts_of_the_rest(
    alice_client, alice, call_decision, call_manager
):
    when = _tomorrow()
    data = _data(alice, call_manager, when)
    response = alice_client.post(_section(call_decision, "when"), data)
    assert response.status_code == 302
    assert response.url == _url(call_decision) + "#when"
    plan = CallPlan.objects.get(decision=call_decision)
    assert plan.contact == call_manager
    assert plan.scheduled_at == when.replace(second=0, microsecond=0)
    assert plan.channel == CallPlan.Channel.PHONE
    # The words posted with it belong to another page: the drafts are kept.
    assert plan.opening.startswith("Hello Morgan") and plan.news != data["news"]
    answers = {a.reaction: a.answer for a in plan.answers.all()}
    assert set(answers) == set(PreparedAnswer.Reaction.values)
    assert answers["why"] != "My answer when they ask why"
    page = alice_client.get(response.url).content.decode()
    assert "Your call plan is saved." in page


def test_the_words_and_the_answers_are_saved_from_their_own_pages(
    alice_client, alice, call_decision, call_plan
):
    response = alice_client.post(_section(call_decision, "words"), _data(alice))
    assert response.url == _url(call_decision) + "#script"
    response = alice_client.post(_section(call_decision, "answers"), _data(alice))
    assert response.url == _url(call_decision) + "#answers"
    call_plan.refresh_from_db()
    assert call_plan.news == "I will not be joining Northwind Freight after all."
    answers = {a.reaction: a.answer for a in call_plan.answers.all()}
    assert set(answers) == set(PreparedAnswer.Reaction.values)
    assert answers["why"] == "My answer when they ask why"
    page = alice_client.get(_url(call_decision)).content.decode()
    assert "I will not be joining Northwind Freight after all." in page
    assert "My answer when they ask why" in page


def test_saving_again_updates_the_plan_and_its_answers_in_place(
    alice_client, alice, call_decision, call_plan, call_recruiter
):
    data = _data(alice, call_recruiter, call_plan.scheduled_at, answer_anger="Breathe. Apologise.")
    alice_client.post(_section(call_decision, "when"), data)
    alice_client.post(_section(call_decision, "answers"), data)
    call_plan.refresh_from_db()
    assert call_plan.contact == call_recruiter
    assert call_plan.answers.count() == 5
    assert call_plan.answers.get(reaction="anger").answer == "Breathe. Apologise."


def test_empty_script_sections_are_fine(alice_client, alice, call_decision):
    data = _data(alice, opening="", news="", reason="", apology="", help_offer="", closing="")
    assert alice_client.post(_section(call_decision, "words"), data).status_code == 302
    assert CallPlan.objects.get().opening == ""


def test_a_time_is_read_in_the_users_own_time_zone(alice_client, alice, call_decision):
    alice.time_zone = "Europe/Paris"
    alice.save()
    day = (timezone.now() + datetime.timedelta(days=3)).date()
    alice_client.post(_section(call_decision, "when"), _data(alice, scheduled_at=f"{day}T10:00"))
    expected = datetime.datetime.combine(
        day, datetime.time(10), tzinfo=zoneinfo.ZoneInfo("Europe/Paris")
    )
    assert CallPlan.objects.get().scheduled_at == expected


def test_choosing_email_keeps_the_choice_and_explains_why_to_call(
    alice_client, alice, call_decision
):
    alice_client.post(_section(call_decision, "when"), _data(alice, channel="email"))
    assert CallPlan.objects.get().channel == CallPlan.Channel.EMAIL
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "Please call rather than write" in content
    assert "live conversation" in content
    assert "short e-mail" in content


def test_phone_is_the_default_and_gets_no_warning(alice_client, call_decision):
    content = alice_client.get(_section(call_decision, "when")).content.decode()
    assert re.search(r'name="channel" value="phone"[^>]*checked', content)
    assert "Please call rather than write" not in content
    assert (
        "Please call rather than write"
        not in alice_client.get(_url(call_decision)).content.decode()
    )


# Bad input ---------------------------------------------------------------------------------------


def _fill(plan, start, stop):
    Referral.objects.bulk_create(
        Referral(call_plan=plan, name=f"Person {i}", how_to_reach=f"p{i}@example.com")
        for i in range(start, stop)
    )
    FollowUp.objects.bulk_create(
        FollowUp(call_plan=plan, text=f"Task {i}", due_on=datetime.date(2026, 12, 1))
        for i in range(start, stop)
    )


def test_the_page_takes_the_same_queries_with_1_and_30_referrals_and_follow_ups(
    alice_client, call_decision, call_plan, django_assert_num_queries
):
    _fill(call_plan, 0, 1)
    with CaptureQueriesContext(connection) as small:
        assert alice_client.get(_url(call_decision)).status_code == 200
    _fill(call_plan, 1, 30)
    with django_assert_num_queries(len(small.captured_queries)):
        content = alice_client.get(_url(call_decision)).content.decode()
    assert "Person 29" in content and "Task 29" in content


@pytest.mark.usefixtures("call_ready")
def test_a_refused_save_saves_nothing_and_the_plan_stays_not_ready(
    alice_client, alice, call_decision
):
    data = _data(alice, scheduled_at="soon")
    data["contact"] = call_decision.committed_offer.contacts.first().pk
    content = _error_page(alice_client.post(_section(call_decision, "when"), data))
    assert 'href="#id_scheduled_at"' in content
    assert not CallPlan.objects.exists()
    assert "Not ready to call" in alice_client.get(_url(call_decision)).content.decode()


def test_two_windows_saving_a_new_plan_at_once_keep_the_first_and_say_so(
    alice_client, alice, call_decision, call_plan, call_manager, monkeypatch
):
    # The second window read the page before the first one's save had created the plan.
    monkeypatch.setattr("decisions.call.plans.saved_plan", lambda decision: None)
    response = alice_client.post(
        _section(call_decision, "words"), _data(alice, news="Second window")
    )
    assert response.status_code == 302
    assert CallPlan.objects.filter(decision=call_decision).count() == 1
    call_plan.refresh_from_db()
    assert call_plan.news != "Second window"
    page = alice_client.get(response.url)
    assert "saved in another window at the same moment" in page.content.decode()


def test_adding_a_referral_while_another_window_creates_the_plan_uses_that_plan(
    alice_client, call_decision, call_plan, monkeypatch
):
    monkeypatch.setattr("decisions.call.plans.saved_plan", lambda decision: None)
    response = alice_client.post(
        reverse("decisions:add_referral", args=[call_decision.pk]),
        {"referral-name": "Sam Ortiz"},
    )
    assert response.status_code == 302
    assert CallPlan.objects.filter(decision=call_decision).count() == 1
    assert call_plan.referrals.get().name == "Sam Ortiz"


# The contact pickers: the employer's people for the employer's call, the agency's for the agency's


def _options(content: str, field: str) -> str:
    start = content.index(f'name="{field}"')
    return content[start : content.index("</select>", start)]


def test_the_employer_picker_offers_no_agency_contact_and_the_agency_picker_only_agency_ones(
    alice_client, call_decision, call_committed, call_manager, call_recruiter
):
    call_committed.agency_name = "Talent Bridge"
    call_committed.save()
    agent = make_contact(call_committed, name="Ari Cole", role=Contact.Role.AGENCY)
    content = alice_client.get(_section(call_decision, "when")).content.decode()
    employer, agency = _options(content, "contact"), _options(content, "agency_contact")
    assert "Morgan Lee" in employer and "Sam Ortiz" in employer
    assert "Ari Cole" not in employer
    assert "Ari Cole" in agency
    assert "Morgan Lee" not in agency and "Sam Ortiz" not in agency
    assert f'value="{agent.pk}"' in agency


def test_an_agency_contact_posted_for_the_employer_call_is_refused(
    alice_client, alice, call_decision, call_committed
):
    call_committed.agency_name = "Talent Bridge"
    call_committed.save()
    agent = make_contact(call_committed, name="Ari Cole", role=Contact.Role.AGENCY)
    content = _error_page(alice_client.post(_section(call_decision, "when"), _data(alice, agent)))
    assert "Agency contacts are chosen for the agency’s call" in content
    assert not CallPlan.objects.exists()


def test_the_employers_manager_posted_for_the_agency_call_is_refused(
    alice_client, alice, call_decision, call_committed, call_manager
):
    call_committed.agency_name = "Talent Bridge"
    call_committed.save()
    data = _data(alice, call_manager, _tomorrow(), agency_contact=call_manager.pk)
    content = _error_page(alice_client.post(_section(call_decision, "when"), data))
    assert "Choose one of Talent Bridge’s people recorded on the offer" in content
    assert not CallPlan.objects.exists()


def test_without_an_agency_contact_the_agency_picker_says_so_and_links_to_add_one(
    alice_client, call_decision, call_committed
):
    call_committed.agency_name = "Talent Bridge"
    call_committed.save()
    content = alice_client.get(_section(call_decision, "when")).content.decode()
    assert "No one from Talent Bridge is recorded yet" in content
    assert f'href="/offers/{call_committed.pk}/#contacts">Add the agency’s contact' in content
    assert "Nobody recorded yet</option>" in _options(content, "agency_contact")


def test_another_users_agency_contact_is_refused(alice_client, alice, bob, call_decision):
    call_decision.committed_offer.agency_name = "Talent Bridge"
    call_decision.committed_offer.save()
    bobs = make_contact(
        make_offer(bob, status=Offer.Status.SIGNED), name="Bob's Agent", role=Contact.Role.AGENCY
    )
    data = _data(alice, agency_contact=bobs.pk)
    content = _error_page(alice_client.post(_section(call_decision, "when"), data))
    assert "Choose one of Talent Bridge’s people" in content
    assert not CallPlan.objects.exists()


# By when to act, and words that match the facts --------------------------------------------------


def test_while_the_new_offer_awaits_an_answer_the_plan_leads_with_its_deadline_and_the_steps(
    alice_client, call_decision, call_new
):
    deadline = timezone.localdate()
    call_new.respond_by = deadline
    call_new.save()
    content = alice_client.get(_url(call_decision)).content.decode()
    day = f"{deadline:%A} {deadline.day} {deadline:%B}"
    heading = f"Answer Bluebird Health by {day}"
    assert heading in content
    # The deadline comes before the checklist, and the steps come in the order that protects.
    assert content.index(heading) < content.index("Before you tell Northwind Freight")
    in_writing = content.index("Get Bluebird Health’s offer in writing")
    accept = content.index("Accept Bluebird Health’s offer in writing")
    call = content.index('data-step="call"')
    assert in_writing < accept < call
    assert reverse("decisions:accept_new_offer", args=[call_decision.pk]) in content
    assert f"Answer by {day}." in content
    # The call is due by the deadline, never later.
    assert f"Call by <strong>{day}</strong>: Bluebird Health needs your answer" in content


def test_once_accepted_the_step_shows_its_date_and_the_deadline_no_longer_leads(
    alice_client, call_decision, call_new
):
    call_new.respond_by = timezone.localdate()
    call_new.status, call_new.accepted_on = Offer.Status.ACCEPTED, timezone.localdate()
    call_new.save()
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "Answer Bluebird Health by" not in content
    assert "You accepted it on" in content
    assert "I have accepted another position" in content


def test_the_stage_decides_the_words_accepted_is_not_signed(
    alice_client, call_decision, call_committed
):
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "The terms you signed with Northwind Freight" in content
    call_committed.status = Offer.Status.ACCEPTED
    call_committed.save()
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "you signed" not in content
    assert "The terms you agreed with Northwind Freight" in content


def test_money_never_paid_is_never_mentioned_in_the_drafts(
    alice_client, call_decision, call_committed
):
    # Accepted, not signed, starting in two weeks: the 5,000 is paid on the first day.
    call_committed.status = Offer.Status.ACCEPTED
    call_committed.start_date = timezone.localdate() + datetime.timedelta(days=14)
    call_committed.repayment_paid = Offer.RepaymentPaid.ON_START
    call_committed.repayment_until = call_committed.start_date + datetime.timedelta(days=365)
    call_committed.save()
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "5,000" not in content
    assert "I will repay" not in content and "I owe" not in content
    assert "nothing is owed under your repayment clause" in content
    assert "Nothing has been paid to me yet, so there is nothing to return." in content
