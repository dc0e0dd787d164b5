"""Where the law or the contract says notice is given in writing, the plan ends with "Confirm in
writing": a drafted letter on a printable page, logged once sent. Elsewhere, no such step."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from decisions.call import steps
from decisions.call.readiness import ACCEPT_FIRST, CHECK_NAMES, PROMISES_IN_WRITING
from decisions.models import CallPlan, NoticeLetter
from offers.models import LeavingTerms
from tests.decisions.helpers import url

pytestmark = pytest.mark.django_db


def _names(client, decision) -> list[str]:
    content = client.get(url("call", decision)).content.decode()
    return [name for name in ("call", "letter") if f'data-step="{name}"' in content]


@pytest.mark.parametrize(
    ("country", "in_writing", "has_letter"),
    [
        ("DE", False, True),  # the country note says so
        ("GB", False, False),  # the note does not, nor the contract
        ("GB", True, True),  # the contract does
        ("", False, False),
        ("JP", False, False),  # no note at all
    ],
)
def test_the_letter_step_appears_only_where_the_note_or_the_contract_calls_for_it(
    alice_client, call_decision, call_committed, country, in_writing, has_letter
):
    LeavingTerms.objects.create(offer=call_committed, country=country, notice_in_writing=in_writing)
    assert _names(alice_client, call_decision) == (["call", "letter"] if has_letter else ["call"])


def test_without_leaving_terms_the_plan_ends_with_the_call(alice_client, call_decision):
    assert _names(alice_client, call_decision) == ["call"]


def test_the_letter_comes_last_and_never_keeps_you_from_calling(call_committed, call_new):
    LeavingTerms.objects.create(offer=call_committed, country="DE")
    call_committed.refresh_from_db()
    ordered = steps.call_steps(call_committed, call_new, {}, call_done=False)
    assert [s.name for s in ordered] == [
        *CHECK_NAMES,
        PROMISES_IN_WRITING,
        ACCEPT_FIRST,
        steps.CALL,
        steps.LETTER,
    ]
    assert not ordered[-1].keeps_from_calling
    assert steps.LETTER not in [s.name for s in steps.before_the_call(ordered)]


@pytest.fixture
def german_terms(call_committed):
    call_committed.start_date = timezone.localdate() + datetime.timedelta(days=60)
    call_committed.save()
    return LeavingTerms.objects.create(
        offer=call_committed, country="DE", notice_amount=4, notice_unit="weeks",
        notice_to="mid_or_end",
    )  # fmt: skip


def test_the_letter_page_drafts_the_date_the_notice_the_last_day_and_thanks(
    alice_client, call_decision, call_plan, german_terms
):
    page = alice_client.get(url("notice_letter", call_decision)).content.decode()
    assert "Dear Morgan Lee," in page
    assert "four weeks to the 15th or the end of a month" in page
    assert "my last day under the contract is" in page
    assert "Thank you for your trust" in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert f'href="{url("call", call_decision)}#steps"' in page


def test_recording_it_sent_logs_the_letter_and_marks_the_step_done(
    alice_client, call_decision, call_plan, german_terms
):
    today = timezone.localdate()
    response = alice_client.post(url("notice_letter_sent", call_decision), {"sent_on": today})
    assert response.status_code == 302
    letter = NoticeLetter.objects.get(decision=call_decision)
    assert letter.sent_on == today and "Thank you for your trust" in letter.text
    content = alice_client.get(url("call", call_decision)).content.decode()
    assert 'data-step="letter" data-state="done"' in content


def test_a_day_in_the_future_is_refused_and_nothing_is_logged(
    alice_client, call_decision, german_terms
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = alice_client.post(url("notice_letter_sent", call_decision), {"sent_on": tomorrow})
    assert response.status_code == 200
    assert "cannot be in the future" in response.content.decode()
    assert not NoticeLetter.objects.exists()


def test_another_users_letter_is_a_404_and_nothing_is_logged(client, bob, call_decision):
    client.force_login(bob)
    assert client.get(url("notice_letter", call_decision)).status_code == 404
    today = timezone.localdate()
    assert (
        client.post(url("notice_letter_sent", call_decision), {"sent_on": today}).status_code == 404
    )
    assert not NoticeLetter.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client, call_decision):
    response = client.get(url("notice_letter", call_decision))
    assert response.status_code == 302 and "login" in response.url


def test_logging_takes_a_post_with_csrf(alice, call_decision):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    assert browser.get(url("notice_letter_sent", call_decision)).status_code == 405
    today = timezone.localdate()
    assert (
        browser.post(url("notice_letter_sent", call_decision), {"sent_on": today}).status_code
        == 403
    )
    assert not NoticeLetter.objects.exists()


def test_the_call_plan_shows_the_free_day_and_the_clash_with_the_new_start(
    alice_client, call_decision, call_plan, call_new, german_terms
):
    call_new.start_date = timezone.localdate() + datetime.timedelta(days=7)
    call_new.save()
    page = alice_client.get(url("call", call_decision)).content.decode()
    assert "Your notice and your new start date" in page
    assert "you are free from" in page
    assert "before you are free" in page
    assert "How backing out usually works in Germany" in page
    assert reverse("offers:ask_start_later", args=[call_new.pk]) in page


# Query counts -------------------------------------------------------------------------------------


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["call", "call_print", "call_ics", "notice_letter"])
def test_the_pages_take_the_same_queries_with_or_without_terms_and_a_letter(
    alice_client, call_decision, call_plan, call_committed, name, django_assert_num_queries
):
    path = url(name, call_decision)
    expected = _count(alice_client, path)
    LeavingTerms.objects.create(offer=call_committed, country="DE", notice_amount=1)
    NoticeLetter.objects.create(
        decision=call_decision, sent_on=timezone.localdate(), text="Sent", logged_at=timezone.now()
    )
    with django_assert_num_queries(expected):
        alice_client.get(path)


def test_the_dashboard_takes_the_same_queries_with_letters_to_send(
    alice_client, alice, call_decision, django_assert_num_queries
):
    from offers.models import Offer
    from tests.factories import make_decision, make_offer

    expected = _count(alice_client, reverse("home"))
    for n in range(5):
        committed = make_offer(alice, company=f"Signed {n}", status=Offer.Status.SIGNED)
        LeavingTerms.objects.create(offer=committed, country="DE", notice_amount=4)
        new = make_offer(alice, company=f"Chosen {n}", base_salary=Decimal(1))
        decision = make_decision(
            alice, [committed, new], chosen_offer=new, decided_at=timezone.now()
        )
        CallPlan.objects.create(decision=decision, scheduled_at=timezone.now())
        if n % 2:
            NoticeLetter.objects.create(
                decision=decision, sent_on=timezone.localdate(), logged_at=timezone.now()
            )
    with django_assert_num_queries(expected):
        content = alice_client.get(reverse("home")).content.decode()
    assert content.count('data-step="letter"') == 5
