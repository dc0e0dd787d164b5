"""A person caught between offers enters them and sees what is due when."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def in_days(n: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=n)).isoformat()


def fill_offer(page, **fields):
    """Fill the offer form by field name; select boxes and radios by value."""
    for name, value in fields.items():
        field = page.locator(f"[name={name}]")
        if name in ("status", "work_mode", "currency"):
            field.select_option(value)
        elif name == "vesting_schedule":
            page.locator(f"[name=vesting_schedule][value={value}]").check()
        else:
            field.fill(value)


def test_a_job_seeker_enters_three_offers_and_sees_the_clash_coming(
    live_server, page, log_in, screenshot, tmp_path
):
    log_in(make_user("dana"))
    page.get_by_role("link", name="Add your first offer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add an offer")

    # The accepted job, starting in two weeks; the first try forgets a date and mistypes money.
    fill_offer(
        page,
        company="Northwind Labs",
        role="Data Engineer",
        location="Leeds",
        status="accepted",
        start_date=in_days(14),
        currency="GBP",
        base_salary="-65,000",
    )
    page.get_by_role("button", name="Add this offer").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("on which day did you accept it?")
    expect(summary).to_contain_text("Enter an amount of zero or more.")
    expect(page.locator("#id_base_salary")).to_have_attribute("aria-invalid", "true")
    screenshot(page, "offer-form-errors")

    summary.get_by_role("link", name="Accepted on").click()
    fill_offer(
        page,
        accepted_on=in_days(-6),
        base_salary="65,000",
        signing_bonus="5,000",
    )
    page.get_by_role("button", name="Add this offer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Data Engineer at Northwind Labs")
    expect(page.get_by_text("is added")).to_be_visible()
    # What adding it did not ask, from the offer's page.
    page.get_by_role("link", name="Change the dates, add the work mode or an agency").click()
    fill_offer(page, work_mode="hybrid")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Leeds · Hybrid")).to_be_visible()
    page.get_by_role("link", name="Add the rest of the money (a yearly raise, benefits)").click()
    fill_offer(page, benefits_value="4,000")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("GBP 4,000 a year")).to_be_visible()

    # The new offer, to be answered in three days.
    page.get_by_role("link", name="Offers", exact=True).click()
    page.get_by_role("link", name="Add an offer").click()
    fill_offer(
        page,
        company="Globex",
        role="Senior Data Engineer",
        location="Manchester",
        status="received",
        received_on=in_days(-1),
        respond_by=in_days(3),
        currency="GBP",
        base_salary="80000",
    )
    page.get_by_role("button", name="Add this offer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Senior Data Engineer at Globex")
    expect(page.get_by_text("(in 3 days)")).to_be_visible()
    page.get_by_role("link", name="Add the rest of the money (a yearly raise, benefits)").click()
    fill_offer(page, target_bonus_percent="10", yearly_raise_percent="3")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("10% of base salary")).to_be_visible()

    # The equity and the clause, each on a page of its own, from next to where the page shows it.
    page.get_by_role("link", name="Add equity").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Equity")
    fill_offer(
        page,
        equity_value="40000",
        equity_discount_percent="30",
        vesting_schedule="custom",
        vesting_percentages="10/20/30",
    )
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".error-summary")).to_contain_text("add up to 60, not 100")
    screenshot(page, "offer-section-errors")
    fill_offer(page, vesting_percentages="10/20/30/40")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Senior Data Engineer at Globex")
    page.get_by_role("link", name="Add repayment terms").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Money to pay back if you leave early"
    )
    fill_offer(page, repayment_terms="Signing bonus repayable in full within the first year.")
    screenshot(page, "offer-section")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Signing bonus repayable in full")).to_be_visible()

    # Its recruiter, added on a page of its own that returns to the offer.
    page.locator("#contacts").get_by_role("link", name="Add a person").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Add a person to")
    page.get_by_label("Name").fill("Riley Chen")
    page.get_by_label("Their part in the offer").select_option("recruiter")
    page.get_by_label("Phone").fill("+44 161 496 0000")
    screenshot(page, "contact-add")
    page.get_by_role("button", name="Add this person").click()
    expect(page.locator(".contact-card")).to_contain_text("Riley Chen")
    expect(page.locator(".contact-card")).to_contain_text("Recruiter")

    table = page.locator(".money-table")
    expect(table).to_contain_text("Year 4")
    expect(table).to_contain_text("Four years")
    expect(page.get_by_text("Salary and bonus rise 3% a year, compounded.")).to_be_visible()
    screenshot(page, "offer-detail")

    # The third, expected next week.
    page.get_by_role("link", name="All offers").click()
    page.get_by_role("link", name="Add an offer").click()
    fill_offer(
        page,
        company="Initech",
        role="Analytics Engineer",
        status="expected",
        expected_on=in_days(7),
        currency="GBP",
        base_salary="85000",
    )
    page.get_by_role("button", name="Add this offer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Analytics Engineer at Initech")

    page.get_by_role("link", name="Offers", exact=True).click()
    rows = page.locator(".offers-table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Globex")
    expect(rows.nth(0)).to_contain_text("in 3 days")
    expect(rows.nth(1)).to_contain_text("Initech")
    expect(rows.nth(2)).to_contain_text("Northwind Labs")
    screenshot(page, "offers-list")

    page.get_by_role("link", name="Timeline", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Timeline")
    expect(page.get_by_text("2 clashes to sort out")).to_be_visible()
    expect(page.get_by_text("Ask Globex for more time.", exact=False)).to_be_visible()
    expect(
        page.get_by_text("Do not accept Globex before both offers are on the table.", exact=False)
    ).to_be_visible()
    expect(page.locator(".timeline-today")).to_contain_text("Today")
    screenshot(page, "timeline")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add these dates to your calendar").click()
    download = download_info.value
    assert download.suggested_filename == "crossroads-offers.ics"
    path = tmp_path / "offers.ics"
    download.save_as(path)
    events = Calendar.from_ical(path.read_bytes()).events
    assert [str(e["SUMMARY"]) for e in events] == [
        "Answer due to Globex",
        "Offer expected from Initech",
        "First day at Northwind Labs",
    ]
    assert all(len(e.walk("VALARM")) == 1 for e in events)

    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", name="Coming up")).to_be_visible()
    expect(page.get_by_text("2 clashes between your offers")).to_be_visible()
    screenshot(page, "dashboard-offers")
