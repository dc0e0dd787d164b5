"""The call card on a phone: from the dashboard in one tap, the number and the first words on the
first screen, every prepared answer on the card, all of it within three screens, with or without
JavaScript, and on one printed page. And the call plan in parts: each part a heading and a summary
line, its editing form opened on demand, the whole plan read top to bottom in a few screens."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from decisions.call import script
from decisions.models import CallPlan, FollowUp, PreparedAnswer, Referral
from offers.models import Contact
from tests.decisions.helpers import signed_job_with_a_bonus_to_repay
from tests.e2e.conftest import SCREENSHOTS
from tests.factories import PASSWORD, make_contact, make_decision, make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONES = {"320": {"width": 320, "height": 568}, "390": {"width": 390, "height": 844}}
FIRST_WORDS = "Hello Morgan, thank you for taking my call."


@pytest.fixture
def planned_call():
    """Alice backs out of Northwind Freight (placed by an agency), a saved plan with the drafted
    script and answers, two names to suggest, and the checks still open."""
    alice = make_user("alice", time_zone="Europe/Paris")
    committed = signed_job_with_a_bonus_to_repay(alice)
    committed.agency_name = "Talent Bridge"
    committed.save()
    new = make_offer(alice, company="Bluebird Health", role="Senior Data Engineer")
    manager = make_contact(
        committed, name="Morgan Lee", role=Contact.Role.HIRING_MANAGER, phone="+1 555 0142"
    )
    agent = make_contact(committed, name="Riley Park", role=Contact.Role.AGENCY)
    decision = make_decision(alice, [committed, new], chosen_offer=new, decided_at=timezone.now())
    plan = CallPlan.objects.create(
        decision=decision,
        contact=manager,
        agency_contact=agent,
        scheduled_at=timezone.now() + datetime.timedelta(days=1),
        agency_call_at=timezone.now() + datetime.timedelta(days=1, hours=1),
        **script.draft_script(committed, manager, new),
    )
    PreparedAnswer.objects.bulk_create(
        PreparedAnswer(call_plan=plan, reaction=reaction, answer=answer)
        for reaction, answer in script.draft_answers(committed).items()
    )
    Referral.objects.create(call_plan=plan, name="Dana Kim", why_they_fit="Built the same system")
    Referral.objects.create(call_plan=plan, name="Lee Wong", why_they_fit="Ran the team before")
    return alice, decision


def _bottom(locator) -> float:
    box = locator.bounding_box()
    return box["y"] + box["height"]


@pytest.mark.parametrize("size", PHONES)
def test_from_the_dashboard_the_card_dials_and_shows_the_first_words_on_the_first_screen(
    live_server, page, log_in, planned_call, size
):
    alice, decision = planned_call
    viewport = PHONES[size]
    log_in(alice)
    page.set_viewport_size(viewport)
    page.goto(live_server.url + "/")
    page.locator(".calls-to-make").screenshot(path=SCREENSHOTS / f"call-card-{size}-dashboard.png")
    page.get_by_role("link", name="Call card for Northwind Freight").click()
    expect(page).to_have_url(f"{live_server.url}/decisions/{decision.pk}/call/card/")

    # The first screen: not ready (the checks are open), whom, the number, the first words.
    height = viewport["height"]
    expect(page.get_by_text("Not ready to call.")).to_be_visible()
    whom = page.get_by_role("heading", level=1)
    expect(whom).to_have_text("Call Morgan Lee")
    dial = page.locator('a[href="tel:+1 555 0142"]')
    expect(dial).to_be_visible()
    first = page.get_by_text(FIRST_WORDS)
    for locator in (whom, dial, first):
        assert _bottom(locator) <= height, f"{locator} is below the first screen at {size} px"
    page.screenshot(path=SCREENSHOTS / f"call-card-{size}-first-screen.png")

    # The whole card within three screens, nothing wider than the phone.
    card_bottom = page.evaluate(
        "document.querySelector('.call-card').getBoundingClientRect().bottom + window.scrollY"
    )
    assert card_bottom <= 3 * height, f"the card is {card_bottom} px tall at {size} px"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    # Every prepared answer opens from its question; the agency is the second number.
    expect(page.locator(".call-card-answer")).to_have_count(5)
    page.get_by_text("They ask why").click()
    expect(page.get_by_text("the other position is the right step for my career")).to_be_visible()
    expect(page.get_by_text("Dana Kim")).to_be_visible()
    expect(page.get_by_role("heading", name="Then call the agency, Talent Bridge")).to_be_visible()
    page.screenshot(path=SCREENSHOTS / f"call-card-{size}.png", full_page=True)

    # "How did it go?" leads to the call log.
    page.get_by_role("link", name="Record how the call went").click()
    expect(page).to_have_url(f"{live_server.url}/decisions/{decision.pk}/call/log/")


def test_the_card_works_without_javascript_and_prints_on_one_page(
    live_server, open_page, planned_call
):
    alice, decision = planned_call
    page = open_page(java_script_enabled=False, viewport=PHONES["320"])
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(alice.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/decisions/{decision.pk}/call/card/")
    expect(page.get_by_text(FIRST_WORDS)).to_be_visible()
    repayment = page.locator(".call-card-answer").filter(has_text="They raise repayment")
    expect(repayment.locator("p")).to_be_hidden()
    repayment.locator("summary").click()
    expect(repayment.locator("p")).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "call-card-320-no-javascript.png", full_page=True)

    # Printed: one page, every answer open on it.
    pdf = SCREENSHOTS / "call-card.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4", print_background=False)
    page.set_viewport_size({"width": 690, "height": 1000})
    page.screenshot(path=SCREENSHOTS / "call-card-print.png", full_page=True)
    assert page.locator(".call-card-answer p").first.is_visible()
    page.emulate_media(media="screen")
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes())
    assert len(pages) == 1, "the card should print on one page"


PARTS = [
    "Your steps, in order",
    "Before you tell Northwind Freight",
    "Whom, when and how",
    "What to say",
    "If they…",
    "Names you could suggest",
    "After the call",
]


@pytest.mark.parametrize("size", PHONES)
def test_the_plan_reads_in_parts_in_a_few_screens(live_server, page, log_in, planned_call, size):
    alice, decision = planned_call
    FollowUp.objects.create(call_plan=decision.call_plan, text="Return the laptop")
    viewport = PHONES[size]
    log_in(alice)
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}/decisions/{decision.pk}/call/")
    for name in PARTS:
        expect(page.get_by_role("heading", name=name, level=2)).to_be_visible()
    # The checklist's form opens on demand; the plan reads top to bottom in a few screens.
    checklist = page.locator("#readiness form")
    expect(checklist).to_be_hidden()
    expect(page.locator("#readiness")).to_contain_text("One of five checks done.")
    height = page.evaluate("document.documentElement.scrollHeight")
    page.screenshot(path=SCREENSHOTS / f"call-plan-parts-{size}.png", full_page=True)
    page.screenshot(path=SCREENSHOTS / f"call-plan-parts-{size}-first-screen.png")
    for part in ("steps", "readiness", "when", "after"):
        page.locator(f"#{part}").screenshot(path=SCREENSHOTS / f"call-plan-parts-{size}-{part}.png")
    # About 17 screens before it was in parts, 8.5 with the notice part; the list of what is
    # missing, the words, the names and the follow-ups now open on demand.
    screens = {"320": 6, "390": 4}[size]
    assert height <= screens * viewport["height"], f"the plan is {height} px tall at {size} px"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    # A step's text leads to its box in the checklist, opening it; saving returns focus to the
    # checklist, whose summary line says what changed.
    page.get_by_role("link", name=re.compile(r"^Get Bluebird Health’s offer in writing")).click()
    expect(checklist).to_be_visible()
    page.get_by_label("The offer from Bluebird Health is formal and in writing").check()
    page.get_by_role("button", name="Save checklist").click()
    expect(page.locator("#readiness")).to_be_focused()
    expect(page.locator("#readiness")).to_contain_text("Two of five checks done.")

    # The names and the follow-ups: how many, and the names, on a first read; the rows on
    # demand. An action on a row comes back to that row, shown and focused.
    referrals = page.locator("#referrals")
    expect(referrals).to_contain_text("Two names ready to suggest: Dana Kim, Lee Wong.")
    expect(referrals.get_by_role("button", name="Remove Dana Kim")).to_be_hidden()
    follow_up = page.locator("#after li").filter(has_text="Return the laptop")
    expect(follow_up).to_be_hidden()
    page.locator("#after summary").click()
    page.get_by_role("button", name=re.compile(r"^Mark done\W+Return the laptop")).click()
    expect(follow_up).to_be_focused()
    expect(follow_up).to_contain_text("Done")
