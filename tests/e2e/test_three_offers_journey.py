"""Issue 22's case, entered in the browser: a job started in Prague, a better offer from Amsterdam
due in four days, a third expected from Moldau Bank in nine; CZK and EUR. From the clash through
the ask, the wizard, accepting first, the call, to withdrawing from the third company; then the
account exported and imported into a second live account, which shows the same."""

import datetime
import json
import re
import zoneinfo
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from decisions.models import Decision
from offers.models import Contact, Offer
from offers.withdrawals.models import Withdrawal
from tests.accounts.test_export_to_another_account import _restored
from tests.e2e.test_offers_journey import fill_offer
from tests.factories import PASSWORD, make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
COMPARED = (
    "Grachten Data, Senior Data Engineer (EUR)",
    "Moldau Bank, Analytics Engineer (CZK)",
    "Vltava Systems, Data Engineer (CZK)",
)


def _today() -> datetime.date:
    return timezone.localdate(timezone=PRAGUE)


def _in_days(n: int) -> str:
    return (_today() + datetime.timedelta(days=n)).isoformat()


def _heading(page):
    return page.get_by_role("heading", level=1)


def _download_export(page, path):
    page.get_by_role("link", name=re.compile(r"^Account")).first.click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data").click()
    download.value.save_as(path)
    return json.loads(path.read_text())


@pytest.fixture
def alice():
    """Alice writes 1 234,5 and counts in CZK; she started at Vltava Systems a month ago."""
    alice = make_user(
        "alice", time_zone="Europe/Prague", number_format="en_CZ", home_currency="CZK"
    )
    today = _today()
    make_offer(
        alice,
        company="Vltava Systems",
        role="Data Engineer",
        location="Prague",
        currency="CZK",
        base_salary=Decimal("1800000"),
        status=Offer.Status.STARTED,
        received_on=today - datetime.timedelta(days=70),
        accepted_on=today - datetime.timedelta(days=60),
        start_date=today - datetime.timedelta(days=30),
    )
    return alice


def _add_the_two_offers_and_the_recruiter(page, alice):
    """Step 1: Amsterdam and the expected Moldau Bank offer through the add form, the recruiter
    on a page of their own; Back and the Moldau Bank form sent again adds nothing."""
    page.get_by_role("link", name="Offers", exact=True).click()
    page.get_by_role("link", name="Add an offer").click()
    expect(_heading(page)).to_have_text("Add an offer")
    fill_offer(
        page,
        company="Grachten Data",
        role="Senior Data Engineer",
        location="Amsterdam",
        status="received",
        received_on=_in_days(-1),
        respond_by=_in_days(4),
        start_date=_in_days(40),
        currency="EUR",
        base_salary="95 000",
    )
    page.get_by_role("button", name="Add this offer").click()
    expect(_heading(page)).to_have_text("Senior Data Engineer at Grachten Data")
    expect(page.get_by_text("(in 4 days)")).to_be_visible()

    page.get_by_role("link", name="All offers").click()
    page.get_by_role("link", name="Add an offer").click()
    fill_offer(
        page,
        company="Moldau Bank",
        role="Analytics Engineer",
        status="expected",
        expected_on=_in_days(9),
        currency="CZK",
    )
    page.get_by_role("button", name="Add this offer").click()
    expect(_heading(page)).to_have_text("Analytics Engineer at Moldau Bank")

    # Back, and the same form sent again: it lands on the offer it made, with a message.
    page.go_back()
    expect(_heading(page)).to_have_text("Add an offer")
    expect(page.locator("[name=company]")).to_have_value("Moldau Bank")
    page.get_by_role("button", name="Add this offer").click()
    expect(_heading(page)).to_have_text("Analytics Engineer at Moldau Bank")
    expect(
        page.get_by_text("This was already saved: Analytics Engineer at Moldau Bank.")
    ).to_be_visible()
    assert Offer.objects.filter(owner=alice, company="Moldau Bank").count() == 1

    page.locator("#contacts").get_by_role("link", name="Add a person").click()
    expect(_heading(page)).to_contain_text("Add a person to")
    page.get_by_label("Name").fill("Pat Novak")
    page.get_by_label("Their part in the offer").select_option("recruiter")
    page.get_by_label("E-mail").fill("pat@moldau.example")
    page.get_by_role("button", name="Add this person").click()
    expect(page.locator(".contact-card")).to_contain_text("Pat Novak")
    expect(page.locator(".contact-card")).to_contain_text("Recruiter")

    page.get_by_role("link", name="Offers", exact=True).click()
    rows = page.locator(".offers-table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.filter(has_text="Moldau Bank")).to_contain_text("No figures yet")


def _set_the_euro_rate(page, live_server):
    """Step 2: the rate typed her way, with a decimal comma, and shown back her way."""
    page.goto(f"{live_server.url}/offers/rates/")
    expect(_heading(page)).to_have_text("Exchange rates")
    expect(page.get_by_text("No rate for EUR in CZK yet")).to_be_visible()
    page.get_by_role("link", name="set the rate for EUR").click()
    expect(page.get_by_role("textbox", name=re.compile("^Currency"))).to_have_value("EUR")
    page.get_by_label(re.compile("One unit of this currency is worth how many CZK")).fill("25,2")
    page.get_by_label("Rate taken on").fill(_in_days(0))
    page.get_by_label("Where it came from").fill("My bank")
    page.get_by_role("button", name="Save the rate").click()
    expect(page.get_by_text("Saved: 1 EUR = 25,2 CZK.")).to_be_visible()
    expect(page.get_by_text("No rate for EUR in CZK yet")).to_have_count(0)


def _ask_for_more_time(page):
    """Step 3: the clash on the timeline, and the ask for more time saved."""
    page.get_by_role("link", name="Timeline", exact=True).first.click()
    clash = page.locator(".clash").filter(has_text="Your answer to Grachten Data is due").first
    expect(clash).to_contain_text("before the offer from Moldau Bank is expected")
    clash.get_by_role("link", name="Ask Grachten Data for more time").click()
    expect(_heading(page)).to_have_text("Ask Grachten Data for more time")
    expect(page.get_by_label("What to say")).to_contain_text("another company")
    expect(page.get_by_label("Ask for time until")).not_to_have_value("")
    page.get_by_role("button", name="Save this conversation").click()
    expect(_heading(page)).to_have_text("More time from Grachten Data")
    expect(page.get_by_text("No answer yet")).to_be_visible()


def _compare_without_figures(page, live_server, screenshot):
    """Step 4: Moldau Bank has no figures yet, and is never shown as 0 CZK."""
    page.goto(f"{live_server.url}/offers/compare/")
    expect(_heading(page)).to_have_text("Money side by side, year by year")
    expect(page.get_by_text("Moldau Bank is left out: no figures yet.")).to_be_visible()
    expect(page.get_by_text("No figures yet: not compared")).to_be_visible()
    expect(page.get_by_text("EUR converted to CZK at your rate")).to_be_visible()
    # Every line of its column says so: no "0 CZK" where nothing is known.
    headers = page.locator(".compare-table thead th").all_inner_texts()
    column = next(n for n, text in enumerate(headers) if "Moldau Bank" in text)
    rows = page.locator(".compare-table tbody tr")
    expect(rows.first).to_be_visible()
    for row in rows.all():
        cell = row.locator("th, td").nth(column)
        expect(cell).to_contain_text("No figures yet")
        expect(cell).not_to_contain_text("CZK")
    expect(page.locator(".chart-table tbody tr")).to_have_count(2)
    screenshot(page, "journey-compare-no-figures")
    return page.locator(".compare-summary .compare-total").text_content()


def _reconsider_through_the_wizard(page):
    """Step 5: all six steps of the wizard, from the Prague job's page; Amsterdam chosen."""
    page.get_by_role("link", name="Offers", exact=True).click()
    page.get_by_role("link", name="Data Engineer", exact=True).click()
    page.get_by_role("button", name="Reconsider this offer").click()
    expect(page.get_by_text("Step 1 of 6")).to_be_visible()
    page.get_by_label(re.compile("Senior Data Engineer at Grachten Data")).check()
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_text("Step 2 of 6")).to_be_visible()
    expect(_heading(page)).to_have_text("Your situation with Vltava Systems")
    page.get_by_role("group", name=re.compile("close-knit")).get_by_label("No", exact=True).check()
    commit = page.get_by_role("group", name=re.compile("commit to that job fully"))
    commit.get_by_label("No", exact=True).check()
    page.get_by_label("3 years").check()
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_text("Step 3 of 6")).to_be_visible()
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_text("Step 4 of 6")).to_be_visible()
    # The euro offer is converted with her rate: compensation is pre-filled for both.
    expect(page.get_by_text("in CZK with your exchange rates")).to_be_visible()
    expect(
        page.get_by_label("Compensation for Senior Data Engineer at Grachten Data")
    ).not_to_have_value("")
    for rating in page.locator("main select").all():
        if not rating.input_value():
            rating.select_option("3")
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_text("Step 5 of 6")).to_be_visible()
    page.get_by_role("button", name="Continue to the result").click()

    expect(page.get_by_text("Step 6 of 6")).to_be_visible()
    expect(page.get_by_text(re.compile(r"CZK more")).first).to_be_visible()
    money_gap = page.get_by_text(re.compile(r"CZK more")).first.inner_text()
    page.get_by_label("Senior Data Engineer at Grachten Data").check()
    page.get_by_label("Why? In your own words").fill("The work I came abroad for, and it is early.")
    page.get_by_role("button", name="Record my decision").click()
    expect(page.get_by_text("Recorded: Grachten Data")).to_be_visible()
    return money_gap


def _accept_from_the_call_plan(page, screenshot, alice):
    """Step 6: accepting from the call plan is warned about Moldau Bank, and goes ahead when
    ticked."""
    page.get_by_role("link", name="Plan the call to the employer you are leaving").first.click()
    expect(_heading(page)).to_have_text("Plan your call to Vltava Systems")
    expect(page.get_by_text("Not ready to call")).to_be_visible()
    page.get_by_role("link", name="Record that you accepted").click()
    expect(_heading(page)).to_have_text("Record that you accepted Grachten Data’s offer")
    warning = page.locator(".warning-text")
    expect(warning).to_contain_text("You expect an offer from Moldau Bank on")
    # Moldau Bank's offer comes five days after Amsterdam's answer is due.
    expect(warning).to_contain_text("soon after your answer here is due")
    expect(warning).to_contain_text("tell Moldau Bank promptly that you are withdrawing")
    expect(warning.get_by_role("link", name="Ask Grachten Data for more time")).to_be_visible()
    screenshot(page, "journey-call-plan-accept-warning")
    amsterdam = Offer.objects.get(owner=alice, company="Grachten Data")
    assert amsterdam.status == Offer.Status.RECEIVED

    page.get_by_label("I understand: accept this offer anyway").check()
    for box in page.locator('input[type="checkbox"][name^="skip_"]').all():
        box.check()
    page.get_by_role("button", name="Record that I accepted").click()
    expect(page.get_by_text("Recorded: you accepted Grachten Data’s offer.")).to_be_visible()
    expect(page.locator('[data-step="new_offer_accepted"]')).to_have_attribute("data-state", "done")
    amsterdam.refresh_from_db()
    assert amsterdam.status == Offer.Status.ACCEPTED
    assert amsterdam.accepted_despite_expected_offer.company == "Moldau Bank"


def _make_the_call(page):
    """Step 7: the call logged and marked done; the Prague job is backed out of."""
    page.get_by_role("link", name="Record how the call went").click()
    called = timezone.now().astimezone(PRAGUE) - datetime.timedelta(minutes=30)
    page.get_by_label("When did the call happen?").fill(called.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("How did it go?").fill("My manager was sorry to hear it, and kind.")
    page.get_by_role("button", name="Save how it went").click()
    expect(page.get_by_text("Saved how the call went.")).to_be_visible()

    page.get_by_role("link", name="Mark the call as done").click()
    expect(_heading(page)).to_have_text("Mark the call to Vltava Systems as done")
    expect(page.get_by_label("Set Data Engineer at Vltava Systems to “Backed out”")).to_be_checked()
    for box in page.locator('input[type="checkbox"][name^="skip_"]').all():
        box.check()
    page.get_by_role("button", name="Mark the call as done").click()
    expect(page.get_by_text("You made the call")).to_be_visible()
    page.get_by_role("link", name="Offers", exact=True).click()
    prague_row = page.locator(".offers-table tbody tr").filter(has_text="Vltava Systems")
    expect(prague_row).to_contain_text("Backed out")


def _withdraw_from_moldau_bank(page, live_server, screenshot, alice):
    """Step 8: the timeline and the dashboard lead to withdrawing, never "if you stay"; Back
    and the form sent again withdraws nothing twice."""
    page.get_by_role("link", name="Timeline", exact=True).first.click()
    expect(page.get_by_role("link", name="Tell Moldau Bank you are withdrawing")).to_be_visible()
    expect(page.get_by_text("If you stay")).to_have_count(0)
    page.get_by_role("link", name="Dashboard", exact=True).click()
    expect(page.get_by_text("If you stay")).to_have_count(0)
    # The ask for more time is settled by accepting: nothing left to chase.
    expect(page.get_by_text("Asked, no answer yet")).to_have_count(0)
    page.get_by_role("link", name="Tell Moldau Bank you are withdrawing").click()
    expect(_heading(page)).to_have_text("Tell Moldau Bank you are withdrawing")
    message = page.get_by_label("What you told them")
    draft = message.input_value()
    assert draft.startswith("Hello Pat Novak,")
    assert "Grachten Data" not in draft
    screenshot(page, "journey-withdraw-step")
    page.get_by_role("button", name="Record that I told them").click()
    expect(page.get_by_text("Recorded: you told Moldau Bank you are withdrawing.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Declined")

    # Step 9: Back to the form: the page is fetched again, and there is nothing left to send.
    page.go_back()
    expect(_heading(page)).to_have_text("Analytics Engineer at Moldau Bank")
    expect(page.get_by_text("There is no withdrawal to make from Moldau Bank now.")).to_be_visible()
    moldau = Offer.objects.get(owner=alice, company="Moldau Bank")
    assert moldau.status == Offer.Status.DECLINED
    assert Withdrawal.objects.filter(offer=moldau).count() == 1

    page.get_by_role("link", name="Timeline", exact=True).first.click()
    expect(page.get_by_text("Tell Moldau Bank you are withdrawing")).to_have_count(0)
    expect(page.get_by_text("If you stay")).to_have_count(0)
    page.get_by_role("link", name="Dashboard", exact=True).click()
    expect(page.get_by_text("Tell Moldau Bank you are withdrawing")).to_have_count(0)


def _log_in_elsewhere(open_page, live_server, user):
    page = open_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/")
    return page


def test_three_offers_in_two_currencies_from_the_clash_to_withdrawing_and_into_a_second_account(
    live_server, page, open_page, log_in, screenshot, tmp_path, alice
):
    log_in(alice)
    _add_the_two_offers_and_the_recruiter(page, alice)
    _set_the_euro_rate(page, live_server)
    _ask_for_more_time(page)
    alice_totals = _compare_without_figures(page, live_server, screenshot)
    money_gap = _reconsider_through_the_wizard(page)
    _accept_from_the_call_plan(page, screenshot, alice)
    _make_the_call(page)
    _withdraw_from_moldau_bank(page, live_server, screenshot, alice)

    # Step 10: her export, imported by Bob in another browser while her account still exists.
    first = _download_export(page, tmp_path / "alice.json")
    assert len(first["offers"]) == 3 and len(first["withdrawals"]) == 1
    bob = make_user("bob")
    other = _log_in_elsewhere(open_page, live_server, bob)
    other.get_by_role("link", name=re.compile(r"^Account")).first.click()
    other.get_by_role("link", name="Import a downloaded file…").click()
    other.get_by_label("Your export file").set_input_files(tmp_path / "alice.json")
    other.get_by_role("button", name="Check the file").click()
    expect(_heading(other)).to_have_text("Check what will be imported")
    other.get_by_label(re.compile("Also use the file's settings: time zone Europe/Prague")).check()
    other.get_by_role("button", name="Import all of it").click()
    expect(other.get_by_text(re.compile(r"Imported: 3 offers, .*\b1 decision\b"))).to_be_visible()

    second = _download_export(other, tmp_path / "bob.json")
    assert _restored(second) == _restored(first)
    assert {k: second["account"][k] for k in ("home_currency", "number_format", "time_zone")} == {
        "home_currency": "CZK",
        "number_format": "en_CZ",
        "time_zone": "Europe/Prague",
    }
    assert Offer.objects.filter(owner=alice).count() == 3

    # Bob sees what Alice saw: the money in CZK, the same gap, Moldau Bank without figures.
    # (Only Grachten Data is in play now: she lists every offer and chooses the three, as on
    # her first visit.)
    other.goto(f"{live_server.url}/offers/compare/")
    other.get_by_role("link", name=re.compile("Show every offer")).click()
    for offer in COMPARED:
        other.get_by_label(offer).check()
    other.get_by_role("button", name="Compare").click()
    expect(other.get_by_text("EUR converted to CZK at your rate")).to_be_visible()
    expect(other.get_by_text("Moldau Bank is left out: no figures yet.")).to_be_visible()
    expect(other.locator(".compare-summary .compare-total")).to_have_text(alice_totals)
    expect(other.locator(".compare-summary .compare-total")).to_contain_text(
        re.compile(r"9\s576\s000\sCZK\s*from 380\s000\sEUR")
    )
    decision = Decision.objects.get(owner=bob)
    other.goto(f"{live_server.url}/decisions/{decision.pk}/result/")
    expect(other.get_by_text(money_gap, exact=True).first).to_be_visible()
    expect(other.get_by_text(re.compile(r"EUR more"))).to_have_count(0)
    assert Contact.objects.filter(offer__owner=bob, name="Pat Novak").count() == 1
