"""From a clash to a conversation: ask for more time, record the yes, watch the clash go."""

import datetime
import re

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from offers.models import Contact, Offer
from tests.e2e.conftest import SCREENSHOTS
from tests.factories import make_contact, make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def in_days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def download_calendar(page, tmp_path, name):
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add these dates to your calendar").click()
    path = tmp_path / name
    download_info.value.save_as(path)
    return {str(e["SUMMARY"]): e.start for e in Calendar.from_ical(path.read_bytes()).events}


def test_asking_for_more_time_makes_the_clash_go_away(
    live_server, page, log_in, screenshot, tmp_path
):
    erin = make_user("erin")
    globex = make_offer(
        erin,
        company="Globex",
        role="Platform Engineer",
        received_on=in_days(0),
        respond_by=in_days(3),
    )
    make_contact(
        globex,
        name="Sam Ortiz",
        role=Contact.Role.RECRUITER,
        phone="+1 555 0101",
        email="sam@example.com",
    )
    initech = make_offer(
        erin,
        company="Initech",
        role="Staff Engineer",
        status=Offer.Status.EXPECTED,
        expected_on=in_days(7),
    )
    make_contact(initech, name="Kim Lee", role=Contact.Role.RECRUITER, phone="+1 555 0102")
    log_in(erin)

    page.get_by_role("link", name="Timeline", exact=True).first.click()
    clash = page.locator(".clash").first
    expect(clash).to_contain_text("Your answer to Globex is due")
    expect(clash.get_by_role("link", name="Ask Globex for more time")).to_be_visible()
    expect(clash.get_by_role("link", name="Tell Initech about your deadline")).to_be_visible()
    screenshot(page, "clash-with-actions")
    before = download_calendar(page, tmp_path, "before.ics")
    assert before["Answer due to Globex"] == in_days(3)

    # Click one: the conversation, drafted. The other company is not named until asked.
    clash.get_by_role("link", name="Ask Globex for more time").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask Globex for more time")
    expect(page.get_by_role("link", name="Call +1 555 0101")).to_have_attribute(
        "href", "tel:+15550101"
    )
    script = page.get_by_label("What to say")
    expect(script).to_contain_text("another company")
    page.get_by_label("Name Initech in the words").check()
    page.get_by_role("button", name="Redraft the words").click()
    expect(page.get_by_label("What to say")).to_contain_text("an offer from Initech around")
    screenshot(page, "ask-form")
    # A date before the deadline is refused next to its field.
    page.get_by_label("Ask for time until").fill(in_days(2).isoformat())
    page.get_by_role("button", name="Save this conversation").click()
    expect(page.locator(".error-summary")).to_contain_text(
        "Ask for a date after the current deadline"
    )
    screenshot(page, "ask-form-error")
    page.get_by_label("Ask for time until").fill(in_days(10).isoformat())
    # Click two: saved.
    page.get_by_role("button", name="Save this conversation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("More time from Globex")
    expect(page.get_by_text("No answer yet")).to_be_visible()
    ask_url = page.url
    page.get_by_role("link", name="Dashboard", exact=True).click()
    expect(page.get_by_text("Asked, no answer yet")).to_be_visible()
    expect(page.get_by_role("link", name="More time from Globex")).to_be_visible()
    screenshot(page, "dashboard-with-ask")
    page.goto(ask_url)

    # They said yes, until day 10.
    page.get_by_label("Yes, until a new date").check()
    page.get_by_label("Your new deadline").fill(in_days(10).isoformat())
    page.get_by_role("button", name="Save their answer").click()
    expect(page.get_by_text("Their answer is recorded")).to_be_visible()
    expect(page.locator("dl")).to_contain_text("was ")
    expect(page.get_by_role("link", name="Write this e-mail to Sam Ortiz")).to_have_attribute(
        "href", re.compile(r"^mailto:sam@example\.com\?subject=")
    )
    screenshot(page, "ask-answered")

    page.get_by_role("link", name="Timeline", exact=True).first.click()
    expect(page.locator(".clash")).to_have_count(0)
    expect(page.get_by_text("Your conversations about timing")).to_be_visible()
    after = download_calendar(page, tmp_path, "after.ics")
    assert after["Answer due to Globex"] == in_days(10)


def test_accepting_too_early_is_warned_and_can_go_ahead(live_server, page, log_in, screenshot):
    finn = make_user("finn")
    globex = make_offer(finn, company="Globex", received_on=in_days(-1), respond_by=in_days(3))
    make_offer(finn, company="Initech", status=Offer.Status.EXPECTED, expected_on=in_days(7))
    log_in(finn)
    page.goto(f"{live_server.url}/offers/{globex.pk}/edit/")
    page.locator("[name=status]").select_option("accepted")
    page.locator("[name=accepted_on]").fill(in_days(0).isoformat())
    page.get_by_role("button", name="Save changes").click()
    warning = page.locator(".warning-text")
    expect(warning).to_contain_text("You expect an offer from Initech on")
    expect(warning.get_by_role("link", name="Ask Globex for more time")).to_be_visible()
    screenshot(page, "accept-warning")
    page.screenshot(path=SCREENSHOTS / "accept-warning-top.png")
    page.get_by_label("I understand: accept this offer anyway").check()
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("at Globex")
    globex.refresh_from_db()
    assert globex.status == Offer.Status.ACCEPTED
    assert globex.accepted_despite_expected_offer.company == "Initech"
