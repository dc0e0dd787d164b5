"""By keyboard alone, with JavaScript and without: add an offer, complete a wizard step and add a
name to the call plan with Tab, Shift+Tab, Enter and Space (and typing into fields).

After a failed submit the error summary is where focus goes (with JavaScript it takes focus; without
it, it is the first thing in the content, right after the skip link). Every summary link reaches its
field. After an in-place action, focus is on the item that changed."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from offers.models import Contact, Offer
from tests.e2e.conftest import SCREENSHOTS
from tests.factories import PASSWORD, make_contact, make_decision, make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story():
    """Alice signed with Northwind Freight and chose Bluebird Health; Globex is still open."""
    alice = make_user("alice")
    committed = make_offer(
        alice, company="Northwind Freight", role="Data Engineer", status=Offer.Status.SIGNED
    )
    new = make_offer(alice, company="Bluebird Health", role="Senior Data Engineer")
    make_offer(alice, company="Globex", role="Analytics Engineer", base_salary=Decimal("90000"))
    make_contact(committed, name="Morgan Lee", role=Contact.Role.HIRING_MANAGER)
    decision = make_decision(alice, [committed, new], chosen_offer=new, decided_at=timezone.now())
    return alice, decision


def _focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, target, key="Tab", limit=200):
    """Press Tab (or Shift+Tab) until ``target`` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press(key)
        if _focused(target):
            return
    raise AssertionError(f"{key} never reached {target}")


def press_enter(page, then):
    """Press Enter and wait for what it leads to (``then``, a locator) to be there."""
    page.keyboard.press("Enter")
    expect(then).to_be_attached()


def _expect_the_summary_first(page, js: bool, shot: str = ""):
    """After a failed submit: the title says so, and the summary is where the user is."""
    summary = page.locator(".error-summary")
    expect(page).to_have_title(re.compile(r"^Error: "))
    first_in_main = page.locator("main > *").first
    expect(first_in_main).to_have_class("alert alert-danger error-summary")
    if js:
        expect(summary).to_be_focused()
        if shot:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOTS / f"{shot}.png")
        page.keyboard.press("Tab")
    else:
        # The page opens at the top: the skip link, then the summary is the first thing in the
        # content.
        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
    expect(summary.get_by_role("link").first).to_be_focused()


def _log_in(page, live_server, user):
    page.goto(f"{live_server.url}/accounts/login/")
    tab_to(page, page.get_by_label("Username"))
    page.keyboard.type(user.username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    press_enter(page, page.get_by_role("heading", name=f"Hello, {user.username}"))


def _add_an_offer(page, js: bool):
    tab_to(page, page.get_by_role("link", name="Offers", exact=True))
    press_enter(page, page.get_by_role("heading", level=1, name="Your offers"))
    tab_to(page, page.get_by_role("link", name="Add an offer"))
    press_enter(page, page.get_by_role("heading", level=1, name="Add an offer"))

    # Only the company: refused.
    tab_to(page, page.locator("#id_company"))
    page.keyboard.type("Northwind Labs")
    tab_to(page, page.get_by_role("button", name="Add this offer"))
    press_enter(page, page.locator(".error-summary"))
    _expect_the_summary_first(page, js, shot="keyboard-error-summary-focused")
    expect(page.locator(".error-summary")).to_contain_text("Role: Enter the job title.")

    # The summary's first link leads to the role.
    page.keyboard.press("Enter")
    expect(page.get_by_label("Role")).to_be_focused()
    page.keyboard.type("Data Engineer")
    # Back to the company name to finish it.
    tab_to(page, page.locator("#id_company"), key="Shift+Tab")
    page.keyboard.press("End")
    page.keyboard.type(" Ltd")
    tab_to(page, page.get_by_label("Offer received on"))
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.keyboard.type(yesterday.strftime("%m%d%Y"))
    tab_to(page, page.get_by_role("button", name="Add this offer"))
    press_enter(
        page, page.get_by_role("heading", level=1, name="Data Engineer at Northwind Labs Ltd")
    )

    # A person added on a page of its own; focus comes back to them on the offer's page.
    tab_to(page, page.locator("#contacts").get_by_role("link", name="Add a person"))
    press_enter(page, page.get_by_role("heading", level=1, name=re.compile("Add a person to")))
    tab_to(page, page.get_by_label("Name"))
    page.keyboard.type("Riley Chen")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Their part in the offer")).to_be_focused()
    page.keyboard.type("Recruiter")
    tab_to(page, page.get_by_role("button", name="Add this person"))
    card = page.locator(".contact-card").filter(has_text="Riley Chen")
    press_enter(page, card)
    expect(card).to_be_focused()
    expect(card).to_contain_text("Recruiter")
    expect(card).to_be_in_viewport()


def _complete_the_first_wizard_step(page, js: bool):
    tab_to(page, page.get_by_role("link", name="Decisions", exact=True))
    press_enter(page, page.get_by_role("heading", level=1, name="Your decisions"))
    tab_to(page, page.get_by_role("link", name="Start a new decision").first)
    press_enter(page, page.get_by_text("Step 1 of 6"))

    tab_to(page, page.get_by_label("Data Engineer at Northwind Labs Ltd (received)"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Save and continue"))
    press_enter(page, page.locator(".error-summary"))
    _expect_the_summary_first(page, js)
    # A group of boxes: the link reaches the first of them.
    page.keyboard.press("Enter")
    expect(page.locator("input[name=offers]").first).to_be_focused()
    tab_to(page, page.get_by_label("Analytics Engineer at Globex (received)"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Save and continue"))
    press_enter(page, page.get_by_text("Step 3 of 6"))

    # An in-place action: moving a factor; focus stays with the factor moved.
    tab_to(page, page.get_by_role("button", name="Move Culture up"))
    culture = page.locator(".factor-row").filter(has=page.locator('input[value="Culture"]'))
    page.keyboard.press("Enter")
    expect(page.locator(".factor-row").first).to_contain_text("1. Culture")
    expect(culture).to_be_focused()


def _add_a_referral(page, live_server, decision, js: bool):
    page.goto(f"{live_server.url}/decisions/{decision.pk}/call/")
    referrals = page.locator("#referrals")
    tab_to(page, referrals.get_by_role("link", name="Add a person you could suggest"))
    press_enter(page, page.locator("#id_referral-name"))
    tab_to(page, page.get_by_role("button", name="Add this person"))
    press_enter(page, page.locator(".error-summary"))
    _expect_the_summary_first(page, js, shot="keyboard-call-plan-referral-error")
    expect(page.locator(".error-summary")).to_contain_text("Name: Enter the person’s name.")
    page.keyboard.press("Enter")
    name = page.locator("#id_referral-name")
    expect(name).to_be_focused()
    expect(name).to_be_in_viewport()
    page.keyboard.type("Dana Kim")
    tab_to(page, page.get_by_role("button", name="Add this person"))
    added = referrals.locator("li").filter(has_text="Dana Kim")
    press_enter(page, added)
    expect(added).to_be_focused()
    expect(added).to_be_in_viewport()


def test_a_keyboard_user_adds_an_offer_starts_a_decision_and_adds_a_referral(
    live_server, page, story
):
    alice, decision = story
    _log_in(page, live_server, alice)
    _add_an_offer(page, js=True)
    _complete_the_first_wizard_step(page, js=True)
    _add_a_referral(page, live_server, decision, js=True)


def test_the_same_journey_works_with_javascript_off(live_server, open_page, story):
    alice, decision = story
    page = open_page(java_script_enabled=False)
    _log_in(page, live_server, alice)
    _add_an_offer(page, js=False)
    _complete_the_first_wizard_step(page, js=False)
    _add_a_referral(page, live_server, decision, js=False)
