"""A newcomer tries Crossroads with the example, looks around, and removes it.

With CROSSROADS_UPDATE_DOCS_SCREENSHOTS=1 this journey also writes the README's three pictures
(the dashboard with the example, an offer, the timeline) to docs/screenshots/, 800 pixels wide;
without it, normal runs leave the tree clean.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from offers.models import Offer
from tests.factories import make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DOCS_VIEWPORT = {"width": 800, "height": 1000}


@pytest.fixture
def docs_screenshot():
    """Write a README picture, only when asked to."""
    wanted = os.environ.get("CROSSROADS_UPDATE_DOCS_SCREENSHOTS") == "1"

    def take(page, name: str) -> None:
        if not wanted:
            return
        DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        size = page.viewport_size
        page.set_viewport_size(DOCS_VIEWPORT)
        page.screenshot(path=DOCS_SCREENSHOTS / f"{name}.png")
        page.set_viewport_size(size)

    return take


def test_a_newcomer_loads_the_example_looks_around_and_removes_it(
    live_server, page, log_in, screenshot, docs_screenshot
):
    alex = make_user("alex", number_format="en_NL", time_zone="Europe/Amsterdam")
    bob = make_user("bob")
    bobs = make_offer(bob, company="Bob's own")
    log_in(alex)

    # The empty dashboard invites a first offer, or a try with an example.
    screenshot(page, "example-empty-dashboard")
    page.get_by_role("button", name="Try it with an example").click()
    expect(page.get_by_role("alert")).to_contain_text("An example is loaded")
    expect(page.locator(".example-banner")).to_contain_text("made up")
    coming_up = page.locator("section", has=page.get_by_role("heading", name="Coming up"))
    expect(coming_up).to_contain_text("Answer due: Senior Data Engineer at Lumen Health")
    expect(coming_up.locator(".example-badge").first).to_have_text("Example")
    expect(page.get_by_text("2 clashes between your offers' dates.")).to_be_visible()
    screenshot(page, "example-dashboard")
    page.reload()  # the README's picture: the dashboard as it stays, without the message
    docs_screenshot(page, "dashboard")

    # Every offer of the example wears its badge in the list.
    page.get_by_role("link", name="All your offers").click()
    rows = page.locator("table.offers-table tbody tr")
    expect(rows).to_have_count(3)
    for i in range(3):
        expect(rows.nth(i).locator(".example-badge")).to_have_text("Example")
    expect(page.locator("table.offers-table")).to_contain_text("EUR")
    screenshot(page, "example-offers")

    # The better offer: its money year by year, its recruiter, its badge.
    page.get_by_role("link", name="Senior Data Engineer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Senior Data Engineer at Lumen Health"
    )
    expect(page.locator("h1 + p .example-badge")).to_have_text("Example")
    expect(page.get_by_role("link", name="Edit Sam Okafor")).to_be_visible()
    screenshot(page, "example-offer")
    docs_screenshot(page, "offer")

    # The timeline shows the dilemma the example is about.
    page.goto(f"{live_server.url}/offers/timeline/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Timeline")
    expect(page.locator(".timeline")).to_contain_text("Offer expected: Analytics Engineer")
    expect(page.locator(".timeline .example-badge")).to_have_count(4)
    expect(page.get_by_role("link", name="Ask Lumen Health for more time").first).to_be_visible()
    screenshot(page, "example-timeline")
    docs_screenshot(page, "timeline")

    # Removing it asks first, then leaves the account as it was.
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Remove the example").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove the example?")
    expect(page.locator("main")).to_contain_text("Data Engineer at Harbor Analytics")
    screenshot(page, "example-remove")
    page.get_by_role("button", name="Yes, remove the example").click()
    expect(page.get_by_role("alert")).to_contain_text("The example is removed (3 offers)")
    expect(page.get_by_role("button", name="Try it with an example")).to_be_visible()
    assert not Offer.objects.filter(owner=alex).exists()
    assert Offer.objects.filter(pk=bobs.pk).exists()
