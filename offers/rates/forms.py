"""The home currency and the rate forms. Labels and help texts come from the models."""

import re
from decimal import Decimal

from django import forms
from django.db import transaction

from crossroads.errors import require, use_own_messages
from crossroads.formats import currencies, format_exact, format_money, parse_exact
from crossroads.models import User
from offers import compensation, exchange
from offers.fields import DayField
from offers.rates.models import ExchangeRate

NOT_A_CURRENCY = (
    "{code} is not a currency code we know. Use the three-letter ISO 4217 code, such as USD, "
    "EUR or GBP."
)


def _checked_here(field) -> None:
    """A code field's length is checked by ``currency_code``, with its own message."""
    field.max_length = None
    field.validators = []
    field.widget.attrs.pop("maxlength", None)


def currency_code(text: str) -> str:
    """A typed currency code, checked against ISO 4217: " usd " is USD."""
    code = (text or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code) or code not in currencies():
        shown = f"“{text.strip()}”" if text.strip() else "This"
        raise forms.ValidationError(NOT_A_CURRENCY.format(code=shown))
    return code


class HomeCurrencyForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["home_currency"]
        widgets = {"home_currency": forms.TextInput(attrs={"size": 3, "autocomplete": "off"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _checked_here(self.fields["home_currency"])

    def clean_home_currency(self):
        text = self.cleaned_data["home_currency"]
        return currency_code(text) if text.strip() else ""


class RateField(forms.DecimalField):
    """A rate typed and shown in the person's own number format: "0.92", or "0,92" where the
    comma marks decimals."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    default_error_messages = {
        "invalid": "Enter the rate as a number written your way, such as %(example)s.",
        "max_decimal_places": "Give the rate with at most %(max)s decimals.",
        "max_whole_digits": "That rate is far too large: check it.",
        "max_digits": "That rate has too many digits: check it.",
    }

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            read = parse_exact(value)
            if read is None:
                example = format_exact(Decimal("0.92"))
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid", params={"example": example}
                )
            value = read
        return super().to_python(value)

    def prepare_value(self, value):
        return format_exact(value) if isinstance(value, Decimal) else value


class RateForm(forms.ModelForm):
    """One unit of a currency in the user's home currency. A rate that would make an offer worth
    1,000 times another is refused until the user confirms it."""

    confirm = forms.BooleanField(
        label="The rate is right: save it anyway", required=False, widget=forms.HiddenInput
    )

    class Meta:
        model = ExchangeRate
        fields = ["currency", "rate", "taken_on", "source"]
        field_classes = {"rate": RateField, "taken_on": DayField}
        widgets = {"currency": forms.TextInput(attrs={"size": 3, "autocomplete": "off"})}

    def __init__(self, *args, home: str, offers=(), rates=None, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        require(
            self,
            {
                "currency": "Enter the currency’s code, such as EUR.",
                "rate": "Enter the rate, such as 0.92.",
                "taken_on": "Enter the day you took the rate, such as 2026-12-01.",
            },
        )
        self.home = home
        self.offers = list(offers)
        self.rates = rates or exchange.Rates()
        self.fields["rate"].label = f"One unit of this currency is worth how many {home}?"
        self.asks_to_confirm = False
        _checked_here(self.fields["currency"])

    def clean_currency(self):
        code = currency_code(self.cleaned_data["currency"])
        if code == self.home:
            raise forms.ValidationError(
                f"{code} is your home currency: it needs no rate. Set a rate for another one."
            )
        return code

    def clean_rate(self):
        rate = self.cleaned_data["rate"]
        if rate is not None and rate <= 0:
            raise forms.ValidationError("A rate must be more than 0, such as 0.92.")
        return rate

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("confirm"):
            self._check_not_absurd(cleaned["currency"], cleaned["rate"])
        return cleaned

    def _check_not_absurd(self, currency: str, rate: Decimal) -> None:
        proposed = exchange.Rate(currency, self.home, rate, self.cleaned_data["taken_on"])
        rates = exchange.Rates([*self.rates, proposed])
        these, others = [], []
        for offer in self.offers:
            amount = rates.convert(
                compensation.four_year_total(offer.package()), offer.currency, self.home
            )
            if amount is not None:
                (these if offer.currency == currency else others).append(amount.value)
        ratio = exchange.suspicious_ratio(these, others)
        if ratio is None:
            return
        self.asks_to_confirm = True
        self.fields["confirm"].widget = forms.CheckboxInput()
        self.add_error(
            "rate",
            f"With this rate, one of your offers would be worth {format_money(round(ratio))} "
            f"times another over four years. Check the rate (is it 1 {currency} in {self.home}, "
            "not the other way round?). If it is right, tick the box below and save again.",
        )

    def save(self, commit=True):
        rate = super().save(commit=False)
        rate.home_currency = self.home
        with transaction.atomic():
            # One rate per pair of currencies: a rate set the other way round is replaced.
            ExchangeRate.objects.filter(
                owner=rate.owner, currency=self.home, home_currency=rate.currency
            ).delete()
            rate.save()
        return rate
