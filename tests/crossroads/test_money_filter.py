from decimal import Decimal

from offers.templatetags.money import money


def test_money_shows_thousands_and_the_currency_code():
    assert money(Decimal("120000"), "USD") == "USD 120,000"


def test_money_keeps_cents_only_when_there_are_some():
    assert money(Decimal("1234.50"), "EUR") == "EUR 1,234.50"


def test_money_shows_a_dash_for_no_amount():
    assert money(None, "USD") == "—"
