"""The realistic case from issue 9, through the browser, from the result to "done".

Northwind accepted 10 days ago, starting in 14 days, a 5,000 EUR signing bonus paid on the first
day and repayable if leaving within a year of starting, an agency involved; Contoso received
yesterday, to be answered within 3 days (an answer deadline before the two working days). The
user chooses Contoso. No page, and not the printed PDF, may ask them to pay back money they
never received; Contoso is accepted first, as its own step; the call is not marked done without
the checks or a recorded choice to skip them.
"""

import datetime
import re
import zoneinfo
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from decisions.models import Consideration, Decision, SkippedCheck
from offers.leaving_cost import add_months
from offers.models import Contact, Offer
from tests.decisions.helpers import at_step, rate
from tests.e2e.conftest import SCREENSHOTS
from tests.factories import make_contact, make_decision, make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
# Any sentence that asks the user to pay the bonus back, or says they owe it.
ASKS_TO_REPAY = re.compile(r"(repay|pay(ing)? back|I owe|return it)[^.]{0,120}5,000", re.I)
AMOUNT_FIRST = re.compile(r"5,000[^.]{0,80}(repay|pay(ing)? back|owe)", re.I)


def _day(date: datetime.date) -> str:
    return f"{date:%A} {date.day} {date:%B}"


@pytest.fixture
def realistic_case():
    alice = make_user("alice", time_zone="Europe/Paris")
    today = timezone.localdate(timezone=PARIS)
    start = today + datetime.timedelta(days=14)
    northwind = make_offer(
        alice,
        company="Northwind",
        role="Data Engineer",
        status=Offer.Status.ACCEPTED,
        accepted_on=today - datetime.timedelta(days=10),
        start_date=start,
        currency="EUR",
        base_salary=Decimal(60000),
        signing_bonus=Decimal(5000),
        agency_name="Brightpath Recruiting",
        repayment_amount=Decimal(5000),
        repayment_for=Offer.RepaymentFor.SIGNING_BONUS,
        repayment_paid=Offer.RepaymentPaid.ON_START,
        repayment_ends=Offer.RepaymentEnds.UNTIL_DATE,
        repayment_until=add_months(start, 12),
        repayment_terms="The signing bonus is repayable in full if I leave within a year of "
        "starting.",
    )
    contoso = make_offer(
        alice,
        company="Contoso",
        role="Senior Data Engineer",
        received_on=today - datetime.timedelta(days=1),
        respond_by=today + datetime.timedelta(days=2),
        currency="EUR",
        base_salary=Decimal(83000),
    )
    make_contact(northwind, name="Morgan Lee", role=Contact.Role.HIRING_MANAGER)
    make_contact(northwind, name="Ari Cole", role=Contact.Role.AGENCY, phone="+33 1 55 00 11")
    decision = make_decision(alice, [northwind, contoso], title="Northwind or Contoso?")
    Decision.objects.filter(pk=decision.pk).update(
        close_knit_field=Decision.Answer.NO, could_commit_fully=Decision.Answer.NO
    )
    rate(decision, {northwind: 3, contoso: 4})
    Consideration.objects.create(
        decision=decision, offer=contoso, kind="pro", term="immediate", text="+EUR 23,000"
    )
    return alice, at_step(decision, Decision.Step.RESULT), northwind, contoso, start


def _words(page) -> str:
    return " ".join(page.locator("body").inner_text().split())


def _open_the_words(page) -> None:
    """Open the plan's disclosures, so that what it would say is read too."""
    for summary in ("Read what you will say", "Read your answers", "Tick the checks"):
        page.get_by_text(summary).click()


def _never_asks_to_repay(text: str, where: str) -> None:
    assert not ASKS_TO_REPAY.search(text), f"{where} asks to pay back money never received"
    assert not AMOUNT_FIRST.search(text), f"{where} asks to pay back money never received"
    assert "I will repay" not in text and "I owe" not in text, where


def test_the_realistic_case_from_the_result_to_done(
    live_server, page, log_in, screenshot, realistic_case
):
    alice, decision, northwind, contoso, start = realistic_case
    today = timezone.localdate(timezone=PARIS)
    deadline = contoso.respond_by
    log_in(alice)

    # The offer's page: what leaving costs, day by day.
    page.goto(f"{live_server.url}/offers/{northwind.pk}/")
    table = page.locator(".leaving-cost-table")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr").first).to_contain_text("Leaving now")
    expect(table.locator("tbody tr").first).to_contain_text("Nothing")
    expect(table.locator("tbody tr").nth(1)).to_contain_text("EUR 5,000")
    table.scroll_into_view_if_needed()
    page.locator("#leaving-cost").screenshot(path=SCREENSHOTS / "offer-leaving-cost-table.png")
    screenshot(page, "offer-leaving-cost")

    # The clause as the form asks for it.
    page.get_by_role("link", name="Change the repayment terms").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Money to pay back if you leave early"
    )
    fieldset = page.locator("form fieldset").first
    expect(fieldset.get_by_label("On your first day")).to_be_checked()
    fieldset.screenshot(path=SCREENSHOTS / "offer-form-repayment-clause.png")

    # The result: Contoso chosen; the risk counts no money, none has been paid.
    page.goto(f"{live_server.url}/decisions/{decision.pk}/result/")
    page.get_by_label("Senior Data Engineer at Contoso").check()
    page.get_by_label("Why? In your own words").fill("The work I want to do, and a team I liked.")
    page.get_by_role("button", name="Record my decision").click()
    expect(page.get_by_text("Recorded: Contoso.")).to_be_visible()
    _never_asks_to_repay(_words(page), "the result page")
    expect(page.get_by_text("You have accepted but not signed")).to_be_visible()
    expect(page.get_by_text("you signed")).to_have_count(0)

    # The plan leads with Contoso's deadline and the steps in order; the call is due by then.
    page.get_by_role("link", name="Plan the call to the employer you are leaving").first.click()
    heading = f"Answer Contoso by {_day(deadline)}"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    steps = page.locator("#steps li")
    expect(steps.nth(0)).to_contain_text("Have your terms with Northwind legally reviewed")
    expect(steps.nth(1)).to_contain_text("Get Contoso’s offer in writing")
    expect(steps.nth(4)).to_contain_text("Check that everything Contoso promised is in")
    expect(steps.nth(5)).to_contain_text("Accept Contoso’s offer in writing")
    expect(steps.nth(5)).to_contain_text(f"Answer by {_day(deadline)}.")
    expect(steps.nth(6)).to_contain_text("Call Northwind")
    expect(steps.nth(6)).to_contain_text(f"Call by {_day(deadline)}: Contoso needs your answer")
    _open_the_words(page)
    text = _words(page)
    assert f"Call by {_day(deadline)}: Contoso needs your answer" in text
    _never_asks_to_repay(text, "the plan")
    assert "5,000" not in text
    assert "not about money" not in text
    assert "The terms you agreed with Northwind" in text and "you signed" not in text
    assert "Then the agency, Brightpath Recruiting" in text
    page.locator("#steps").screenshot(path=SCREENSHOTS / "call-plan-answer-deadline-steps.png")
    screenshot(page, "call-plan-answer-deadline")
    # The pickers, on their own page: Northwind's people for Northwind, the agency's for the agency.
    page.get_by_role("link", name="Change whom, when and how").click()
    employer = page.get_by_label("Whom to call at Northwind")
    expect(employer.locator("option", has_text="Ari Cole")).to_have_count(0)
    expect(employer.locator("option", has_text="Morgan Lee")).to_have_count(1)
    agency = page.get_by_label("Whom to call at Brightpath Recruiting")
    expect(agency.locator("option", has_text="Morgan Lee")).to_have_count(0)
    expect(agency).to_have_value(str(northwind.contacts.get(name="Ari Cole").pk))
    screenshot(page, "call-plan-when-agency")
    page.get_by_role("link", name="Back to the call plan").click()
    expect(page.locator("#when")).to_be_focused()

    # Contoso's offer in writing, its conditions cleared; no start date is recorded yet, so the
    # plan says what confirming it needs before it is ticked.
    expect(page.locator("#ready-start_date_confirmed-fact")).to_contain_text(
        "Add the start date to the offer first"
    )
    if page.locator("#readiness details[open]").count() == 0:
        page.get_by_text("Tick the checks").click()  # the plan's checklist opens on demand
    for label in ("The offer from Contoso is formal and in writing", "conditions are cleared"):
        page.get_by_label(label).check()
    page.get_by_role("button", name="Save checklist").click()
    expect(page.get_by_text("Saved. Some checks are still open.")).to_be_visible()

    # Step 2: accept Contoso, behind the gate: the legal review is still open.
    page.get_by_role("link", name="Record that you accepted").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Record that you accepted Contoso’s offer"
    )
    page.get_by_role("button", name="Record that I accepted").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(
        page.get_by_role("link", name=re.compile("Tick this to go ahead without a legal review"))
    ).to_be_visible()
    screenshot(page, "call-gate-refused")
    contoso.refresh_from_db()
    assert contoso.status == Offer.Status.RECEIVED
    page.get_by_label("I go ahead without a legal review of my terms with Northwind").check()
    page.get_by_label("I go ahead without a confirmed start date at Contoso").check()
    page.get_by_role("button", name="Record that I accepted").click()
    expect(page.get_by_text("Recorded: you accepted Contoso’s offer.")).to_be_visible()
    expect(page.get_by_text(f"You accepted it on {_day(today)}")).to_be_visible()
    expect(page.get_by_text("You chose to go ahead without")).to_have_count(2)
    contoso.refresh_from_db()
    assert (contoso.status, contoso.accepted_on) == (Offer.Status.ACCEPTED, today)

    # Step 3: the call, soon; the script now says Contoso is accepted, and still owes nothing.
    when = (timezone.now() + datetime.timedelta(hours=2)).astimezone(PARIS)
    page.get_by_role("link", name="Change whom, when and how").click()
    page.get_by_label("When will you call?").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Save and return to the plan").click()
    expect(page.get_by_text("Your call plan is saved.")).to_be_visible()
    expect(page.locator("#when")).to_be_focused()
    _open_the_words(page)
    _never_asks_to_repay(_words(page), "the saved plan")
    page.get_by_role("link", name="Change what to say").click()
    expect(page.get_by_label("The reason, in one or two sentences")).to_have_value(
        re.compile("I have accepted another position")
    )
    page.get_by_role("link", name="Back to the call plan").click()
    page.get_by_role("link", name="Change the answers if they…").click()
    expect(page.get_by_label("They raise repayment")).to_have_value(
        "Nothing has been paid to me yet, so there is nothing to return."
    )
    page.get_by_role("link", name="Back to the call plan").click()

    # The printed page: "not ready" at the top, no money to pay back, the date printed.
    page.get_by_role("link", name="print the script").first.click()
    expect(page.get_by_text("Not ready to call.")).to_be_visible()
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    expect(page.locator(".call-print-date")).to_have_text(f"{_day(today)} {today.year}")
    printed = _words(page)
    _never_asks_to_repay(printed, "the print page")
    assert "5,000" not in printed
    screenshot(page, "call-print-not-ready")
    pdf = SCREENSHOTS / "call-print-realistic.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4")
    page.emulate_media(media="screen")
    pdf_text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Not ready to call" in pdf_text and "Notes during the call" in pdf_text
    assert len(PdfReader(pdf).pages) == 1, "the script, with its notes, prints on one page"
    _never_asks_to_repay(pdf_text, "the printed PDF")
    assert "5,000" not in pdf_text

    # After the call: a follow-up with a date, then "done" behind the gate.
    page.get_by_role("link", name="Back to the plan").first.click()
    page.get_by_role("link", name="Add a follow-up").click()
    page.get_by_label("What to do").fill("Send Morgan a short confirmation e-mail")
    page.get_by_label("By when").fill((today + datetime.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Add follow-up").click()
    expect(page.get_by_text("Follow-up added.")).to_be_visible()

    page.get_by_role("link", name="Mark the call as done").click()
    expect(page.get_by_role("heading", name="Check before you go on")).to_be_visible()
    expect(page.locator(".summary-list-row")).to_have_count(
        5
    )  # the four checks and what was promised, in writing
    expect(page.get_by_text("You chose to go ahead without it on")).to_have_count(2)
    _never_asks_to_repay(_words(page), "the done page")
    screenshot(page, "call-gate-done")
    expect(page.get_by_label("Set Data Engineer at Northwind to “Backed out”")).to_be_checked()
    page.get_by_role("button", name="Mark the call as done").click()
    expect(page.get_by_text("You made the call")).to_be_visible()

    northwind.refresh_from_db()
    contoso.refresh_from_db()
    assert northwind.status == Offer.Status.BACKED_OUT
    assert contoso.status == Offer.Status.ACCEPTED
    assert list(SkippedCheck.objects.values_list("check_name", flat=True)) == [
        "terms_reviewed",
        "start_date_confirmed",
    ]

    # The follow-up stays on the dashboard and the timeline until ticked.
    page.goto(live_server.url)
    follow_up = page.locator(".follow-ups-due")
    expect(follow_up).to_contain_text("Send Morgan a short confirmation e-mail")
    screenshot(page, "dashboard-follow-ups")
    _never_asks_to_repay(_words(page), "the dashboard")
    page.goto(f"{live_server.url}/offers/timeline/")
    expect(follow_up).to_contain_text("Send Morgan a short confirmation e-mail")
