"""Fields for what an offer holds: the model fields that store its amounts, days, percentages and
ticks (each made by one function, so they are declared alike), and the form fields people type
them into."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.db import models

from crossroads.dates import validate_day
from crossroads.errors import OWN_MESSAGES
from crossroads.formats import AmountError, format_number, parse_amount
from crossroads.text import text_errors
from crossroads.widgets import LongSelect

# How the model stores money: up to twelve digits before the point and two after.
MONEY_DIGITS = {"max_digits": 14, "decimal_places": 2}


def amount_field(verbose_name, help_text):
    """An amount of money in the offer's currency; 0 until it is known."""
    return models.DecimalField(
        verbose_name, default=Decimal(0), help_text=help_text, **MONEY_DIGITS
    )


def percentage_field(verbose_name, help_text):
    """A percentage from 0 to 100 with two decimals; 0 unless given."""
    return models.DecimalField(
        verbose_name, max_digits=5, decimal_places=2, default=Decimal(0), help_text=help_text
    )


def within(name, low, high, empty=False) -> models.Q:
    """``name`` is from ``low`` to ``high`` (or empty, with ``empty``): for a CheckConstraint."""
    inside = models.Q(**{f"{name}__gte": low, f"{name}__lte": high})
    return models.Q(**{f"{name}__isnull": True}) | inside if empty else inside


def day_field(verbose_name, help_text):
    """A date that may not be known yet."""
    return models.DateField(
        verbose_name, null=True, blank=True, help_text=help_text, validators=[validate_day]
    )


def tick_field(verbose_name, help_text):
    """A box to tick, such as a step towards being ready to switch: not done until ticked."""
    return models.BooleanField(verbose_name, default=False, help_text=help_text)


def optional_number_field(verbose_name, help_text, **digits):
    """A number the user may leave out: None, not 0, when it is not given."""
    return models.DecimalField(verbose_name, null=True, blank=True, help_text=help_text, **digits)


def text_field(verbose_name, help_text, max_length=200):
    """A line of text that may be left empty."""
    return models.CharField(verbose_name, max_length=max_length, blank=True, help_text=help_text)


def notes_field(verbose_name, help_text):
    """Free text that may be left empty."""
    return models.TextField(verbose_name, blank=True, help_text=help_text)


class DateInput(forms.DateInput):
    """The browser's date picker, which sends and shows 2026-05-31."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DayField(forms.DateField):
    """A day from the date picker, in a year someone could mean."""

    widget = DateInput
    default_error_messages = {"invalid": "Enter a real date, such as 2026-05-31."}

    default_validators = [validate_day]


class MoneyField(forms.DecimalField):
    """An amount typed as people write it, read in their own number format first ("95.000" is
    ninety-five thousand in the Netherlands) and shown back in it. Never negative; left empty it
    is None, whatever the model says, and the form decides what that means. ``reading_note``
    says how an entry written the other way round (dot and comma swapped) was read."""

    # No autocomplete="off": the browser's own form restoration (Back, reload) must keep amounts.
    widget = forms.TextInput(attrs={"inputmode": "decimal"})
    default_error_messages = {
        "min_value": "Enter an amount of zero or more.",
        "max_digits": OWN_MESSAGES["max_digits"],
        "max_whole_digits": OWN_MESSAGES["max_whole_digits"],
    }

    def __init__(self, *, required=False, blank_zero=False, **kwargs):
        super().__init__(required=False, min_value=0, **kwargs)
        # Zero is stored for "none" in some columns: show it as the empty field it came from.
        self.blank_zero = blank_zero
        self.reading_note = ""

    def to_python(self, value):
        self.reading_note = ""
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            reading = parse_amount(str(value))
        except AmountError as error:
            raise forms.ValidationError(str(error), code="invalid") from None
        if reading is None:
            return None
        self.reading_note = reading.note
        return reading.value

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            if value == 0 and self.blank_zero:
                return ""
            return format_number(value)
        return value


class CurrencyField(forms.ChoiceField):
    """An ISO 4217 code from a select; " gbp " from a script is read as GBP."""

    widget = LongSelect

    def to_python(self, value):
        return super().to_python(value).strip().upper()


def parse_percentages(text: str) -> list[Decimal]:
    """ "5/15/40/40" (or with commas, spaces or % signs) as a list of Decimals."""
    parts = [p for p in re.split(r"[/,;\s]+", text.replace("%", "")) if p]
    try:
        shares = [Decimal(p) for p in parts]
    except InvalidOperation:
        shares = None
    if shares is None or not all(share.is_finite() for share in shares):
        raise forms.ValidationError(
            "Enter whole or decimal numbers separated by slashes, such as 25/25/25/25."
        )
    if any(share.as_tuple().exponent < -2 for share in shares):
        raise forms.ValidationError("Give each percentage with at most two decimals.")
    return shares


def format_percentages(shares) -> str:
    """Yearly percentages as people type them: "5/15/40/40"."""
    return "/".join(str(share) for share in shares)


class PercentagesField(forms.CharField):
    """Yearly percentages typed on one line, such as 5/15/40/40; a list of Decimals once clean."""

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", text_errors(200))
        super().__init__(max_length=200, required=False, **kwargs)

    def prepare_value(self, value):
        return format_percentages(value) if isinstance(value, list) else value

    def clean(self, value):
        # The text is checked as text first (its length, a NUL character), then read.
        text = super().clean(value)
        return parse_percentages(text) if text else []
