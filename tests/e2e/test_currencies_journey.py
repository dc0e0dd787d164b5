"""Two offers in euros and one in dollars: the person sets one rate from the wizard's own link
and then sees all three ranked, compared year by year and totalled, every converted figure
labelled."""

import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from offers.models import ExchangeRate
from tests.e2e.conftest import DESKTOP
from tests.factories import make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARROW = {"width": 320, "height": 800}


def test_a_person_sets_one_rate_and_compares_euro_and_dollar_offers(
    live_server, page, log_in, screenshot
):
    alice = make_user("alice")
    make_offer(
        alice,
        company="Paris Studio",
        role="Designer",
        currency="EUR",
        base_salary=Decimal(70000),
        tax_rate_percent=Decimal(35),
    )
    make_offer(
        alice,
        company="Prague Works",
        role="Designer",
        currency="EUR",
        base_salary=Decimal(52000),
        cost_of_living_factor=Decimal("0.8"),
    )
    make_offer(
        alice,
        company="Hudson Media",
        role="Senior Designer",
        currency="USD",
        base_salary=Decimal(95000),
        signing_bonus=Decimal(10000),
        equity_value=Decimal(40000),
        cliff_months=0,
    )
    log_in(alice)

    # Step 1: all three offers.
    page.get_by_role("link", name="Decisions", exact=True).click()
    page.get_by_role("link", name="Start a new decision").first.click()
    for label in (
        "Designer at Paris Studio",
        "Designer at Prague Works",
        "Senior Designer at Hudson Media",
    ):
        page.get_by_label(f"{label} (received)").check()
    page.get_by_role("button", name="Save and continue").click()
    # No offer accepted, so the situation step is skipped; priorities as they are.
    expect(page.get_by_text("Step 3 of 6")).to_be_visible()
    page.get_by_role("button", name="Save and continue").click()

    # Step 4: the dollar offer is left to the person, and the page says where to set a rate.
    expect(page.get_by_text("Step 4 of 6")).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"Rate compensation yourself for\s+Hudson Media \(USD\)"))
    ).to_be_visible()
    expect(page.get_by_label("Compensation for Designer at Paris Studio")).to_have_value("5")
    expect(page.get_by_label("Compensation for Senior Designer at Hudson Media")).to_have_value("")
    ratings_url = page.url
    screenshot(page, "currencies-1-ratings-without-rate")
    page.get_by_role("link", name="Set the rate for USD").first.click()

    # The rate: a slip first (0), refused next to the field; then a rate typed the wrong way
    # round is caught as absurd; then the right one.
    expect(page.get_by_role("heading", level=1)).to_have_text("Set an exchange rate")
    expect(page.get_by_role("textbox", name=re.compile("^Currency"))).to_have_value("USD")
    page.get_by_label(re.compile("One unit of this currency is worth how many EUR")).fill("0")
    page.get_by_label("Rate taken on").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Save the rate").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(page.get_by_text("A rate must be more than 0").first).to_be_visible()
    screenshot(page, "currencies-2-rate-refused")
    page.get_by_label(re.compile("One unit of this currency")).fill("1100")
    page.get_by_role("button", name="Save the rate").click()
    expect(page.get_by_text(re.compile("times another over four years")).first).to_be_visible()
    assert not ExchangeRate.objects.exists()
    page.get_by_label(re.compile("One unit of this currency")).fill("0.92")
    page.get_by_label("Where it came from").fill("My bank's app")
    page.get_by_role("button", name="Save the rate").click()
    expect(page.get_by_text("Saved: 1 USD = 0.92 EUR.")).to_be_visible()
    screenshot(page, "currencies-3-rates")

    # Back to the ratings: now every offer is pre-filled, the converted money labelled.
    page.goto(ratings_url)
    expect(page.get_by_text("in EUR with your exchange rates")).to_be_visible()
    expect(page.get_by_label("Compensation for Senior Designer at Hudson Media")).to_have_value("5")
    expect(page.get_by_text(re.compile("converted from USD")).first).to_be_visible()
    for select in page.locator("select").all():
        if not select.input_value():
            select.select_option("3")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Step 5 of 6")).to_be_visible()
    page.get_by_role("button", name="Continue to the result").click()

    # The result: totals over the horizon in euros, the difference, a way to the side by side.
    expect(page.get_by_text("Step 6 of 6")).to_be_visible()
    expect(page.get_by_text("Compared in EUR, with your exchange rates.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"EUR [\d,]+ less")).first).to_be_visible()
    screenshot(page, "currencies-4-result")
    page.get_by_role("link", name="See the money side by side, year by year").click()

    # The side by side page: three columns, the years of the horizon, the chart and its table.
    expect(page.get_by_role("heading", level=1)).to_have_text("Money side by side, year by year")
    expect(page.get_by_role("img", name=re.compile("Money so far"))).to_be_visible()
    expect(page.locator(".compare-table thead th")).to_have_count(4)
    expect(page.get_by_text("USD converted to EUR at your rate 1 USD = 0.92 EUR")).to_be_visible()
    expect(
        page.get_by_text("Rough after-tax, with your own estimate of the tax rate")
    ).to_be_visible()
    page.get_by_label("Years").select_option("6")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("columnheader", name="Year 6")).to_be_visible()
    screenshot(page, "currencies-5-compare")
    page.set_viewport_size(NARROW)
    page.screenshot(path=_narrow_path(), full_page=True)
    # At 320 px nothing but the table scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size(DESKTOP)
    page.emulate_media(media="print")
    expect(page.locator(".compare-form")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()


def _narrow_path(name="currencies-5-compare-320.png"):
    from tests.e2e.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / name


def test_an_offer_without_figures_says_so_on_the_compare_page(
    live_server, page, log_in, screenshot
):
    alice = make_user("alice")
    make_offer(alice, company="Prague Works", currency="CZK", base_salary=Decimal(1200000))
    make_offer(alice, company="Vltava Labs", currency="CZK", base_salary=Decimal(1500000))
    make_offer(alice, company="Moldau Bank", currency="EUR", base_salary=Decimal(0))
    log_in(alice)

    page.goto(f"{live_server.url}/offers/compare/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Money side by side, year by year")
    expect(page.get_by_text("Moldau Bank is left out: no figures yet.")).to_be_visible()
    expect(page.get_by_text("No figures yet: not compared")).to_be_visible()
    # Its money would need a rate for EUR, but nothing of it is compared: no rate is asked for.
    expect(page.get_by_text("No exchange rate")).to_have_count(0)
    chart = page.get_by_role("img", name=re.compile("Money so far"))
    expect(chart).to_be_visible()
    expect(page.locator(".chart-table tbody tr")).to_have_count(2)
    screenshot(page, "compare-no-figures")
    page.set_viewport_size(NARROW)
    page.screenshot(path=_narrow_path("compare-no-figures-320.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
