"""The decision wizard as a person goes through it: accepted one job, a better-paid offer arrives.

Halfway through, the browser is closed; a fresh one logs in and picks up from the list."""

import datetime
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from decisions.models import Decision
from offers.models import Offer
from tests.factories import PASSWORD, make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, user):
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/")


def _heading(page):
    return page.get_by_role("heading", level=1)


def test_a_person_weighs_an_accepted_job_against_a_better_paid_offer(
    live_server, page, open_page, log_in, screenshot
):
    alice = make_user("alice")
    make_offer(
        alice,
        company="Harbor Logistics",
        role="Data Analyst",
        status=Offer.Status.ACCEPTED,
        base_salary=Decimal("82000"),
        signing_bonus=Decimal("5000"),
        start_date=datetime.date.today() + datetime.timedelta(days=21),
    )
    make_offer(
        alice,
        company="Northwind Labs",
        role="Senior Data Analyst",
        status=Offer.Status.RECEIVED,
        base_salary=Decimal("98000"),
    )

    # Step 1: from the dashboard to a new decision, picking both offers.
    log_in(alice)
    page.get_by_role("link", name="Decisions", exact=True).click()
    expect(_heading(page)).to_have_text("Your decisions")
    page.get_by_role("link", name="Start a new decision").first.click()
    expect(page.get_by_text("Step 1 of 6")).to_be_visible()
    page.get_by_label("Name this decision").fill("Harbor or Northwind?")
    page.get_by_label("Data Analyst at Harbor Logistics (accepted)").check()
    screenshot(page, "wizard-1-offers")
    page.get_by_role("button", name="Save and continue").click()
    # Only one offer picked: refused, with the error summary.
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(page.get_by_text("Pick at least two offers to compare.").first).to_be_visible()
    screenshot(page, "wizard-1-offers-error")
    page.get_by_label("Senior Data Analyst at Northwind Labs (received)").check()
    page.get_by_role("button", name="Save and continue").click()

    # Step 2: the situation with the committed offer.
    expect(page.get_by_text("Step 2 of 6")).to_be_visible()
    expect(_heading(page)).to_have_text("Your situation with Harbor Logistics")
    expect(page.get_by_text("Accepted, not signed yet")).to_be_visible()
    page.get_by_role("group", name=re.compile("close-knit")).get_by_label("Not sure").check()
    page.get_by_label(re.compile("recruiting agency")).fill("Bright Path Recruiting")
    commit_fully = page.get_by_role("group", name=re.compile("commit to that job fully"))
    commit_fully.get_by_label("No", exact=True).check()
    page.get_by_label("3 years").check()
    screenshot(page, "wizard-2-situation")
    page.get_by_role("button", name="Save and continue").click()

    # Step 3: priorities; money matters less than the people, and commute is added.
    expect(page.get_by_text("Step 3 of 6")).to_be_visible()
    page.locator("#factor-list, .factor-list").get_by_label("How much it matters").nth(
        0
    ).select_option("2")
    people = page.locator(".factor-row").filter(has=page.locator('input[value="People"]'))
    people.get_by_label("How much it matters").select_option("5")
    page.locator("#new-factor").get_by_label("Name").fill("Commute")
    page.locator("#new-factor").get_by_label("How much it matters").select_option("4")
    page.get_by_role("button", name="Add factor").click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    expect(page.locator('input[value="Commute"]')).to_be_visible()
    page.get_by_role("button", name="Move Commute up").click()
    screenshot(page, "wizard-3-priorities")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Step 4 of 6")).to_be_visible()

    # The browser closes midway; nothing is lost.
    page.context.close()
    page = open_page()
    _log_in(page, live_server, alice)
    page.get_by_role("link", name="Decisions", exact=True).click()
    expect(page.get_by_text("Step 4 of 6: Ratings")).to_be_visible()
    page.get_by_role("link", name="Continue Harbor or Northwind?").click()

    # Step 4: the grid, compensation pre-filled from the money over three years.
    expect(page.get_by_text("Step 4 of 6")).to_be_visible()
    expect(page.get_by_text("pre-filled from the money over 3 years")).to_be_visible()
    money = page.get_by_label("Compensation for Data Analyst at Harbor Logistics")
    expect(money).to_have_value("4")
    expect(
        page.get_by_label("Compensation for Senior Data Analyst at Northwind Labs")
    ).to_have_value("5")
    ratings = {
        "Culture": ("4", "3"),
        "People": ("5", "3"),
        "Advancement": ("2", "5"),
        "Autonomy": ("3", "4"),
        "Commute": ("5", "2"),
    }
    for factor, (harbor, northwind) in ratings.items():
        page.get_by_label(f"{factor} for Data Analyst at Harbor Logistics").select_option(harbor)
        page.get_by_label(f"{factor} for Senior Data Analyst at Northwind Labs").select_option(
            northwind
        )
    screenshot(page, "wizard-4-ratings")
    page.get_by_role("button", name="Save and continue").click()

    # Step 5: pros and cons, added in place.
    expect(page.get_by_text("Step 5 of 6")).to_be_visible()
    # One form adds to any offer: choose the offer in it...
    add = page.locator("section#add")
    add.get_by_label("Senior Data Analyst at Northwind Labs").check()
    add.get_by_label("The pro or con, in a few words").fill("A clear path to lead a team")
    add.get_by_label("Pro", exact=True).check()
    add.get_by_label("Later: in a year or more").check()
    add.get_by_role("button", name="Add it").click()
    expect(page.get_by_text("Added to Northwind Labs")).to_be_visible()
    northwind = page.locator("section.consideration-card").filter(has_text="Northwind Labs")
    expect(
        northwind.get_by_role("button", name="Remove “A clear path to lead a team”")
    ).to_be_visible()
    # ... or follow the link from an offer's column, which chooses it.
    page.get_by_role("link", name="Add a pro or con of Harbor Logistics").click()
    expect(add.get_by_label("Data Analyst at Harbor Logistics", exact=True)).to_be_checked()
    add.get_by_label("The pro or con, in a few words").fill("I gave them my word last week")
    add.get_by_label("Con", exact=True).check()
    add.get_by_label("Now: from day one").check()
    add.get_by_role("button", name="Add it").click()
    harbor = page.locator("section.consideration-card").filter(has_text="Harbor Logistics")
    expect(
        harbor.get_by_role("button", name="Remove “I gave them my word last week”")
    ).to_be_visible()
    screenshot(page, "wizard-5-pros-cons")
    page.get_by_role("button", name="Continue to the result").click()

    # Step 6: the result explains; the person decides.
    expect(page.get_by_text("Step 6 of 6")).to_be_visible()
    expect(_heading(page)).to_have_text("What your answers say")
    expect(page.get_by_role("img", name=re.compile("Weighted scores"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Money over 3 years"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("What would change it"))).to_be_visible()
    screenshot(page, "wizard-6-result")
    page.get_by_label("Senior Data Analyst at Northwind Labs").check()
    page.get_by_label("Why? In your own words").fill(
        "The growth matters more to me than the commute, and it is early enough to tell them."
    )
    page.get_by_role("button", name="Record my decision").click()
    expect(page.get_by_text("Recorded: Northwind Labs")).to_be_visible()
    expect(
        page.get_by_role("heading", name=re.compile("If you leave Harbor Logistics"))
    ).to_be_visible()
    screenshot(page, "wizard-6-result-recorded")

    # Changing it is a page of its own, with what was recorded chosen, and a way back.
    page.get_by_role("link", name="Change your decision").click()
    expect(_heading(page)).to_have_text("Change your decision")
    expect(page.get_by_label("Senior Data Analyst at Northwind Labs")).to_be_checked()
    screenshot(page, "wizard-6-change-decision")
    page.get_by_role("link", name="Back to the result").click()
    expect(_heading(page)).to_have_text("What your answers say")

    decision = Decision.objects.get(owner=alice)
    assert decision.chosen_offer.company == "Northwind Labs"
    assert decision.backs_out()
    assert [f.name for f in decision.factors.all()][-2:] == ["Commute", "Autonomy"]
