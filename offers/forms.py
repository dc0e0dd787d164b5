import re
from decimal import Decimal, InvalidOperation

import pycountry
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.core.validators import MaxLengthValidator, ProhibitNullCharactersValidator

from crossroads.errors import require
from offers.models import Contact, Offer

NUL_MESSAGE = (
    "This contains an invisible NUL character, usually left behind by copying and pasting. "
    "Delete the text and type it again."
)
LONG_TEXT_LIMIT = 5000
CONTACT_NOTES_LIMIT = 2000
MONEY_FIELDS = (
    "base_salary",
    "target_bonus",
    "signing_bonus",
    "equity_value",
    "benefits_value",
    "repayment_amount",
)
# Money fields that store 0 rather than nothing when left empty.
ZERO_WHEN_EMPTY = tuple(name for name in MONEY_FIELDS if name != "target_bonus")
DATE_FIELDS = (
    "expected_on",
    "received_on",
    "respond_by",
    "accepted_on",
    "start_date",
    "repayment_until",
    "terms_reviewed_on",
)
DATE_ERRORS = {"invalid": "Enter a real date, such as 2026-05-31."}
# Far-off years are typing mistakes, and the calendar feed needs the day after each date.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class MoneyField(forms.DecimalField):
    """An amount typed as people write it: "120,000" or "120 000" are fine."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def __init__(self, **kwargs):
        # The shape of the model's money columns; an amount left empty means none.
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[,\s_]", "", value)
        return super().to_python(value)


class ClearNulMessageMixin:
    """Django already refuses NUL characters in text; say why in words people understand."""

    def _explain_nul_characters(self):
        for field in self.fields.values():
            field.validators = [
                ProhibitNullCharactersValidator(message=NUL_MESSAGE)
                if isinstance(validator, ProhibitNullCharactersValidator)
                else validator
                for validator in field.validators
            ]


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


def _day(date) -> str:
    return f"{date.day} {date:%B %Y}"


def _as_json_number(value: Decimal):
    return int(value) if value == value.to_integral_value() else float(value)


class OfferForm(ClearNulMessageMixin, forms.ModelForm):
    base_salary = MoneyField(
        label="Base salary per year",
        help_text="Before tax, in the offer's currency. Leave empty if you do not know it yet.",
    )
    target_bonus = MoneyField(
        label="Target bonus per year, as an amount",
        help_text="Fill in this or the percentage below, not both.",
    )
    signing_bonus = MoneyField(
        help_text="Paid once, counted in the first year.",
    )
    equity_value = MoneyField(
        label="Equity grant value",
        help_text="The value of the whole grant (shares or options) when it was offered.",
    )
    benefits_value = MoneyField(
        label="Benefits value per year",
        help_text="What pension, health cover and other perks are worth to you each year.",
    )
    repayment_amount = MoneyField(
        label="Amount at stake",
        help_text="The most you could have to pay back if you left early.",
    )
    vesting_percentages = forms.CharField(
        label="Your yearly percentages",
        required=False,
        max_length=200,
        help_text=(
            "Only for your own schedule: one percentage a year separated by slashes, adding up "
            "to 100, such as 5/15/40/40."
        ),
    )

    class Meta:
        model = Offer
        fields = (
            "company",
            "role",
            "location",
            "work_mode",
            "status",
            "agency_name",
            "expected_on",
            "received_on",
            "respond_by",
            "accepted_on",
            "start_date",
            "currency",
            "base_salary",
            "target_bonus",
            "target_bonus_percent",
            "signing_bonus",
            "benefits_value",
            "yearly_raise_percent",
            "equity_value",
            "vesting_years",
            "cliff_months",
            "vesting_schedule",
            "vesting_percentages",
            "equity_discount_percent",
            "written_offer_in_hand",
            "conditions_cleared",
            "start_date_confirmed",
            "notice_period",
            "repayment_terms",
            "repayment_amount",
            "repayment_until",
            "terms_reviewed",
            "terms_reviewed_on",
            "notes",
        )
        labels = {
            "work_mode": "Where you would work",
            "expected_on": "Offer expected on",
            "received_on": "Offer received on",
            "respond_by": "Answer needed by",
            "accepted_on": "Accepted on",
            "start_date": "Start date",
            "currency": "Currency",
            "target_bonus_percent": "Target bonus per year, as a % of base salary",
            "yearly_raise_percent": "Expected yearly raise (%)",
            "vesting_years": "Vesting period (years)",
            "cliff_months": "Cliff (months)",
            "vesting_schedule": "Vesting schedule",
            "equity_discount_percent": "Discount on equity not yet sellable (%)",
            "written_offer_in_hand": "I have the offer in writing",
            "conditions_cleared": "Its conditions are cleared (background check, references)",
            "start_date_confirmed": "The start date is confirmed",
            "repayment_terms": "What must be paid back if you leave early",
            "repayment_until": "Repayable until",
            "terms_reviewed": "A lawyer or adviser has reviewed the terms",
            "terms_reviewed_on": "Reviewed on",
            "agency_name": "Recruiting agency",
        }
        help_texts = {
            "company": "The employer's name, as you would say it.",
            "role": "The job title in the offer.",
            "location": "City or office. Leave empty for fully remote work.",
            "work_mode": "On-site, hybrid or remote.",
            "status": "Where this offer stands now. Some answers need a date below.",
            "agency_name": "If a recruiting or staffing agency placed you, its name: you would "
            "call them too if you changed your mind.",
            "expected_on": "Needed when the offer is still expected: the day the recruiter "
            "said it would come.",
            "received_on": "Needed once the offer is received.",
            "respond_by": "The day the offer expires. It cannot be before you received it.",
            "accepted_on": "Needed once you have accepted, signed or started.",
            "start_date": "Your first day. It cannot be before you accepted.",
            "currency": "Three letters, such as USD, EUR or GBP. Every amount below is in it.",
            "target_bonus_percent": "For example 10 for a bonus of 10% of base salary; "
            "at most 1000.",
            "yearly_raise_percent": "Used to project salary over four years; 0 if unsure.",
            "vesting_years": "How many years until the whole grant is yours (1 to 10).",
            "cliff_months": "Nothing vests before the cliff; at the cliff, everything accrued "
            "so far vests at once. 0 for no cliff.",
            "vesting_schedule": "Even means the same share every year.",
            "equity_discount_percent": "For a private company, how much less than face value "
            "you think the shares are worth to you; 0 for listed shares.",
            "written_offer_in_hand": "A formal offer by letter or e-mail, not a phone call.",
            "conditions_cleared": "Tick once nothing can still hold the offer back.",
            "start_date_confirmed": "Tick once the employer has confirmed your first day in "
            "writing.",
            "notice_period": "For example: one month, or two weeks during probation.",
            "repayment_terms": "Signing or relocation bonuses often have to be paid back if "
            "you leave within a year or two.",
            "repayment_until": "After this day nothing has to be paid back.",
            "terms_reviewed": "Worth doing before you back out of a signed contract.",
            "terms_reviewed_on": "When the review happened.",
            "notes": f"Anything else worth remembering (up to {LONG_TEXT_LIMIT:,} characters).",
        }
        widgets = {
            **{name: DateInput() for name in DATE_FIELDS},
            "currency": forms.TextInput(
                attrs={"autocomplete": "off", "size": 3, "class": "currency-input"}
            ),
            "vesting_schedule": forms.RadioSelect,
            "repayment_terms": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = dict.fromkeys(DATE_FIELDS, DATE_ERRORS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["work_mode"].choices = [("", "Not known yet"), *Offer.WorkMode.choices]
        # Left empty, these mean 0.
        self.fields["yearly_raise_percent"].required = False
        self.fields["equity_discount_percent"].required = False
        # The model's text fields are unlimited; a form is not the place for a novel.
        for name in ("repayment_terms", "notes"):
            self.fields[name].validators.append(MaxLengthValidator(LONG_TEXT_LIMIT))
        self.initial["vesting_percentages"] = self.instance.vesting_percentages_text()
        self._explain_nul_characters()
        require(
            self,
            {
                "company": "Enter the company’s name.",
                "role": "Enter the job title.",
                "status": "Choose where this offer stands.",
                "currency": "Enter the currency, such as USD, EUR or GBP.",
                "vesting_years": "Enter the vesting period, from 1 to 10 years.",
                "cliff_months": "Enter the cliff in months, or 0 for no cliff.",
                "vesting_schedule": "Choose an even schedule or your own.",
            },
        )
        self.helper = _offer_layout()

    # Normalising and checking one field at a time.

    def clean_currency(self):
        code = self.cleaned_data["currency"].strip().upper()
        if pycountry.currencies.get(alpha_3=code) is None:
            raise forms.ValidationError(
                f"{code or 'This'} is not a currency code we know. Use the three-letter ISO "
                "code, such as USD, EUR or GBP."
            )
        return code

    def clean_target_bonus_percent(self):
        percent = self.cleaned_data["target_bonus_percent"]
        if percent is not None and percent < 0:
            raise forms.ValidationError("Enter a percentage of zero or more.")
        if percent is not None and percent > 1000:
            raise forms.ValidationError("A bonus can be at most 1000% of base salary.")
        return percent

    def clean_yearly_raise_percent(self):
        return self._percent_0_to_100("yearly_raise_percent")

    def clean_equity_discount_percent(self):
        return self._percent_0_to_100("equity_discount_percent")

    def clean_vesting_years(self):
        years = self.cleaned_data["vesting_years"]
        if years is not None and not 1 <= years <= 10:
            raise forms.ValidationError("Enter a vesting period from 1 to 10 years.")
        return years

    def clean_cliff_months(self):
        months = self.cleaned_data["cliff_months"]
        if months is not None and months > 120:
            raise forms.ValidationError("Enter a cliff of at most 120 months (10 years).")
        return months

    def clean_vesting_percentages(self):
        text = self.cleaned_data["vesting_percentages"]
        return parse_percentages(text) if text else []

    def _percent_0_to_100(self, name):
        percent = self.cleaned_data[name]
        if percent is None:
            return Decimal(0)
        if not 0 <= percent <= 100:
            raise forms.ValidationError("Enter a percentage from 0 to 100.")
        return percent

    # Checks across fields.

    def clean(self):
        cleaned = super().clean()
        self._check_years(cleaned)
        self._check_money(cleaned)
        self._check_bonus(cleaned)
        self._check_dates(cleaned)
        self._check_status_dates(cleaned)
        self._check_vesting(cleaned)
        return cleaned

    def _check_years(self, cleaned):
        for name in DATE_FIELDS:
            date = cleaned.get(name)
            if date and not EARLIEST_YEAR <= date.year <= LATEST_YEAR:
                self.add_error(
                    name, f"Check the year: it should be between {EARLIEST_YEAR} and {LATEST_YEAR}."
                )

    def _check_money(self, cleaned):
        for name in MONEY_FIELDS:
            value = cleaned.get(name)
            if value is None and name in ZERO_WHEN_EMPTY and name not in self.errors:
                cleaned[name] = Decimal(0)
            elif value is not None and value < 0:
                self.add_error(name, "Enter an amount of zero or more.")

    def _check_bonus(self, cleaned):
        if (
            cleaned.get("target_bonus") is not None
            and cleaned.get("target_bonus_percent") is not None
        ):
            self.add_error(
                "target_bonus_percent",
                "Give the bonus as an amount or as a percentage of base salary, not both. "
                "Clear one of them.",
            )

    def _check_dates(self, cleaned):
        received_on, respond_by = cleaned.get("received_on"), cleaned.get("respond_by")
        if received_on and respond_by and respond_by < received_on:
            self.add_error(
                "respond_by",
                f"The answer cannot be due before you received the offer "
                f"({_day(received_on)}). Check both dates.",
            )
        accepted_on, start_date = cleaned.get("accepted_on"), cleaned.get("start_date")
        if accepted_on and start_date and start_date < accepted_on:
            self.add_error(
                "start_date",
                f"The start date cannot be before the day you accepted "
                f"({_day(accepted_on)}). Check both dates.",
            )

    def _check_status_dates(self, cleaned):
        status = cleaned.get("status")
        needs = {
            Offer.Status.EXPECTED: (
                "expected_on",
                "You said this offer is expected: when do you expect it? An estimate is fine.",
            ),
            Offer.Status.RECEIVED: (
                "received_on",
                "You said you have received this offer: on which day?",
            ),
        }
        for committed in Offer.COMMITTED_STATUSES:
            needs[committed] = (
                "accepted_on",
                f"You marked this offer as {Offer.Status(committed).label.lower()}: "
                "on which day did you accept it?",
            )
        if status in needs:
            name, message = needs[status]
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, message)

    def _check_vesting(self, cleaned):
        years, cliff = cleaned.get("vesting_years"), cleaned.get("cliff_months")
        if years and cliff is not None and cliff > years * 12:
            self.add_error(
                "cliff_months",
                f"The cliff ({cliff} months) cannot be longer than the vesting period "
                f"({years} year{'s' if years != 1 else ''}, {years * 12} months).",
            )
        if "vesting_percentages" in self.errors:
            return
        shares = cleaned.get("vesting_percentages") or []
        schedule = cleaned.get("vesting_schedule")
        if schedule == Offer.VestingSchedule.EVEN:
            if shares:
                self.add_error(
                    "vesting_percentages",
                    "You chose an even schedule: clear these percentages, or choose your own "
                    "yearly percentages above.",
                )
            cleaned["vesting_percentages"] = []
            return
        if schedule != Offer.VestingSchedule.CUSTOM:
            return
        if not shares:
            self.add_error(
                "vesting_percentages", "Enter your yearly percentages, such as 5/15/40/40."
            )
        elif any(share < 0 or share > 100 for share in shares):
            self.add_error("vesting_percentages", "Each percentage must be from 0 to 100.")
        elif sum(shares) != 100:
            self.add_error(
                "vesting_percentages",
                f"These percentages add up to {sum(shares).normalize():f}, not 100.",
            )
        elif years and len(shares) != years:
            self.add_error(
                "vesting_percentages",
                f"Give one percentage for each of the {years} vesting years "
                f"(you gave {len(shares)}).",
            )
        else:
            cleaned["vesting_percentages"] = [_as_json_number(share) for share in shares]


def _offer_layout() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(
        Fieldset(
            "The offer",
            Row(Column("company", css_class="col-md-6"), Column("role", css_class="col-md-6")),
            Row(
                Column("location", css_class="col-md-6"),
                Column("work_mode", css_class="col-md-6"),
            ),
            "status",
            "agency_name",
        ),
        Fieldset(
            "Dates",
            Row(
                Column("expected_on", css_class="col-md-6"),
                Column("received_on", css_class="col-md-6"),
            ),
            Row(
                Column("respond_by", css_class="col-md-6"),
                Column("accepted_on", css_class="col-md-6"),
            ),
            Row(Column("start_date", css_class="col-md-6")),
        ),
        Fieldset(
            "Money",
            Row(Column("currency", css_class="col-md-4")),
            Row(
                Column("base_salary", css_class="col-md-6"),
                Column("yearly_raise_percent", css_class="col-md-6"),
            ),
            Row(
                Column("target_bonus", css_class="col-md-6"),
                Column("target_bonus_percent", css_class="col-md-6"),
            ),
            Row(
                Column("signing_bonus", css_class="col-md-6"),
                Column("benefits_value", css_class="col-md-6"),
            ),
        ),
        Fieldset(
            "Equity",
            Row(
                Column("equity_value", css_class="col-md-6"),
                Column("equity_discount_percent", css_class="col-md-6"),
            ),
            Row(
                Column("vesting_years", css_class="col-md-6"),
                Column("cliff_months", css_class="col-md-6"),
            ),
            "vesting_schedule",
            "vesting_percentages",
        ),
        Fieldset(
            "Contract terms",
            "written_offer_in_hand",
            "conditions_cleared",
            "start_date_confirmed",
            "notice_period",
            "repayment_terms",
            Row(
                Column("repayment_amount", css_class="col-md-6"),
                Column("repayment_until", css_class="col-md-6"),
            ),
            "terms_reviewed",
            Row(Column("terms_reviewed_on", css_class="col-md-6")),
        ),
        Fieldset("Notes", "notes"),
    )
    return helper


class ContactForm(ClearNulMessageMixin, forms.ModelForm):
    class Meta:
        model = Contact
        fields = ("name", "role", "phone", "email", "notes")
        labels = {"email": "E-mail address", "role": "Their part in the offer"}
        help_texts = {
            "name": "The person's full name.",
            "role": "Recruiter, hiring manager, HR, agency or someone else.",
            "phone": "With the country code if it is abroad. Calls beat e-mails for hard news.",
            "email": "Optional.",
            "notes": f"What you talked about, when to call (up to {CONTACT_NOTES_LIMIT:,} "
            "characters).",
        }
        # The fields describe someone else: the browser must not fill in the user's own details.
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notes"].validators.append(MaxLengthValidator(CONTACT_NOTES_LIMIT))
        self._explain_nul_characters()
        require(
            self,
            {
                "name": "Enter the person’s name.",
                "role": "Choose their part in the offer.",
            },
        )


class OfferFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[("", "All offers"), ("in_play", "Open or accepted"), *Offer.Status.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_tag = False
        self.helper.disable_csrf = True
