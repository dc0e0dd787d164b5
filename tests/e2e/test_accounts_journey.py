import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from crossroads.mail import CONSOLE_BACKEND

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
    expect(page.get_by_text("The two passwords are not the same").first).to_be_visible()
    screenshot(page, "signup-error")

    page.get_by_label(PASSWORD).fill("a-long-and-unusual-passphrase")
    page.get_by_label("Password confirmation").fill("a-long-and-unusual-passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    screenshot(page, "signup-sent")

    link = re.search(r"https?://\S+/signup/confirm/\S+/", mail.outbox[-1].body).group()
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Create your account")
    screenshot(page, "signup-confirm")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, dana")
    screenshot(page, "dashboard")

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Create a free account")).to_be_visible()

    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("Username").fill("dana")
    page.get_by_label(PASSWORD).fill("a-long-and-unusual-passphrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, dana")


def test_with_no_mail_server_a_newcomer_signs_up_straight_into_the_dashboard(
    live_server, page, settings, screenshot
):
    """A fresh `make run` has no mail server (e-mail printed in its terminal): the browser alone
    leads to a signed-in dashboard. (The test above has a mailbox, as with a mail server.)"""
    settings.EMAIL_BACKEND = CONSOLE_BACKEND
    page.goto(live_server.url)
    page.get_by_role("link", name="Create a free account").click()
    expect(page.get_by_role("note")).to_contain_text("E-mail is off on this server")
    screenshot(page, "signup-email-off")
    page.get_by_label("Username").fill("erin")
    page.get_by_label("E-mail address").fill("erin@example.com")
    page.get_by_label(PASSWORD).fill("a-long-and-unusual-passphrase")
    page.get_by_label("Password confirmation").fill("a-long-and-unusual-passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, erin")
    expect(page.get_by_text("printed in the terminal where Crossroads runs")).to_be_visible()
    screenshot(page, "dashboard-email-off")
    assert mail.outbox == []


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


def test_a_downloaded_export_is_imported_after_a_preview(
    live_server, page, log_in, alice, screenshot
):
    from tests.factories import make_decision, make_offer

    make_decision(
        alice, [make_offer(alice, company="First Co"), make_offer(alice, company="Second Co")]
    )
    log_in(alice)
    page.get_by_role("link", name="Account").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data").click()
    export = download.value.path()
    # Since the download, the account moved to another time zone: the file's may be taken back.
    type(alice).objects.filter(pk=alice.pk).update(time_zone="Asia/Tokyo")

    page.get_by_role("link", name="Import a downloaded file…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import your data")
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    screenshot(page, "import-error")

    page.get_by_label("Your export file").set_input_files(export)
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check what will be imported")
    expect(page.get_by_text("First Co, Data Engineer")).to_be_visible()
    screenshot(page, "import-preview")
    page.get_by_label(re.compile("Also use the file's settings: time zone")).check()
    page.get_by_role("button", name="Import all of it").click()
    expect(page.get_by_text("Imported: 2 offers, 1 decision, 5 factors.")).to_be_visible()
    alice.refresh_from_db()
    assert alice.time_zone != "Asia/Tokyo"


def test_the_pause_after_wrong_passwords_says_how_long(live_server, page, alice, screenshot):
    page.goto(f"{live_server.url}/accounts/login/")
    for _ in range(5):  # the fifth wrong password starts the pause
        page.locator("#id_username").fill("alice")
        page.locator("#id_password").fill("not-my-password")
        page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logging in is paused")
    expect(page.get_by_text("Try again in 60 minutes")).to_be_visible()
    screenshot(page, "login-paused")


def test_too_many_reset_requests_get_a_clear_page(live_server, page, alice, screenshot):
    for _ in range(4):
        page.goto(f"{live_server.url}/accounts/password_reset/")
        page.get_by_label("E-mail address").fill("alice@example.com")
        page.get_by_role("button", name="Send reset link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Too many requests")
    screenshot(page, "rate-limited")
