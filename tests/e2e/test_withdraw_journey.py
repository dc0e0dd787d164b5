"""Accepting the better offer from the call plan while a third is on its way: the same warning as
the offer form, a ticked choice to go ahead, then a polite withdrawal from the third company."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from offers.models import Offer
from tests.factories import make_decision, make_user
from tests.offers.conftest import three_offers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def the_case():
    """Started in Prague, chose Grachten Data (Amsterdam), Moldau Bank expected in nine days."""
    alice = make_user("alice", time_zone="Europe/Prague")
    prague, amsterdam, moldau = three_offers(alice, timezone.localdate())
    decision = make_decision(
        alice, [prague, amsterdam], chosen_offer=amsterdam, decided_at=timezone.now()
    )
    return alice, decision, amsterdam, moldau


def test_accept_from_the_call_plan_despite_a_third_offer_then_withdraw_from_it(
    live_server, page, log_in, screenshot, the_case
):
    alice, decision, amsterdam, moldau = the_case
    log_in(alice)
    page.goto(f"{live_server.url}/decisions/{decision.pk}/call/")
    page.get_by_role("link", name="Record that you accepted").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Record that you accepted Grachten Data’s offer"
    )
    # The same warning as the offer form's, before anything is recorded.
    expect(page.get_by_text("You expect an offer from Moldau Bank on")).to_be_visible()
    for box in page.get_by_role("checkbox").all():
        if "anyway" not in (box.get_attribute("name") or ""):
            box.check()
    page.get_by_role("button", name="Record that I accepted").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(
        page.get_by_role("link", name="Tick this box to accept anyway, or ask for more time first.")
    ).to_be_visible()
    screenshot(page, "call-plan-accept-warning")
    amsterdam.refresh_from_db()
    assert amsterdam.status == Offer.Status.RECEIVED

    page.get_by_label("I understand: accept this offer anyway").check()
    page.get_by_role("button", name="Record that I accepted").click()
    expect(page.get_by_text("Recorded: you accepted Grachten Data’s offer.")).to_be_visible()
    amsterdam.refresh_from_db()
    assert amsterdam.status == Offer.Status.ACCEPTED
    assert amsterdam.accepted_despite_expected_offer == moldau

    # The dashboard now says to withdraw, never "if you stay".
    page.goto(f"{live_server.url}/")
    expect(page.get_by_text("If you stay, tell Moldau Bank promptly")).to_have_count(0)
    screenshot(page, "dashboard-withdraw-step")
    page.get_by_role("link", name="Tell Moldau Bank you are withdrawing").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tell Moldau Bank you are withdrawing"
    )
    message = page.get_by_label("What you told them")
    draft = message.input_value()
    assert draft.startswith("Hello Pat Novak,")
    assert "Grachten Data" not in draft
    screenshot(page, "withdraw-page")

    # Naming the new employer needs the box.
    message.fill("Hello Pat, thank you. I have accepted a role at Grachten Data.")
    page.get_by_role("button", name="Record that I told them").click()
    expect(page.get_by_role("link", name="Name my new employer (Grachten Data)")).to_be_visible()
    screenshot(page, "withdraw-page-error")
    message.fill("Hello Pat, thank you for your time. I have accepted another position.")
    page.get_by_role("button", name="Record that I told them").click()
    expect(page.get_by_text("Recorded: you told Moldau Bank you are withdrawing.")).to_be_visible()
    moldau.refresh_from_db()
    assert moldau.status == Offer.Status.DECLINED

    page.goto(f"{live_server.url}/offers/timeline/")
    expect(page.get_by_text("Tell Moldau Bank you are withdrawing")).to_have_count(0)
