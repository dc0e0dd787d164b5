"""A person in Amsterdam signs up, types an amount as they always do, and the Back button never
makes a duplicate."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from crossroads.models import User
from offers.models import Offer
from tests.factories import signup_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = re.compile(r"^\s*Password\W*$")


@pytest.fixture
def amsterdam(open_page):
    """A browser set up as on a desk in Amsterdam: Dutch first, the Amsterdam clock."""
    return open_page(locale="nl-NL", timezone_id="Europe/Amsterdam")


def test_sign_up_in_amsterdam_enter_95_000_euro_go_back_and_save_again(
    live_server, amsterdam, screenshot
):
    page = amsterdam
    page.goto(f"{live_server.url}/accounts/signup/")
    # The browser's zone and language are chosen for the person.
    expect(page.locator("#id_time_zone")).to_have_value("Europe/Amsterdam")
    expect(page.locator("#id_number_format")).to_have_value("en_NL")
    page.get_by_label("Find a city or country in the list").fill("berl")
    expect(page.locator("#id_time_zone")).to_have_value("Europe/Berlin")
    expect(page.get_by_text("1 place matches")).to_be_visible()
    screenshot(page, "signup-time-zone-search")
    page.get_by_label("Find a city or country in the list").fill("amsterdam")
    expect(page.locator("#id_time_zone")).to_have_value("Europe/Amsterdam")
    page.get_by_label("Username").fill("noor")
    page.get_by_label("E-mail address").fill("noor@example.com")
    page.get_by_label(PASSWORD).fill("a-long-and-unusual-passphrase")
    page.get_by_label("Password confirmation").fill("a-long-and-unusual-passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    page.goto(signup_link(mail.outbox[-1]))
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, noor")
    user = User.objects.get()
    assert (user.time_zone, user.number_format) == ("Europe/Amsterdam", "en_NL")

    page.goto(f"{live_server.url}/offers/new/")
    expect(page.locator("#id_currency")).to_have_value("EUR")
    expect(page.locator("#id_base_salary")).to_have_value("")
    page.locator("#id_company").fill("Rijnstad Data")
    page.locator("#id_role").fill("Data Engineer")
    page.locator("#id_received_on").fill("2026-11-20")
    page.locator("#id_base_salary").fill("95.000")
    screenshot(page, "offer-form-dutch-amount")
    page.get_by_role("button", name="Add this offer").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rijnstad Data")
    expect(page.get_by_text("EUR 95.000 a year")).to_be_visible()

    # Back to the form the browser restores, and Save again.
    page.go_back()
    expect(page.locator("#id_base_salary")).to_have_value("95.000")
    expect(page.locator("#id_currency")).to_have_value("EUR")
    page.get_by_role("button", name="Add this offer").click()
    expect(
        page.get_by_text("This was already saved: Data Engineer at Rijnstad Data.")
    ).to_be_visible()
    expect(page.get_by_text("EUR 95.000 a year")).to_be_visible()
    screenshot(page, "offer-added-once")

    offer = Offer.objects.get()
    assert (offer.base_salary, offer.currency) == (95000, "EUR")
