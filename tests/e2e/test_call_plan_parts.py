"""The call plan in parts at phone sizes: each part a heading and a summary line, its editing form
opened on demand, the whole plan read top to bottom in a few screens."""

import re

import pytest
from playwright.sync_api import expect

from decisions.models import FollowUp
from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_call_card import PHONES
from tests.e2e.test_call_card import planned_call as _planned_call  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

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
def test_the_plan_reads_in_parts_in_a_few_screens(live_server, page, log_in, _planned_call, size):
    alice, decision = _planned_call
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
    expect(page.locator("#readiness")).to_contain_text("None of four checks ticked.")
    height = page.evaluate("document.documentElement.scrollHeight")
    page.screenshot(path=SCREENSHOTS / f"call-plan-parts-{size}.png", full_page=True)
    assert height <= 8 * viewport["height"], f"the plan is {height} px tall at {size} px"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    # A step's link opens the checklist at its box; saving returns focus to the checklist,
    # whose summary line says what changed.
    page.get_by_role("link", name=re.compile(r"^Tick it below when done\W+get bluebird")).click()
    expect(checklist).to_be_visible()
    page.get_by_label("The offer from Bluebird Health is formal and in writing").check()
    page.get_by_role("button", name="Save checklist").click()
    expect(page.locator("#readiness")).to_be_focused()
    expect(page.locator("#readiness")).to_contain_text("One of four checks ticked.")
