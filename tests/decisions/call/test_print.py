"""The printable script: /decisions/<id>/call/print/."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from decisions.models import CallPlan, Referral
from offers.models import Offer
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db


def _url(decision):
    return reverse("decisions:call_print", args=[decision.pk])


def test_the_owner_gets_one_clean_page_with_script_contact_referrals_and_answers(
    alice_client, call_decision, call_plan
):
    Referral.objects.create(call_plan=call_plan, name="Dana Kim", why_they_fit="Built the same")
    response = alice_client.get(_url(call_decision))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "Call Morgan Lee at Northwind Freight" in content
    assert 'href="tel:+1 555 0142"' in content
    assert "Hello Morgan, thank you for taking my call." in content
    assert "Dana Kim" in content and "Built the same" in content
    assert "Answer to They ask why" in content
    # No site navigation or footer on the printed page.
    assert 'aria-label="Main"' not in content
    assert "site-footer" not in content


def test_empty_sections_are_left_out_of_the_print(alice_client, call_decision, call_plan):
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "The apology" not in content
    assert "The news" in content


def test_before_the_plan_is_saved_the_draft_is_printed_and_nothing_is_written(
    alice_client, call_decision
):
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "Hello Morgan" in content
    assert "will not be joining Northwind Freight" in content
    assert not CallPlan.objects.exists()


def test_a_decision_that_does_not_back_out_has_no_script(alice_client, alice, call_new):
    committed = make_offer(alice, company="Stay Co", status=Offer.Status.SIGNED)
    staying = make_decision(alice, [committed, call_new], chosen_offer=committed)
    assert alice_client.get(_url(staying)).status_code == 404


def test_the_print_takes_the_same_queries_with_1_and_30_referrals(
    alice_client, call_decision, call_plan, django_assert_num_queries
):
    Referral.objects.create(call_plan=call_plan, name="Person 0")
    with CaptureQueriesContext(connection) as small:
        alice_client.get(_url(call_decision))
    Referral.objects.bulk_create(
        Referral(call_plan=call_plan, name=f"Person {i}") for i in range(1, 30)
    )
    with django_assert_num_queries(len(small.captured_queries)):
        content = alice_client.get(_url(call_decision)).content.decode()
    assert "Person 29" in content


# Not ready at the top, a Print button, the date printed, room for notes, money only when owed --


def test_the_print_says_not_ready_at_the_top_while_checks_are_open(
    alice_client, call_decision, call_plan
):
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "Not ready to call." in content
    assert content.index("Not ready to call.") < content.index("<h1")
    # The steps come with the warning, each in its state; whom and when are set.
    note = content.split('class="call-print-steps call-print-not-ready"')[1].split("</div>")[0]
    assert 'data-step="terms_reviewed" data-state="open"' in note
    assert "Have your terms with Northwind Freight legally reviewed" in note
    assert "Still missing" not in note


def test_without_a_time_the_print_says_so_beside_the_steps(alice_client, call_decision, call_plan):
    call_plan.scheduled_at = None
    call_plan.save()
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "<strong>Not ready to call.</strong> Still missing: a time for the call.</p>" in content


def test_the_print_keeps_accepting_first_while_it_is_open(
    alice_client, call_decision, call_plan, call_ready
):
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "<strong>Not ready to call.</strong>" in content
    accept = content.split('data-step="new_offer_accepted"')[1].split("</li>")[0]
    assert 'data-state="open"' in accept
    assert 'Not yet</span> <span class="step-text">Accept Bluebird Health’s offer' in accept


def test_a_ready_plan_prints_without_the_warning(
    alice_client, call_decision, call_plan, call_ready, call_accepted
):
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "Not ready to call" not in content and "call-print-not-ready" not in content
    assert content.count('data-state="done"') == 6


def test_the_print_has_a_print_button_the_date_printed_and_room_for_notes(
    alice_client, call_decision, call_plan
):
    from django.utils import timezone

    content = alice_client.get(_url(call_decision)).content.decode()
    # The button works through a static script the CSP allows; hidden until it runs, with the
    # browser's own command explained for anyone without JavaScript.
    assert 'src="/static/js/print.js"' in content
    assert "data-print-button hidden>Print</button>" in content
    assert "use your browser’s Print command" in content
    assert "<script>" not in content
    today = timezone.localdate()
    assert (
        f'<dt>Printed on</dt>\n      <dd class="call-print-date">{today:%A} {today.day} '
        f"{today:%B %Y}</dd>" in content
    )
    assert "Notes during the call" in content
    assert content.count('class="call-print-line"') == 4


def test_the_print_names_the_amount_owed_on_the_day_of_the_call_and_nothing_before_payment(
    alice_client, call_decision, call_plan, call_committed
):
    import datetime

    from django.utils import timezone

    # Signed, with 5,000 paid on signing and repayable until 2027: owed on the day of the call.
    call_committed.repayment_paid = Offer.RepaymentPaid.ON_SIGNING
    call_committed.save()
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "To pay back" in content and "USD 5,000 if you leave on" in content
    # Paid on the first day, which is still to come: nothing owed, and no word of it.
    call_committed.repayment_paid = Offer.RepaymentPaid.ON_START
    call_committed.start_date = timezone.localdate() + datetime.timedelta(days=30)
    call_committed.save()
    content = alice_client.get(_url(call_decision)).content.decode()
    assert "To pay back" not in content and "5,000" not in content
