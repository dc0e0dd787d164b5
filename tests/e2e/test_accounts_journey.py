import re

import pytest
from playwright.sync_api import expect

PASSWORD = re.compile(r"^\s*Password\W*$")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_signs_up_logs_out_and_logs_back_in(live_server, page, screenshot):
    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Two job offers")
    screenshot(page, "landing")

    page.get_by_role("link", name="Create a free account").click()
    page.get_by_label("Username").fill("dana")
    page.get_by_label("E-mail address").fill("dana@example.com")
    page.get_by_label(PASSWORD).fill("a-long-and-unusual-passphrase")
    page.get_by_label("Password confirmation").fill("a-different-passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(page.get_by_text("The two password fields didn’t match.").first).to_be_visible()
    screenshot(page, "signup-error")

    page.get_by_label(PASSWORD).fill("a-long-and-unusual-passphrase")
    page.get_by_label("Password confirmation").fill("a-long-and-unusual-passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, dana")
    screenshot(page, "dashboard")

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Create a free account")).to_be_visible()

    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("Username").fill("dana")
    page.get_by_label(PASSWORD).fill("a-long-and-unusual-passphrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, dana")


def test_the_account_page_offers_export_and_a_guarded_delete(
    live_server, page, log_in, alice, screenshot
):
    log_in(alice)
    page.get_by_role("link", name="Account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    screenshot(page, "account")
    page.get_by_role("link", name="Delete my account…").click()
    page.get_by_role("button", name="Delete my account and all my data").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    screenshot(page, "delete-account-error")
    page.get_by_role("link", name="Cancel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
