"""The money pages on a phone: the compare chart's text reads at 12 CSS pixels or more at any
width, its lines differ by more than colour, the year-by-year table reflows with each figure
labelled with its offer, and the tables that scroll keep their names in view."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from decisions.models import Decision
from offers.models import Offer
from tests.decisions.helpers import at_step, rate
from tests.e2e.conftest import SCREENSHOTS
from tests.factories import make_decision, make_offer, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONES = {"320": {"width": 320, "height": 568}, "390": {"width": 390, "height": 844}}
WIDTHS = (320, 390, 480, 576, 700, 768, 1024, 1200, 1400)
NAMES = ("Northwind Freight and Logistics", "Bluebird Health", "Contoso")

# The size each visible chart text is drawn at: its font size times the SVG's scale.
DRAWN_SIZES = """() => Array.from(document.querySelectorAll('main svg[role="img"]'))
  .filter(svg => svg.getBoundingClientRect().width > 0)
  .flatMap(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Array.from(svg.querySelectorAll('text')).map(text => ({
      text: text.textContent,
      size: parseFloat(getComputedStyle(text).fontSize) * scale,
    }));
  })"""

# Each figure of the reflowed table, with the offer name written beside it.
LABELLED_CELLS = """() => Array.from(document.querySelectorAll('.compare-table td[data-label]'))
  .map(td => ({
    name: td.dataset.label,
    shown: getComputedStyle(td, '::before').content,
    width: td.getBoundingClientRect().width,
  }))"""


@pytest.fixture
def offers():
    alice = make_user("alice")
    today = timezone.localdate()
    money = {"base_salary": Decimal("98000"), "signing_bonus": Decimal("12000")}
    committed = make_offer(
        alice,
        company=NAMES[0],
        role="Principal Data Platform Engineer",
        status=Offer.Status.SIGNED,
        start_date=today + datetime.timedelta(days=30),
        **money,
    )
    chosen = make_offer(alice, company=NAMES[1], base_salary=Decimal("1250000"))
    third = make_offer(alice, company=NAMES[2], base_salary=Decimal("87000"))
    decision = make_decision(
        alice, [committed, chosen, third], chosen_offer=chosen, decided_at=timezone.now()
    )
    rate(decision, {committed: 3, chosen: 4, third: 2})
    return alice, at_step(decision, Decision.Step.RESULT), committed


def _region_keeps_names_in_view(page, region) -> None:
    """Scrolled sideways by keyboard to its far end, a money table still shows its names."""
    region.focus()
    overflow = region.evaluate("r => r.scrollWidth - r.clientWidth")
    for _ in range(40 if overflow > 0 else 0):
        page.keyboard.press("ArrowRight")
    if overflow > 0:
        assert region.evaluate("r => r.scrollLeft") > 0, "the region does not scroll by keyboard"
    box = region.bounding_box()
    for name in region.locator("tbody th:first-child").all():
        left = name.bounding_box()["x"]
        assert box["x"] - 1 <= left < box["x"] + box["width"], "a name scrolled out of view"


def test_the_compare_page_reads_at_every_width(live_server, page, log_in, offers):
    alice, _, _ = offers
    log_in(alice)
    page.goto(f"{live_server.url}/offers/compare/")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        sizes = page.evaluate(DRAWN_SIZES)
        assert sizes, f"no chart drawn at {width} px"
        small = [s for s in sizes if s["size"] < 12]
        assert not small, f"chart text under 12 px at {width} px: {small}"
        assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("size", PHONES)
def test_on_a_phone_the_chart_has_a_legend_and_every_figure_names_its_offer(
    live_server, page, log_in, offers, size
):
    alice, _, _ = offers
    log_in(alice)
    page.set_viewport_size(PHONES[size])
    page.goto(f"{live_server.url}/offers/compare/")
    legend = page.locator(".chart-legend")
    expect(legend).to_be_visible()
    for name in NAMES:
        expect(legend.get_by_text(name)).to_be_visible()
    # Each line's sample differs in its dash and its marker, not only its colour.
    samples = legend.locator("svg.chart-sample")
    dashes = {
        s.locator("line").evaluate("l => getComputedStyle(l).strokeDasharray")
        for s in samples.all()
    }
    shapes = {s.locator(".chart-marker").evaluate("m => m.tagName") for s in samples.all()}
    assert len(dashes) == 3 and len(shapes) == 3

    # The year-by-year table reflows: a block a year, each figure beside its offer's name.
    cells = page.evaluate(LABELLED_CELLS)
    assert cells
    for cell in cells:
        assert cell["shown"] == f'"{cell["name"]}"' and cell["width"] > 0
    assert {cell["name"] for cell in cells} == set(NAMES)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONES[size]["width"]
    _region_keeps_names_in_view(
        page, page.get_by_role("region", name="Money so far, the chart's figures")
    )
    page.screenshot(path=SCREENSHOTS / f"compare-{size}.png", full_page=True)
    page.locator("section", has=page.locator("#chart-title")).screenshot(
        path=SCREENSHOTS / f"compare-{size}-chart.png"
    )
    page.locator(".compare-table thead").screenshot(path=SCREENSHOTS / f"compare-{size}-offers.png")
    page.locator(".compare-table tbody").first.screenshot(
        path=SCREENSHOTS / f"compare-{size}-year-1.png"
    )


@pytest.mark.parametrize("size", PHONES)
def test_the_result_and_the_offer_page_keep_names_in_view_on_a_phone(
    live_server, page, log_in, offers, size
):
    alice, decision, committed = offers
    log_in(alice)
    page.set_viewport_size(PHONES[size])
    page.goto(f"{live_server.url}/decisions/{decision.pk}/result/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONES[size]["width"]
    small = [s for s in page.evaluate(DRAWN_SIZES) if s["size"] < 12]
    assert not small, f"chart text under 12 px: {small}"
    money = page.locator("#money")
    _region_keeps_names_in_view(page, money.get_by_role("region"))
    money.screenshot(path=SCREENSHOTS / f"result-money-{size}.png")

    page.goto(f"{live_server.url}/offers/{committed.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONES[size]["width"]
    years = page.get_by_role("region", name="Year by year, in USD")
    _region_keeps_names_in_view(page, years)
    years.screenshot(path=SCREENSHOTS / f"offer-years-{size}.png")
