"""Reading and writing amounts in each person's number format, with Babel."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crossroads.formats import (
    AmountError,
    currencies,
    format_date,
    format_datetime,
    format_money,
    local_currency,
    number_format_for_browser,
    number_format_in_use,
    number_formats,
    parse_amount,
)

DUTCH, GERMAN, AMERICAN, SWISS, FRENCH, INDIAN = (
    "en_NL",
    "en_DE",
    "en_US",
    "en_CH",
    "en_FR",
    "en_IN",
)


@pytest.mark.parametrize(
    ("locale", "typed", "value"),
    [
        (DUTCH, "95.000", "95000"),
        (DUTCH, "95 000", "95000"),
        (DUTCH, "95.000,50", "95000.50"),
        (DUTCH, "95000", "95000"),
        (DUTCH, "0,5", "0.5"),
        (GERMAN, "1.234.567,89", "1234567.89"),
        (AMERICAN, "95,000.50", "95000.50"),
        (AMERICAN, "95 000", "95000"),
        (AMERICAN, "95000.5", "95000.5"),
        (SWISS, "95’000.50", "95000.50"),
        (SWISS, "95'000", "95000"),
        (FRENCH, "95\u202f000,50", "95000.50"),
        (FRENCH, "95 000,50", "95000.50"),
        (INDIAN, "12,34,567", "1234567"),
    ],
)
def test_an_amount_in_the_persons_own_format_is_read_without_a_note(locale, typed, value):
    reading = parse_amount(typed, locale)
    assert reading.value == Decimal(value)
    assert reading.note == ""


@pytest.mark.parametrize(
    ("locale", "typed", "value", "shown"),
    [
        # Dot and comma swapped from the person's own habit: read the only way that fits money.
        (DUTCH, "95,000.50", "95000.50", "95.000,50"),
        (AMERICAN, "95.000,50", "95000.50", "95,000.50"),
    ],
)
def test_an_entry_read_another_way_says_how_it_was_read(locale, typed, value, shown):
    reading = parse_amount(typed, locale)
    assert reading.value == Decimal(value)
    assert f"read as {shown}" in reading.note
    assert typed in reading.note


@pytest.mark.parametrize(
    ("locale", "typed", "readings"),
    [
        (AMERICAN, "95.000", ("95,000 (95 thousand)", "or 95:")),
        (DUTCH, "78,000", ("78.000", "or 78:")),
    ],
)
def test_an_entry_that_two_readings_fit_is_refused_showing_both(locale, typed, readings):
    with pytest.raises(AmountError) as refused:
        parse_amount(typed, locale)
    assert all(reading in str(refused.value) for reading in readings)


@pytest.mark.parametrize("locale", [DUTCH, AMERICAN, SWISS, FRENCH])
@pytest.mark.parametrize("typed", ["1.2.3", "12,34,56", "1,2.3,4", "9 5000", "95.0001"])
def test_malformed_amounts_are_refused_with_a_message(locale, typed):
    with pytest.raises(AmountError) as refused:
        parse_amount(typed, locale)
    assert typed in str(refused.value) or "digits" in str(refused.value)


@pytest.mark.parametrize("typed", ["lots", "1e5", "NaN", "Infinity", "$100", "١٢٣"])
def test_anything_but_digits_and_separators_is_refused(typed):
    with pytest.raises(AmountError, match="number in digits"):
        parse_amount(typed, DUTCH)


def test_a_negative_amount_is_refused():
    with pytest.raises(AmountError, match="zero or more"):
        parse_amount("-5", DUTCH)


@pytest.mark.parametrize("typed", ["", "   ", None])
def test_an_empty_entry_is_nothing_not_zero(typed):
    assert parse_amount(typed, DUTCH) is None


@pytest.mark.parametrize("locale", list(number_formats()))
def test_every_offered_format_reads_back_what_it_writes(locale):
    amount = Decimal("1234567.89")
    written = format_money(amount, "", locale)
    assert parse_amount(written, locale).value == amount


@given(
    amount=st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2),
    locale=st.sampled_from([DUTCH, GERMAN, AMERICAN, SWISS, FRENCH, INDIAN, "en_SE", "en_ZA"]),
)
def test_any_amount_written_in_a_format_reads_back_in_it(amount, locale):
    reading = parse_amount(format_money(amount, "", locale), locale)
    assert reading.value == amount
    assert reading.note == ""


def test_money_is_written_in_the_persons_format_with_the_iso_code():
    amount = Decimal("95000")
    assert format_money(amount, "EUR", DUTCH) == "EUR 95.000"
    assert format_money(amount, "EUR", GERMAN) == "95.000\u00a0EUR"
    assert format_money(amount, "USD", AMERICAN) == "USD 95,000"
    assert format_money(Decimal("1234.5"), "CHF", SWISS) == "CHF 1’234.50"


def test_the_active_format_is_used_when_none_is_given():
    with number_format_in_use(DUTCH):
        assert format_money(Decimal("95000.5"), "EUR") == "EUR 95.000,50"
        assert parse_amount("95.000").value == 95000
    assert format_money(Decimal("95000.5"), "EUR") == "EUR 95,000.50"


def test_an_unknown_format_falls_back_to_the_default():
    with number_format_in_use("xx_YY"):
        assert format_money(Decimal(1000), "USD") == "USD 1,000"


def test_dates_are_written_day_month_year_in_english_words():
    with number_format_in_use(GERMAN):
        assert format_date(datetime.date(2026, 12, 1)) == "1 December 2026"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("nl-NL,nl;q=0.9,en-US;q=0.8", DUTCH),
        ("de", GERMAN),
        ("de-CH", SWISS),
        ("en-US,en;q=0.5", AMERICAN),
        ("fr;q=0.2, de-AT;q=0.9", "en_AT"),
        ("", AMERICAN),
        ("*", AMERICAN),
        ("xx-??, ;q=zz", AMERICAN),
    ],
)
def test_the_browsers_language_suggests_a_format(header, expected):
    assert number_format_for_browser(header) == expected


def test_the_currency_list_is_iso_4217_in_use_today():
    codes = currencies()
    assert {"EUR", "USD", "GBP", "JPY", "CHF", "INR"} <= set(codes)
    assert not {"DEM", "NLG", "XAU", "XXX"} & set(codes)
    assert codes["EUR"] == "EUR: Euro"


def test_a_formats_country_gives_its_currency():
    assert local_currency(DUTCH) == "EUR"
    assert local_currency(SWISS) == "CHF"
    assert local_currency(AMERICAN) == "USD"


def test_a_moment_is_written_in_the_zone_it_names():
    moment = datetime.datetime(2026, 12, 1, 8, 30, tzinfo=datetime.UTC)
    zone = zoneinfo.ZoneInfo("Europe/Amsterdam")
    assert format_datetime(moment, zone, DUTCH) == "Tuesday 1 December 2026, 09:30 (Amsterdam time)"
    assert format_datetime(moment, datetime.UTC, AMERICAN).endswith("08:30 (UTC)")
