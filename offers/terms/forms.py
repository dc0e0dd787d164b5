"""The form for an offer's leaving terms: labels and hints from the model, the checks here."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row
from django import forms
from django.utils.text import capfirst

from crossroads.errors import use_own_messages
from crossroads.formats import format_money
from offers import country_notes, notice
from offers.fields import MONEY_DIGITS, MoneyField
from offers.terms import models as terms
from offers.terms.countries import countries, not_a_country
from offers.terms.models import LeavingTerms

NOTICE_TOO_LONG = f"A notice period can be at most {terms.MAX_NOTICE_MONTHS} months long."
NOT_NEGATIVE = "Enter 0 or more."


def _period(prefix: str) -> Fieldset:
    return Fieldset(
        f"Notice {terms.PERIODS[prefix]}",
        Row(
            Column(f"{prefix}_amount", css_class="col-sm-4"),
            Column(f"{prefix}_unit", css_class="col-sm-3"),
            Column(f"{prefix}_to", css_class="col-sm-5"),
        ),
        css_class="notice-period",
    )


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(
        Fieldset("Where you would work", "country"),
        HTML(
            '<p class="text-body-secondary">As the contract says: leave a period empty if it '
            "says nothing about it. Where the country has a default, we use it.</p>"
        ),
        _period("notice"),
        "probation_months",
        _period("probation_notice"),
        _period("before_start"),
        "no_ending_before_start",
        "notice_in_writing",
        Fieldset(
            "Other clauses",
            "no_start_penalty",
            Row(
                Column("non_compete_months", css_class="col-sm-6"),
                Column("non_compete_paid", css_class="col-sm-6"),
            ),
        ),
    )
    return helper


def _model_field(name: str):
    return LeavingTerms._meta.get_field(name)


class LeavingTermsForm(forms.ModelForm):
    country = forms.ChoiceField(required=False)
    no_start_penalty = MoneyField(**MONEY_DIGITS)

    class Meta:
        model = LeavingTerms
        fields = (
            "country",
            *(f"{prefix}_{part}" for prefix in terms.PERIODS for part in ("amount", "unit", "to")),
            "probation_months",
            "no_ending_before_start",
            "notice_in_writing",
            "no_start_penalty",
            "non_compete_months",
            "non_compete_paid",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer = self.instance.offer
        country = self.fields["country"]
        country.choices = [("", "Not chosen"), *countries().items()]
        model_field = _model_field("country")
        country.label, country.help_text = capfirst(model_field.verbose_name), model_field.help_text
        if not self.instance.pk and not self.is_bound:
            guess = country_notes.guess_country(offer.location)
            if guess:
                self.initial["country"] = guess
                country.help_text += f" Guessed from the location “{offer.location}”."
        penalty, model_field = self.fields["no_start_penalty"], _model_field("no_start_penalty")
        penalty.label = capfirst(model_field.verbose_name)
        penalty.help_text = model_field.help_text.replace("the offer's currency", offer.currency)
        for prefix in terms.PERIODS:
            self.fields[f"{prefix}_amount"].label = "How long"
            # A select always sends a unit; one left out (a script) counts in weeks.
            self.fields[f"{prefix}_unit"].required = False
            self.fields[f"{prefix}_unit"].label = "Counted in"
        for name, field in self.fields.items():
            if name.endswith(("_amount", "_months")):
                field.widget.attrs.update({"inputmode": "numeric"})
        use_own_messages(self)
        country.error_messages["invalid_choice"] = not_a_country("%(value)s")
        self.helper = _helper()

    def clean(self):
        cleaned = super().clean()
        for prefix in terms.PERIODS:
            unit = cleaned[f"{prefix}_unit"] = cleaned.get(f"{prefix}_unit") or notice.WEEKS
            amount = cleaned.get(f"{prefix}_amount")
            if amount is not None and amount < 0:
                self.add_error(f"{prefix}_amount", NOT_NEGATIVE)
            elif amount is not None and unit and amount > terms.MAX_NOTICE[unit]:
                self.add_error(f"{prefix}_amount", NOTICE_TOO_LONG)
        self._check_months("probation_months", terms.MAX_PROBATION_MONTHS, "Probation")
        self._check_months("non_compete_months", terms.MAX_NON_COMPETE_MONTHS, "A non-compete")
        self._check_penalty(cleaned.get("no_start_penalty"))
        return cleaned

    def _check_months(self, name: str, most: int, what: str) -> None:
        months = self.cleaned_data.get(name)
        if months is not None and months < 0:
            self.add_error(name, NOT_NEGATIVE)
        elif months is not None and months > most:
            self.add_error(name, f"{what} can be at most {most} months long.")

    def _check_penalty(self, penalty) -> None:
        offer = self.instance.offer
        if penalty is None or not offer.base_salary:
            return
        most = offer.base_salary / 12 * terms.MAX_PENALTY_MONTHS
        if penalty > most:
            self.add_error(
                "no_start_penalty",
                f"{format_money(penalty, offer.currency)} is more than "
                f"{terms.MAX_PENALTY_MONTHS} times the monthly base salary "
                f"({format_money(most, offer.currency)}). Check the amount.",
            )
