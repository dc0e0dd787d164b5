"""The account page's calendar subscription and reminder switches, in a real browser."""

import urllib.error
import urllib.request

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from reminders.models import CalendarFeed, ReminderSettings
from tests.factories import PASSWORD, make_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_subscribing_copying_replacing_and_turning_off_the_calendar(
    live_server, page, log_in, alice, screenshot
):
    make_offer(alice, company="Globex", respond_by="2099-01-15")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    log_in(alice)
    page.get_by_role("link", name="Account").click()
    expect(page.get_by_text("Your calendar subscription is off")).to_be_visible()

    page.get_by_role("button", name="Turn on a calendar subscription").click()
    address = page.get_by_label("Address to paste into your calendar app")
    expect(address).to_be_visible()
    url = address.input_value()
    assert url.startswith(f"{live_server.url}/reminders/calendar/") and url.endswith(".ics")
    webcal = page.get_by_role("link", name="Subscribe in my calendar app")
    assert webcal.get_attribute("href") == "webcal://" + url.split("://", 1)[1]

    page.get_by_role("button", name="Copy address").click()
    expect(page.get_by_role("status")).to_have_text("Copied. Paste it into your calendar app.")
    assert page.evaluate("navigator.clipboard.readText()") == url
    page.locator("#calendar").scroll_into_view_if_needed()
    screenshot(page, "account-calendar-address")

    status, body = fetch(url)
    assert status == 200
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(body).events] == ["Answer due to Globex"]

    page.reload()  # shown once: gone on the next visit
    expect(page.get_by_label("Address to paste into your calendar app")).to_have_count(0)
    expect(page.get_by_text("Your calendar subscription is on")).to_be_visible()

    page.get_by_role("button", name="Replace the address").click()
    expect(
        page.get_by_text("Your calendar has a new address. The old one no longer works.")
    ).to_be_visible()
    new_url = page.get_by_label("Address to paste into your calendar app").input_value()
    assert new_url != url
    assert fetch(url)[0] == 404 and fetch(new_url)[0] == 200

    page.get_by_role("button", name="Turn the subscription off").click()
    expect(page.get_by_text("Your calendar subscription is off.", exact=True)).to_be_visible()
    assert fetch(new_url)[0] == 404
    assert not CalendarFeed.objects.exists()

    page.get_by_label("an answer is due tomorrow").check()
    page.get_by_label("a call is due").check()
    page.get_by_role("button", name="Save reminder e-mails").click()
    expect(page.get_by_text("Your reminder e-mails are saved.")).to_be_visible()
    saved = ReminderSettings.objects.get(user=alice)
    assert (saved.answer_due, saved.call_due, saved.look_back) == (True, True, False)
    page.locator("#reminders").scroll_into_view_if_needed()
    screenshot(page, "account-reminders")


def test_without_javascript_the_address_can_still_be_selected(
    live_server, open_page, alice, screenshot
):
    page = open_page(java_script_enabled=False)
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(alice.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/accounts/")
    page.get_by_role("button", name="Turn on a calendar subscription").click()
    address = page.get_by_label("Address to paste into your calendar app")
    expect(address).to_be_visible()
    expect(page.get_by_role("button", name="Copy address")).to_be_hidden()
    address.click()
    address.press("Control+a")
    selected = page.evaluate(
        "() => { const f = document.activeElement; "
        "return f.value.substring(f.selectionStart, f.selectionEnd); }"
    )
    assert selected == address.input_value()
    screenshot(page, "account-calendar-address-no-js")
