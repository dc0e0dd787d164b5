"""The form fields that read what people type, on their own."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from hypothesis import given
from hypothesis import strategies as st

from crossroads.text import NUL_MESSAGE
from offers.fields import (
    DayField,
    MoneyField,
    PercentagesField,
    format_percentages,
    parse_percentages,
)


def errors(field, value) -> list[str]:
    with pytest.raises(forms.ValidationError) as refused:
        field.clean(value)
    return refused.value.messages


@pytest.mark.parametrize("typed", ["120,000", "120 000", "120_000", " 120000 ", "120,000.00"])
def test_an_amount_may_be_typed_as_people_write_it(typed):
    assert MoneyField().clean(typed) == Decimal(120000)


def test_an_empty_amount_is_none_and_a_negative_one_is_refused():
    assert MoneyField().clean("") is None
    assert MoneyField(required=True).clean("") is None
    assert errors(MoneyField(), "-1") == ["Enter an amount of zero or more."]


def test_a_day_must_be_real_and_in_a_year_someone_could_mean():
    assert DayField().clean("2026-05-31") == datetime.date(2026, 5, 31)
    assert errors(DayField(), "2026-02-30") == ["Enter a real date, such as 2026-05-31."]
    assert errors(DayField(), "2201-01-01") == [
        "Check the year: it should be between 1900 and 2200."
    ]
    assert DayField(required=False).clean("") is None


@pytest.mark.parametrize(
    "text, shares",
    [
        ("5/15/40/40", ["5", "15", "40", "40"]),
        ("33.33%, 33.33%, 33.34%", ["33.33", "33.33", "33.34"]),
        ("50; 50", ["50", "50"]),
    ],
)
def test_percentages_are_read_with_any_separator(text, shares):
    assert parse_percentages(text) == [Decimal(share) for share in shares]


@pytest.mark.parametrize("text", ["half/half", "NaN", "Infinity/0", "1.234"])
def test_what_is_not_a_percentage_is_refused(text):
    with pytest.raises(forms.ValidationError):
        parse_percentages(text)


def test_stored_percentages_come_back_as_typed():
    field = PercentagesField()
    assert field.prepare_value([33.33, 33.33, 33.34]) == "33.33/33.33/33.34"
    assert field.prepare_value([5, 15, 40, 40]) == "5/15/40/40"
    assert field.prepare_value("as typed, wrong or not") == "as typed, wrong or not"
    assert field.clean("") == []


def test_percentages_are_checked_as_text_before_they_are_read():
    field = PercentagesField()
    assert errors(field, "25/75\x00") == [NUL_MESSAGE]
    assert errors(field, "1/" * 150) == ["Keep this under 200 characters (it has 300)."]


@given(st.lists(st.decimals(0, 100, places=2), min_size=1, max_size=10))
def test_percentages_written_out_read_back_the_same(shares):
    assert parse_percentages(format_percentages(shares)) == shares
