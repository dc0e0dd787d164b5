"""An offer with no money entered yet (expected, its terms unknown) says "No figures yet" on every
page that shows money, is left out of totals, charts and rankings with a note naming it, and is
never shown as worth 0. One rule decides it: ``compensation.has_figures``."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from offers import compensation
from offers.compare.forms import compare_url
from offers.models import ExchangeRate, Offer
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db

LEFT_OUT = "Moldau Bank is left out: no figures yet."


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _get(client, path, params=None) -> str:
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def offers(alice):
    """Prague accepted, Amsterdam received, Moldau Bank expected with no money yet."""
    today = timezone.localdate()
    return [
        make_offer(
            alice,
            company="Prague Co",
            currency="CZK",
            status=Offer.Status.ACCEPTED,
            base_salary=Decimal(1_200_000),
        ),
        make_offer(
            alice,
            company="Amsterdam Co",
            currency="CZK",
            base_salary=Decimal(1_500_000),
            received_on=today,
            respond_by=today + datetime.timedelta(days=4),
        ),
        make_offer(
            alice,
            company="Moldau Bank",
            currency="CZK",
            status=Offer.Status.EXPECTED,
            base_salary=Decimal(0),
            expected_on=today + datetime.timedelta(days=9),
        ),
    ]


def _moldau_column(html: str) -> list[str]:
    """The year-by-year table's cells in Moldau Bank's column."""
    table = re.search(r'<table class="table table-sm compare-table">.*?</table>', html, re.S)
    heading, *rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table.group(0), re.S)
    names = [_text(th) for th in re.findall(r"<th[^>]*>(.*?)</th>", heading, re.S)[1:]]
    column = next(i for i, name in enumerate(names) if name.startswith("Moldau Bank"))
    return [_text(re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[column]) for row in rows]


@pytest.mark.parametrize(
    ("money", "has"),
    [
        ({}, False),
        ({"base_salary": Decimal(1)}, True),
        ({"signing_bonus": Decimal(5000)}, True),
        ({"equity_value": Decimal(10), "vesting_years": 6, "cliff_months": 60}, True),
        ({"benefits_value": Decimal(100)}, True),
        ({"target_bonus": Decimal(100)}, True),
        # A bonus as a share of no salary is no money.
        ({"target_bonus_percent": Decimal(10)}, False),
        ({"target_bonus": Decimal(0)}, False),
    ],
)
def test_the_database_and_the_package_agree_on_which_offers_have_figures(alice, money, has):
    offer = make_offer(alice, **{"base_salary": Decimal(0), **money})
    assert compensation.has_figures(offer.package()) is has
    assert Offer.objects.with_figures().filter(pk=offer.pk).exists() is has


def test_the_compare_page_says_no_figures_yet_and_leaves_it_out_of_the_chart(alice_client, offers):
    html = _get(alice_client, reverse("offers:compare"))
    text = _text(html)
    cells = _moldau_column(html)
    # Four years of five parts, a total and a total so far, and the grand total.
    assert len(cells) == 4 * 7 + 1
    assert set(cells) == {"– No figures yet"}
    assert "No figures yet: not compared" in text
    assert LEFT_OUT in text
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", html, re.S).group(1)
    assert "Prague Co" in desc and "Amsterdam Co" in desc and "Moldau Bank" not in desc
    chart_table = re.search(r'<table class="table table-sm chart-table">.*?</table>', html, re.S)
    assert "Moldau Bank" not in chart_table.group(0)


def test_a_decisions_compare_says_the_same(alice_client, alice, offers):
    decision = make_decision(alice, offers, horizon_years=2)
    path, query = compare_url(decision.offers.all(), decision.horizon_years).split("?")
    html = _get(alice_client, f"{path}?{query}")
    assert len(_moldau_column(html)) == 2 * 7 + 1
    assert set(_moldau_column(html)) == {"– No figures yet"}
    assert LEFT_OUT in _text(html)


def test_an_offer_without_figures_in_another_currency_asks_for_no_rate(alice_client, offers):
    Offer.objects.filter(company="Moldau Bank").update(currency="EUR")
    text = _text(_get(alice_client, reverse("offers:compare")))
    assert "No exchange rate" not in text
    assert LEFT_OUT in text
    # The others are still compared in their own currency, nothing converted.
    assert "converted" not in text
    list_text = _text(_get(alice_client, reverse("offers:list")))
    assert "No exchange rate" not in list_text
    assert re.search(r"Amsterdam Co.*?Most over four years", list_text)


def test_only_offers_without_figures_draw_no_chart(alice_client, alice):
    for name in ("Moldau Bank", "Vltava Ltd"):
        make_offer(alice, company=name, currency="CZK", base_salary=Decimal(0))
    html = _get(alice_client, reverse("offers:compare"))
    text = _text(html)
    assert "<svg" not in html
    assert "nothing to draw" in text
    assert "Moldau Bank and Vltava Ltd are left out: no figures yet." in text
    assert "CZK 0" not in html


def test_the_compare_page_takes_the_same_queries_with_an_offer_without_figures(
    alice_client, alice, offers, django_assert_num_queries
):
    params = {"offers": [offers[0].pk, offers[1].pk], "years": 4}
    # Session, user, the user's offers: all in one currency, so no rate is read.
    with django_assert_num_queries(3) as captured:
        _get(alice_client, reverse("offers:compare"), params)
    params["offers"].append(offers[2].pk)
    with django_assert_num_queries(len(captured.captured_queries)):
        _get(alice_client, reverse("offers:compare"), params)


def test_the_list_converts_the_first_year_as_it_converts_the_four_years(alice_client, alice):
    make_offer(alice, company="Prague Co", currency="CZK", base_salary=Decimal(1_200_000))
    make_offer(alice, company="Another Prague Co", currency="CZK", base_salary=Decimal(1_000_000))
    make_offer(alice, company="Amsterdam Co", currency="EUR", base_salary=Decimal(60000))
    ExchangeRate.objects.create(
        owner=alice,
        currency="EUR",
        home_currency="CZK",
        rate=Decimal(25),
        taken_on=timezone.localdate(),
    )
    alice.home_currency = "CZK"
    alice.save()
    html = _get(alice_client, reverse("offers:list"))
    row = _text(re.search(r"Amsterdam Co.*?</tr>", html, re.S).group(0))
    assert "EUR 60,000 about CZK 1,500,000 converted from EUR 60,000" in row
    assert "EUR 240,000 about CZK 6,000,000 converted from EUR 240,000" in row
    # An offer in the comparison's own currency is not converted in either column.
    prague = _text(re.search(r"Prague Co</div>.*?</tr>", html, re.S).group(0))
    assert "about" not in prague


def test_the_dashboard_names_it_and_asks_no_rate_for_it(alice_client, offers):
    Offer.objects.filter(company="Moldau Bank").update(currency="EUR")
    text = _text(_get(alice_client, reverse("home")))
    assert "No exchange rate" not in text
    assert LEFT_OUT in text
    assert "Worth the most over four years: Amsterdam Co" in text
