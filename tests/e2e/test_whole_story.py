"""The whole story across the apps: an accepted job, a better offer, a decision, and the call.

Each app has its own detailed journey; this one checks that they hand over to each other where a
person would move from one to the next."""

import datetime
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from offers.models import Contact, Offer
from tests.factories import make_contact, make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_an_accepted_offer_to_a_planned_call(live_server, page, log_in, screenshot):
    alice = make_user("alice")
    today = datetime.date.today()
    committed = make_offer(
        alice,
        company="Harbor Logistics",
        role="Data Analyst",
        status=Offer.Status.ACCEPTED,
        start_date=today + datetime.timedelta(days=14),
        base_salary=Decimal("82000"),
    )
    make_contact(committed, name="Morgan Lee", role=Contact.Role.HIRING_MANAGER)
    make_offer(
        alice,
        company="Northwind Labs",
        role="Senior Data Analyst",
        respond_by=today + datetime.timedelta(days=3),
        base_salary=Decimal("98000"),
    )
    log_in(alice)

    # From the accepted offer's page, reconsider it.
    page.get_by_role("link", name="Offers", exact=True).click()
    page.get_by_role("link", name="Data Analyst", exact=True).click()
    page.get_by_role("button", name="Reconsider this offer").click()
    expect(page.get_by_text("Step 1 of 6")).to_be_visible()
    page.get_by_label(re.compile("Senior Data Analyst at Northwind Labs")).check()
    page.get_by_role("button", name="Save and continue").click()

    # Through the remaining steps, taking the suggested answers where there are any.
    for step in range(2, 6):
        expect(page.get_by_text(f"Step {step} of 6")).to_be_visible()
        if step == 2:
            close_knit = page.get_by_role("group", name=re.compile("close-knit"))
            close_knit.get_by_label("No", exact=True).check()
            commit = page.get_by_role("group", name=re.compile("commit to that job fully"))
            commit.get_by_label("No", exact=True).check()
            page.get_by_label("2 years").check()
        if step == 4:
            # Compensation comes pre-filled from the money; rate the rest as middling.
            for rating in page.locator("main select").all():
                if not rating.input_value():
                    rating.select_option("3")
        button = page.get_by_role("button", name=re.compile("Save and continue|Continue to"))
        button.first.click()
    expect(page.get_by_text("Step 6 of 6")).to_be_visible()

    # Record the choice to leave, then follow the result page to the call plan.
    page.get_by_label("Senior Data Analyst at Northwind Labs").check()
    page.get_by_label("Why? In your own words").fill("More room to grow, and it is still early.")
    page.get_by_role("button", name="Record my decision").click()
    page.get_by_role("link", name="Plan the call to the employer you are leaving").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan your call to Harbor Logistics")
    expect(page.get_by_text(re.compile("call Morgan Lee"))).to_be_visible()

    # The accepted offer's page and the dashboard now point at the call to make.
    page.goto(f"{live_server.url}/offers/{committed.pk}/")
    expect(page.get_by_role("link", name="Plan the call to Harbor Logistics")).to_be_visible()
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_text("Calls to make")).to_be_visible()
    screenshot(page, "dashboard-everything")
