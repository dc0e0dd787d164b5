"""The call card: /decisions/<id>/call/card/, the plan in one hand during the call."""

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from decisions.call.card import CARD_WORDS, first_sentence, short_script
from decisions.models import CallPlan, Referral
from offers.models import Offer
from tests.factories import make_contact, make_decision, make_offer

pytestmark = pytest.mark.django_db


def _url(decision):
    return reverse("decisions:call_card", args=[decision.pk])


def _html(client, decision) -> str:
    response = client.get(_url(decision))
    assert response.status_code == 200
    return response.content.decode()


def test_the_card_puts_whom_the_number_and_the_first_sentence_before_anything_else(
    alice_client, call_decision, call_plan
):
    content = _html(alice_client, call_decision)
    assert content.count("<h1") == 1
    h1 = content.index("<h1")
    assert "Call Morgan Lee" in content[h1 : h1 + 200]
    assert "Hiring manager, Northwind Freight" in content
    dial = content.index('href="tel:+1 555 0142"')
    first = content.index("Hello Morgan, thank you for taking my call.")
    answers = content.index("If they…")
    assert h1 < dial < first < answers
    assert "I will not be joining Northwind Freight after all." in content
    assert "Record how the call went" in content
    assert reverse("decisions:call_log", args=[call_decision.pk]) in content


def test_every_prepared_answer_opens_from_its_question(alice_client, call_decision, call_plan):
    content = _html(alice_client, call_decision)
    assert content.count('<details class="call-card-answer">') == 5
    assert "<summary>They ask why</summary>" in content
    assert "Answer to They ask why" in content


def test_the_card_says_not_ready_at_the_top_while_checks_are_open(
    alice_client, call_decision, call_plan
):
    content = _html(alice_client, call_decision)
    assert "Not ready to call." in content
    assert content.index("Not ready to call.") < content.index("<h1")


@pytest.mark.usefixtures("call_ready", "call_accepted")
def test_a_ready_plan_has_no_not_ready_banner(alice_client, call_decision, call_plan):
    content = _html(alice_client, call_decision)
    assert "Not ready to call" not in content


def test_the_draft_card_writes_nothing(alice_client, call_decision):
    content = _html(alice_client, call_decision)
    assert "Call Morgan Lee" in content
    assert "Someone to call" not in content and "A time for the call" in content
    assert not CallPlan.objects.exists()


def test_referrals_and_the_agency_call_are_on_the_card(alice_client, call_decision, call_plan):
    Referral.objects.create(call_plan=call_plan, name="Dana Kim", why_they_fit="Built the same")
    committed = call_decision.committed_offer
    committed.agency_name = "Bridge Talent"
    committed.save()
    agent = make_contact(committed, name="Ray Park", role="agency", phone="+1 555 0777")
    call_plan.agency_contact = agent
    call_plan.save()
    content = _html(alice_client, call_decision)
    assert "Dana Kim" in content and "Built the same" in content
    assert "Then call the agency, Bridge Talent" in content
    assert 'href="tel:+1 555 0777"' in content
    assert content.index('href="tel:+1 555 0142"') < content.index('href="tel:+1 555 0777"')


def test_a_long_script_is_shortened_with_a_note_and_the_news_is_always_kept(
    alice_client, call_decision, call_plan
):
    call_plan.logistics = "word " * 150
    call_plan.apology = "I am sorry."
    call_plan.save()
    content = _html(alice_client, call_decision)
    assert "I am sorry." in content
    assert "I will not be joining Northwind Freight after all." in content
    assert "word word" not in content
    assert "Left out here: logistics" in content
    assert reverse("decisions:call_print", args=[call_decision.pk]) in content


def test_the_short_script_keeps_parts_within_the_limit_in_script_order():
    parts = {
        "opening": ("opening", "Hello there."),
        "news": ("the news", "I am not coming."),
        "reason": ("the reason", "x " * (CARD_WORDS - 5)),
        "apology": ("the apology", "Sorry."),
        "closing": ("closing", "Thanks."),
    }
    short = short_script(parts)
    assert [name for name, _, _ in short["card_script"]] == [
        "opening",
        "news",
        "apology",
        "closing",
    ]
    assert short["left_out"] == ["the reason"]
    assert short["card_words"] == 8


def test_first_sentence_splits_after_the_first_full_stop():
    assert first_sentence("Hello Morgan, thanks. I also want to thank you.") == (
        "Hello Morgan, thanks.",
        "I also want to thank you.",
    )
    assert first_sentence("No stop at all") == ("No stop at all", "")


def test_another_users_decision_is_a_404(charlie_client, call_decision, call_plan):
    assert charlie_client.get(_url(call_decision)).status_code == 404


def test_a_decision_that_does_not_back_out_has_no_card(alice_client, alice, call_new):
    committed = make_offer(alice, company="Stay Co", status=Offer.Status.SIGNED)
    staying = make_decision(alice, [committed, call_new], chosen_offer=committed)
    assert alice_client.get(_url(staying)).status_code == 404


def test_the_card_asks_to_log_in(client, call_decision):
    response = client.get(_url(call_decision))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_card_takes_the_same_queries_with_1_and_30_referrals(
    alice_client, call_decision, call_plan, django_assert_num_queries
):
    Referral.objects.create(call_plan=call_plan, name="Person 0")
    with CaptureQueriesContext(connection) as small:
        alice_client.get(_url(call_decision))
    Referral.objects.bulk_create(
        Referral(call_plan=call_plan, name=f"Person {i}") for i in range(1, 30)
    )
    with django_assert_num_queries(len(small.captured_queries)):
        content = _html(alice_client, call_decision)
    assert "Person 29" in content


def test_the_plan_links_to_the_card(alice_client, call_decision, call_plan):
    plan = alice_client.get(reverse("decisions:call", args=[call_decision.pk])).content.decode()
    assert _url(call_decision) in plan


def test_the_dashboards_calls_to_make_open_the_card_in_one_tap(
    alice_client, call_decision, call_plan
):
    content = alice_client.get(reverse("home")).content.decode()
    assert f'href="{_url(call_decision)}"' in content


def test_the_calendar_event_opens_the_card_and_names_it_first(
    alice_client, call_decision, call_plan
):
    response = alice_client.get(reverse("decisions:call_ics", args=[call_decision.pk]))
    [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["URL"]).endswith(_url(call_decision))
    description = str(event["DESCRIPTION"])
    assert (
        f"Your call card (number, opening words, answers): http://testserver{_url(call_decision)}"
        in description
    )
    assert description.index("call card") < description.index("Your script")


def test_a_call_made_says_so_at_the_top_instead_of_not_ready(
    alice_client, call_decision, call_plan
):
    call_plan.done_at = timezone.now()
    call_plan.save()
    content = _html(alice_client, call_decision)
    assert "You made this call on" in content
    assert "Not ready to call" not in content
