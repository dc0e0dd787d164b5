"""A remote day promised on a video call: noted on the offer, an open item in the call plan's
checks and a warning before accepting, then found in the written offer and ticked: done."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from offers.models import Contact, Promise
from tests.decisions.helpers import signed_job_with_a_bonus_to_repay
from tests.e2e.conftest import DESKTOP
from tests.factories import make_contact, make_decision, make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def the_case():
    """Alice signed with Northwind Freight, then chose Bluebird Health, whose recruiter promised
    a remote day a week on a video call."""
    alice = make_user("alice", time_zone="Europe/Berlin")
    committed = signed_job_with_a_bonus_to_repay(alice)
    new = make_offer(
        alice,
        company="Bluebird Health",
        role="Senior Data Engineer",
        received_on=timezone.localdate() - datetime.timedelta(days=3),
    )
    make_contact(committed, name="Morgan Lee", role=Contact.Role.HIRING_MANAGER)
    make_contact(new, name="Sam Ortiz", role=Contact.Role.RECRUITER)
    decision = make_decision(alice, [committed, new], chosen_offer=new, decided_at=timezone.now())
    return alice, decision, new


def _fits_in_320_pixels(page) -> bool:
    page.set_viewport_size({"width": 320, "height": 700})
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(DESKTOP)
    return width <= 320


def _promise_step(page):
    return page.locator('[data-step="promises_in_writing"]')


def test_a_promise_is_noted_checked_before_accepting_then_found_in_writing(
    live_server, page, log_in, screenshot, the_case
):
    alice, decision, new = the_case
    log_in(alice)
    page.goto(f"{live_server.url}{new.get_absolute_url()}")
    promises = page.locator("#promises")
    expect(promises).to_contain_text("No promises recorded.")
    promises.get_by_role("link", name="Add a promise").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "What did Bluebird Health promise you?"
    )

    # Nothing written: refused next to the field, nothing saved.
    page.get_by_role("button", name="Add this promise").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(
        page.get_by_role("link", name="What was promised: Write what they promised.")
    ).to_be_visible()
    screenshot(page, "promise-form-error")
    assert _fits_in_320_pixels(page)
    assert not Promise.objects.exists()

    page.get_by_label("What was promised").fill("A remote day every week")
    page.get_by_label("Who promised it").select_option(label="Sam Ortiz (Recruiter)")
    page.get_by_label("On a video call").check()
    page.get_by_role("button", name="Add this promise").click()
    expect(page.get_by_text("The promise is added.")).to_be_visible()
    card = page.locator(".promise-card")
    expect(card).to_contain_text("A remote day every week")
    expect(card).to_contain_text("Sam Ortiz, on a video call")
    expect(card).to_contain_text("Not found in writing yet")
    screenshot(page, "offer-promises")
    assert _fits_in_320_pixels(page)

    # The call plan: the check is open, and says what to find.
    page.goto(f"{live_server.url}/decisions/{decision.pk}/call/")
    expect(_promise_step(page)).to_have_attribute("data-state", "open")
    expect(_promise_step(page)).to_contain_text("(1 of 1 not found yet)")
    expect(page.locator("#ready-promises_in_writing")).to_contain_text("A remote day every week")
    screenshot(page, "call-plan-promise-open")
    assert _fits_in_320_pixels(page)

    # Before accepting: ask for it in writing.
    page.get_by_role("link", name="Record that you accepted").click()
    warning = page.locator("#promises-warning")
    expect(warning).to_contain_text("Ask for it in writing before you accept")
    expect(warning).to_contain_text("A remote day every week (Sam Ortiz)")
    expect(
        page.get_by_label("I go ahead without everything Bluebird Health promised in writing")
    ).to_be_visible()
    screenshot(page, "accept-promise-warning")
    assert _fits_in_320_pixels(page)

    # Found in the written offer: ticked on the offer's page.
    warning.get_by_role("link", name="Tick each one on the offer’s page").click()
    page.get_by_role("button", name="Found it in the written offer").click()
    expect(page.get_by_text("Found in the written offer: A remote day every week.")).to_be_visible()
    expect(page.locator(".promise-card")).to_contain_text("In writing")
    assert Promise.objects.get().found_in_writing

    page.goto(f"{live_server.url}/decisions/{decision.pk}/call/")
    expect(_promise_step(page)).to_have_attribute("data-state", "done")
    expect(page.locator("#ready-promises_in_writing")).to_contain_text(
        "The promise you recorded is in the written offer."
    )
    screenshot(page, "call-plan-promise-done")

    # Its own pages to change or remove it, each with a way back.
    page.goto(f"{live_server.url}{new.get_absolute_url()}")
    page.locator(".promise-card").get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit a promise from Bluebird Health")
    expect(page.get_by_label("What was promised")).to_have_value("A remote day every week")
    page.get_by_role("link", name="Cancel").click()
    page.locator(".promise-card").get_by_role("link", name="Remove").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove this promise?")
    screenshot(page, "promise-remove")
    page.get_by_role("link", name="No, keep it").click()
    expect(page.locator(".promise-card")).to_have_count(1)
    assert Promise.objects.count() == 1
