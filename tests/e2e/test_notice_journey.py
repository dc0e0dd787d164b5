"""A person in Berlin who signed, with four weeks' notice to the 15th or the end of a month, and a
new offer starting in three weeks: the app shows the clash and plans the call, then the letter.

The promises part of this journey (a remote day promised by phone, asked for in writing before
accepting) belongs to the promises log: it adds its steps where the hook below says."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from decisions.models import NoticeLetter
from offers.models import Contact, LeavingTerms, Offer
from tests.factories import make_contact, make_decision, make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def berlin():
    today = timezone.localdate()
    alice = make_user("alice", time_zone="Europe/Berlin", first_name="Alex", last_name="Brandt")
    signed = make_offer(
        alice,
        company="Spree Werk",
        role="Data Engineer",
        location="Berlin",
        currency="EUR",
        base_salary=Decimal("68000"),
        status=Offer.Status.SIGNED,
        accepted_on=today - datetime.timedelta(days=40),
        start_date=today - datetime.timedelta(days=240),
    )
    new = make_offer(
        alice,
        company="Havel Labs",
        role="Senior Data Engineer",
        location="Berlin",
        currency="EUR",
        base_salary=Decimal("82000"),
        received_on=today - datetime.timedelta(days=1),
        respond_by=today + datetime.timedelta(days=5),
        start_date=today + datetime.timedelta(days=21),
    )
    make_contact(signed, name="Morgan Lee", role=Contact.Role.HIRING_MANAGER)
    decision = make_decision(alice, [signed, new], chosen_offer=new, decided_at=timezone.now())
    return alice, signed, new, decision


def test_the_berlin_case_shows_the_clash_and_plans_the_call_then_the_letter(
    live_server, page, log_in, screenshot, berlin
):
    alice, signed, new, decision = berlin
    log_in(alice)

    # The clauses, entered on the offer's own section; the country is guessed from Berlin.
    page.goto(f"{live_server.url}/offers/{signed.pk}/")
    page.get_by_role("link", name="Add the leaving terms").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leaving terms")
    expect(page.locator("#id_country")).to_have_value("DE")
    page.locator("#id_notice_amount").fill("4")
    page.locator("#id_notice_unit").select_option("weeks")
    page.locator("#id_notice_to").select_option("mid_or_end")
    page.locator("#id_probation_months").fill("13")
    page.get_by_role("button", name="Save changes").click()
    # Bad input: the message next to the field, nothing saved.
    expect(page.locator(".invalid-feedback, .text-danger").first).to_contain_text(
        "Probation can be at most 12 months long."
    )
    assert not LeavingTerms.objects.exists()
    page.locator("#id_probation_months").fill("6")
    page.locator("#id_probation_notice_amount").fill("2")
    screenshot(page, "notice-leaving-terms-form")
    page.get_by_role("button", name="Save changes").click()

    clauses = page.locator("#leaving")
    expect(clauses).to_contain_text("Four weeks to the 15th or the end of a month")
    expect(clauses).to_contain_text("you would be free from")
    expect(clauses).to_contain_text("How backing out usually works in Germany")
    expect(clauses).to_contain_text("Check with a lawyer")
    clauses.scroll_into_view_if_needed()
    screenshot(page, "notice-offer-clauses")

    # The timeline: free only after Havel Labs wants them to start.
    page.goto(f"{live_server.url}/offers/timeline/")
    clash = page.locator("#notice-clash-1")
    expect(clash).to_contain_text("Havel Labs wants you to start on")
    expect(clash.get_by_role("link", name="Ask Havel Labs to start later")).to_be_visible()
    screenshot(page, "notice-clash")

    # The call plan: the call first, then the letter; the clash and the cited note beside them.
    page.goto(f"{live_server.url}/decisions/{decision.pk}/call/")
    steps = page.locator("[data-steps] > li")
    names = [steps.nth(i).get_attribute("data-step") for i in range(steps.count())]
    assert names[-2:] == ["call", "letter"]
    # Hook for the promises log: its gate item ("everything you were promised that matters is
    # in writing") comes before the call, among the readiness steps.
    notice = page.locator("#notice")
    expect(notice).to_contain_text("before you are free")
    expect(notice.get_by_role("link", name="Ask Havel Labs to start later")).to_be_visible()
    notice.get_by_text("Read the note on leaving a job in Germany").click()  # opens on demand
    expect(notice.get_by_role("link", name="Bürgerliches Gesetzbuch (BGB) §622")).to_be_visible()

    screenshot(page, "notice-call-plan")
    page.get_by_role("link", name="Your drafted letter, ready to print").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm in writing")
    letter = page.locator("[data-letter]")
    expect(letter).to_contain_text("Dear Morgan Lee,")
    expect(letter).to_contain_text("four weeks to the 15th or the end of a month")
    expect(letter).to_contain_text("Alex Brandt")
    screenshot(page, "notice-letter")
    page.get_by_role("button", name="Record that I sent it").click()
    expect(page.locator('[data-step="letter"]')).to_have_attribute("data-state", "done")
    assert NoticeLetter.objects.filter(decision=decision).exists()

    # From the clash, ask Havel Labs to start after the notice ends; they say yes.
    page.goto(f"{live_server.url}/offers/timeline/")
    page.locator("#notice-clash-1").get_by_role(
        "link", name="Ask Havel Labs to start later"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask Havel Labs to start later")
    asked = page.locator("#id_requested_date").input_value()
    expect(page.locator("#id_script")).to_contain_text("My notice period at my current job ends on")
    screenshot(page, "notice-ask-start-later")
    page.get_by_role("button", name="Save this conversation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A later start at Havel Labs")
    page.get_by_label("Yes, I can start on a later date").check()
    expect(page.locator("#id_new_date")).to_have_value(asked)
    page.get_by_role("button", name="Save their answer").click()
    expect(page.get_by_text("Their answer is recorded")).to_be_visible()
    new.refresh_from_db()
    assert new.start_date.isoformat() == asked
    screenshot(page, "notice-start-later-answered")
    page.goto(f"{live_server.url}/offers/timeline/")
    expect(page.get_by_role("link", name="Asked Havel Labs to start later")).to_be_visible()
    expect(page.get_by_text("Havel Labs wants you to start on")).to_have_count(0)
    screenshot(page, "notice-clash-gone")
