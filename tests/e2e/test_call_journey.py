"""From a finished decision that backs out to a ready plan, a printed script and a call done."""

import datetime
import re
import shutil
import subprocess
import zoneinfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from offers.models import Contact, Offer
from tests.decisions.helpers import signed_job_with_a_bonus_to_repay
from tests.e2e.conftest import DESKTOP, SCREENSHOTS
from tests.factories import make_contact, make_decision, make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def _next_working_day_at_ten(now: datetime.datetime) -> datetime.datetime:
    day = now.astimezone(PARIS).date() + datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=PARIS)


@pytest.fixture
def finished_decision():
    """Alice signed with Northwind Freight, then chose Bluebird Health: she backs out."""
    alice = make_user("alice", time_zone="Europe/Paris")
    committed = signed_job_with_a_bonus_to_repay(alice)
    new = make_offer(
        alice,
        company="Bluebird Health",
        role="Senior Data Engineer",
        received_on=timezone.localdate() - datetime.timedelta(days=3),
    )
    make_contact(committed, name="Morgan Lee", role=Contact.Role.HIRING_MANAGER)
    make_contact(committed, name="Sam Ortiz", role=Contact.Role.RECRUITER, phone="+1 555 0199")
    decision = make_decision(alice, [committed, new], chosen_offer=new, decided_at=timezone.now())
    return alice, decision, committed, new


def _fits_in_320_pixels(page) -> bool:
    """Nothing on the page is wider than a small phone's screen."""
    page.set_viewport_size({"width": 320, "height": 700})
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(DESKTOP)
    return width <= 320


def _open_the_checklist(page):
    """The plan shows the checklist's summary line; its form opens on demand."""
    if page.locator("#readiness details[open]").count() == 0:
        page.get_by_text("Tick the checks").click()


def _pdf_to_png(pdf_path):
    """Render the PDF's pages as PNGs with poppler's pdftoppm, when it is installed."""
    if shutil.which("pdftoppm") is None:
        return
    prefix = pdf_path.with_name(f"{pdf_path.stem}-pdf")
    for old in pdf_path.parent.glob(f"{prefix.name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf_path), str(prefix)], check=True)


def test_from_a_finished_decision_to_a_ready_plan_a_printed_script_and_a_call_done(
    live_server, page, log_in, screenshot, finished_decision
):
    alice, decision, committed, new = finished_decision
    log_in(alice)
    plan_url = f"{live_server.url}/decisions/{decision.pk}/call/"
    page.goto(plan_url)

    # A draft, not ready to call: the checks come first.
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan your call to Northwind Freight")
    expect(page.get_by_text("Not ready to call")).to_be_visible()
    expect(page.locator("#when")).to_contain_text("Suggested: call Morgan Lee")
    screenshot(page, "call-plan-not-ready")
    assert _fits_in_320_pixels(page)

    checks = (
        "The terms you signed with Northwind Freight have been legally reviewed",
        "The offer from Bluebird Health is formal and in writing",
        "conditions are cleared",
        "Your start date at Bluebird Health is confirmed",
    )
    _open_the_checklist(page)
    for label in checks:
        page.get_by_label(label).check()
    page.get_by_role("button", name="Save checklist").click()
    # No start date is recorded: that tick is refused next to it, nothing is saved, and the
    # message links to where the date is added.
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(page.locator("#ready-start_date_confirmed-fact")).to_contain_text(
        "Add the start date to the offer first"
    )
    screenshot(page, "call-readiness-refused")
    assert _fits_in_320_pixels(page)
    page.get_by_role("link", name="Add the start date to Bluebird Health’s offer").click()
    page.get_by_label("Start date").fill(
        (timezone.localdate() + datetime.timedelta(60)).isoformat()
    )
    page.get_by_role("button", name="Save changes").click()
    expect(page).to_have_url(re.compile(r"/call/"))
    _open_the_checklist(page)
    for label in checks:
        page.get_by_label(label).check()
    page.get_by_role("button", name="Save checklist").click()
    # Every check done is not yet ready: accepting the new offer comes first.
    expect(page.get_by_text("All checks are done. Still missing before the call")).to_be_visible()
    expect(page.get_by_text("you are ready to make the call")).to_have_count(0)
    page.get_by_role("link", name="Record that you accepted").click()
    page.get_by_role("button", name="Record that I accepted").click()
    expect(page.get_by_text("Recorded: you accepted Bluebird Health’s offer.")).to_be_visible()
    expect(page.locator('[data-step="new_offer_accepted"]')).to_have_attribute("data-state", "done")

    # Whom, when, and the script in the user's own words, each on a page of its own.
    page.get_by_role("link", name="Change whom, when and how").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Whom will you call at Northwind Freight, and when?"
    )
    expect(page.get_by_label("Whom to call at Northwind Freight")).to_have_value(
        str(committed.contacts.get(name="Morgan Lee").pk)
    )
    page.get_by_label("Whom to call at Northwind Freight").select_option(
        label="Morgan Lee, +1 555 0100 (hiring manager)"
    )
    # A time in the past and an e-mail: refused, and advised against.
    yesterday = timezone.now().astimezone(PARIS) - datetime.timedelta(days=1)
    page.get_by_label("When will you call?").fill(yesterday.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("E-mail").check()
    page.get_by_role("button", name="Save and return to the plan").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(
        page.get_by_role("link", name="When will you call?: Choose a time from now on")
    ).to_be_visible()
    expect(page.get_by_text("Please call rather than write")).to_be_visible()
    screenshot(page, "call-plan-error")

    when = _next_working_day_at_ten(timezone.now())
    page.get_by_label("When will you call?").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Phone (the usual way").check()
    page.get_by_role("button", name="Save and return to the plan").click()
    expect(page.get_by_text("Your call plan is saved.")).to_be_visible()
    expect(page.locator("#when")).to_be_focused()

    page.get_by_role("link", name="Change what to say").click()
    page.get_by_label("The reason, in one or two sentences").fill(
        "It was a hard decision, and it is the right one for my career."
    )
    screenshot(page, "call-plan-words")
    page.get_by_role("button", name="Save and return to the plan").click()
    expect(page.get_by_text("Your call plan is saved.")).to_be_visible()
    expect(page.locator("#script")).to_be_focused()

    page.get_by_role("link", name="Add a person you could suggest").click()
    page.locator("#id_referral-name").fill("Dana Kim")
    page.get_by_label("How to reach them").fill("dana@example.com")
    page.get_by_label("Why they would fit").fill("Has built the same kind of pipelines")
    page.get_by_role("button", name="Add this person").click()
    expect(page.get_by_text("Dana Kim is on your list")).to_be_visible()

    expect(page.get_by_text("Ready to call")).to_be_visible()
    expect(page.get_by_text("Not ready to call")).to_have_count(0)

    # The dashboard lists the call to make, and leads back to the plan.
    page.goto(live_server.url)
    expect(page.get_by_role("heading", name="Calls to make")).to_be_visible()
    screenshot(page, "call-dashboard")
    page.get_by_role("link", name="Call Morgan Lee at Northwind Freight").click()
    expect(page).to_have_url(plan_url)
    screenshot(page, "call-plan-ready")
    assert _fits_in_320_pixels(page)

    # The printable script.
    page.get_by_role("link", name="Print the script").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Call Morgan Lee at Northwind Freight"
    )
    expect(page.get_by_text("It was a hard decision, and it is the right one")).to_be_visible()
    expect(page.get_by_text("Dana Kim")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    screenshot(page, "call-print")
    assert _fits_in_320_pixels(page)
    pdf = SCREENSHOTS / "call-print.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4", print_background=False)
    page.emulate_media(media="screen")
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes())
    assert len(pages) == 1, "the script should print on one page"
    _pdf_to_png(pdf)

    # After the call: log it, add a follow-up, mark it done and let the offers follow.
    page.get_by_role("link", name="Back to the plan").first.click()
    page.get_by_role("link", name="Record how the call went").click()
    called = timezone.now().astimezone(PARIS) - datetime.timedelta(minutes=30)
    page.get_by_label("When did the call happen?").fill(called.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("How did it go?").fill("Morgan was disappointed but kind. I offered Dana.")
    page.get_by_role("button", name="Save how it went").click()
    expect(page.get_by_text("Saved how the call went.")).to_be_visible()
    expect(page.locator("#after")).to_contain_text("Morgan was disappointed but kind.")

    page.get_by_role("link", name="Add a follow-up").click()
    page.get_by_label("What to do").fill("Send Morgan a short confirmation e-mail")
    page.get_by_label("By when").fill(called.date().isoformat())
    page.get_by_role("button", name="Add follow-up").click()
    expect(page.get_by_text("Follow-up added.")).to_be_visible()
    expect(page.locator(".call-list-text").last).to_contain_text("short confirmation e-mail")

    page.get_by_role("link", name="Mark the call as done").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Mark the call to Northwind Freight as done"
    )
    expect(
        page.get_by_label("Set Data Engineer at Northwind Freight to “Backed out”")
    ).to_be_checked()
    screenshot(page, "call-done-confirm")
    page.get_by_role("button", name="Mark the call as done").click()
    expect(page.get_by_text("You made the call")).to_be_visible()
    screenshot(page, "call-plan-done")

    committed.refresh_from_db()
    new.refresh_from_db()
    assert committed.status == Offer.Status.BACKED_OUT
    assert new.status == Offer.Status.ACCEPTED
    assert new.accepted_on == timezone.localdate(timezone=PARIS)


def test_calling_before_accepting_is_a_choice_recorded_through_the_gate(
    live_server, page, log_in, screenshot, finished_decision
):
    alice, decision, _, new = finished_decision
    log_in(alice)
    page.goto(f"{live_server.url}/decisions/{decision.pk}/call/")
    page.get_by_role("link", name="Call before accepting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Call Northwind Freight before you accept Bluebird Health’s offer?"
    )
    page.get_by_role("button", name="Record my choice").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    screenshot(page, "call-skip-accepting-refused")
    assert _fits_in_320_pixels(page)
    page.get_by_label("I call Northwind Freight before I have accepted").check()
    page.get_by_role("button", name="Record my choice").click()
    expect(page.get_by_text("Recorded: you chose to call before accepting")).to_be_visible()
    skipped = page.locator("#steps [data-state='skipped']")
    expect(skipped).to_have_count(1)
    expect(skipped).to_contain_text("Accept Bluebird Health’s offer in writing")
    # The checks still open stay missing: calling first changes only the order.
    expect(page.get_by_text("Not ready to call")).to_be_visible()
    screenshot(page, "call-plan-skipped-steps")
    new.refresh_from_db()
    assert new.status == Offer.Status.RECEIVED


def test_the_plan_works_with_javascript_off(live_server, open_page, finished_decision):
    from tests.factories import PASSWORD

    alice, decision, committed, _ = finished_decision
    page = open_page(java_script_enabled=False)
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(alice.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto(f"{live_server.url}/decisions/{decision.pk}/call/")
    page.get_by_role("link", name="Change whom, when and how").click()
    when = _next_working_day_at_ten(timezone.now())
    page.get_by_label("When will you call?").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Save and return to the plan").click()
    expect(page.get_by_text("Your call plan is saved.")).to_be_visible()
    page.get_by_text("Read what you will say").click()
    expect(page.get_by_text("Hello Morgan")).to_be_visible()
    page.get_by_role("link", name="Add a person you could suggest").click()
    page.locator("#id_referral-name").fill("Dana Kim")
    page.get_by_role("button", name="Add this person").click()
    expect(page.get_by_text("Dana Kim is on your list")).to_be_visible()
    page.get_by_role("button", name="Remove Dana Kim").click()
    expect(page.get_by_text("Dana Kim is no longer on your list.")).to_be_visible()
    page.get_by_role("link", name="Mark the call as done").click()
    page.get_by_label("Set Data Engineer at Northwind Freight").uncheck()
    page.get_by_label("Mark Senior Data Engineer at Bluebird Health").uncheck()
    # Not ready: the gate asks for a ticked choice per open check, and works without JavaScript.
    page.get_by_role("button", name="Mark the call as done").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    boxes = page.locator('input[type="checkbox"][name^="skip_"]')
    expect(boxes).to_have_count(4)
    for box in boxes.all():
        box.check()
    page.get_by_role("button", name="Mark the call as done").click()
    expect(page.get_by_text("Your offers’ statuses are unchanged.")).to_be_visible()

    committed.refresh_from_db()
    assert committed.status == Offer.Status.SIGNED
    assert decision.call_plan.done_at is not None
