"""The offer and contact forms. Labels and help texts come from the models; the fields that
read what people type (amounts, days, percentages) are in ``offers/fields.py``."""

from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row
from django import forms
from django.utils import timezone

from crossroads.errors import require
from crossroads.formats import currencies, format_date, format_money, local_currency
from crossroads.text import LONG_TEXT_LIMIT, limit_text, use_text_errors
from offers import exchange
from offers.asks import rules as ask_rules
from offers.fields import CurrencyField, DayField, MoneyField, PercentagesField
from offers.leaving_cost import MAX_PRO_RATA_MONTHS
from offers.models import IN_PLAY, Contact, Offer
from offers.rates import recent_currencies

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
    "repayment_paid_on",
    "repayment_until",
    "terms_reviewed_on",
)
# A repayment larger than this many years of base salary is a typing mistake.
MAX_REPAYMENT_IN_SALARIES = 10
# The repayment clause's choices: left out of a post (an older form, a script), they take the
# model's defaults.
DEFAULT_WHEN_EMPTY = ("repayment_for", "repayment_paid", "repayment_ends")

FORM_TOKEN_MESSAGE = (
    "This form cannot be used: it was sent from another account or has been changed. "
    "Nothing was saved. Open Add an offer again to start a fresh form."
)

# What to ask when the date a status needs is missing (see ``Offer.DATE_FOR_STATUS``).
ASK_FOR_DATE = {
    "expected_on": "You said this offer is expected: when do you expect it? An estimate is fine.",
    "received_on": "You said you have received this offer: on which day?",
    "accepted_on": "You marked this offer as {status}: on which day did you accept it?",
}

# Dates that cannot come before another one: the earlier, the later, and what to say.
DATES_IN_ORDER = (
    (
        "received_on",
        "respond_by",
        "The answer cannot be due before you received the offer ({day}). Check both dates.",
    ),
    (
        "accepted_on",
        "start_date",
        "The start date cannot be before the day you accepted ({day}). Check both dates.",
    ),
)


def _as_json_number(value: Decimal):
    return int(value) if value == value.to_integral_value() else float(value)


class OfferForm(forms.ModelForm):
    # The model keeps a list; people type it on one line.
    vesting_percentages = PercentagesField(
        label="Your yearly percentages",
        help_text="Only for your own schedule: one percentage a year separated by slashes, "
        "adding up to 100, such as 5/15/40/40.",
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
            "knows_other_processes",
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
            "repayment_amount",
            "repayment_for",
            "repayment_paid",
            "repayment_paid_on",
            "repayment_ends",
            "repayment_until",
            "repayment_months",
            "repayment_terms",
            "terms_reviewed",
            "terms_reviewed_on",
            "notes",
            "cost_of_living_factor",
            "tax_rate_percent",
        )
        field_classes = {
            **dict.fromkeys(MONEY_FIELDS, MoneyField),
            **dict.fromkeys(DATE_FIELDS, DayField),
        }
        widgets = {
            "vesting_schedule": forms.RadioSelect,
            "repayment_paid": forms.RadioSelect,
            "repayment_ends": forms.RadioSelect,
            "repayment_terms": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 5}),
        }

    accept_anyway = forms.BooleanField(
        label="I understand: accept this offer anyway",
        required=False,
        help_text="Shown only when another offer is on its way. Your choice is noted on the "
        "offer, and the decision wizard reminds you of it if you change your mind later.",
    )

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        # The status before this form changes it: the warning is for a change to accepted.
        self.status_before = self.instance.status if self.instance.pk else None
        self.was_open = self.status_before in Offer.OPEN_STATUSES
        self.expected_soon = []
        self.fields["work_mode"].choices = [("", "Not known yet"), *Offer.WorkMode.choices]
        self.fields["knows_other_processes"].choices = [
            ("", "Not said yet"),
            *Offer._meta.get_field("knows_other_processes").choices,
        ]
        # Left empty, these mean 0.
        self.fields["yearly_raise_percent"].required = False
        self.fields["equity_discount_percent"].required = False
        for name in DEFAULT_WHEN_EMPTY:
            self.fields[name].required = False
        # One message for a period out of range, whatever the number: clean_repayment_months.
        self.fields["repayment_months"].validators = []
        # The model's text fields are unlimited; a form is not the place for a novel.
        for name in ("repayment_terms", "notes"):
            limit_text(self.fields[name], LONG_TEXT_LIMIT)
        for name in ZERO_WHEN_EMPTY:
            self.fields[name].blank_zero = True
        self._offer_currencies()
        if not self.instance.pk:
            self.fields["form_token"] = _form_token_field()
        use_text_errors(self)
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
        self.helper = OFFER_LAYOUT

    def _offer_currencies(self):
        """A select of ISO 4217 currencies: the user's recent ones first, the last one used (or
        their country's) chosen for a new offer."""
        recent = recent_currencies(self.instance.owner) if self.instance.owner_id else []
        current = self.instance.currency if self.instance.pk else None
        every = currencies()
        extra = [(current, current)] if current and current not in every else []
        choices = [*extra, *every.items()]
        if recent:
            choices = [
                ("Your recent currencies", [(code, every.get(code, code)) for code in recent]),
                ("All currencies", choices),
            ]
        self.fields["currency"] = CurrencyField(
            label=self.fields["currency"].label,
            help_text=self.fields["currency"].help_text,
            choices=choices,
            error_messages={
                "invalid_choice": "Choose a currency from the list: %(value)s is not an ISO "
                "4217 currency code we know.",
                "required": "Choose the offer's currency.",
            },
        )
        if not self.instance.pk:
            self.initial["currency"] = recent[0] if recent else local_currency()

    def reading_notes(self) -> list[str]:
        """How each amount that could be read two ways was read, to tell the user."""
        return [
            f"{field.label}: {field.reading_note}"
            for field in self.fields.values()
            if getattr(field, "reading_note", "")
        ]

    # Normalising and checking one field at a time.

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

    def clean_repayment_months(self):
        return self._within(
            "repayment_months",
            (1, MAX_PRO_RATA_MONTHS),
            f"Enter a period from 1 to {MAX_PRO_RATA_MONTHS} months (10 years).",
        )

    def clean_cost_of_living_factor(self):
        low, high = exchange.COST_OF_LIVING_RANGE
        return self._within(
            "cost_of_living_factor",
            (low, high),
            f"Enter a factor from {low} to {high}, such as 1.15 for a place 15% dearer; "
            "leave it empty for none.",
        )

    def clean_tax_rate_percent(self):
        low, high = exchange.TAX_PERCENT_RANGE
        return self._within(
            "tax_rate_percent",
            (low, high),
            f"Enter an estimated tax rate from {low} to {high}%; leave it empty for none.",
        )

    def _within(self, name, bounds, message):
        """An optional number, refused with ``message`` outside ``bounds`` (both included)."""
        value = self.cleaned_data[name]
        low, high = bounds
        if value is not None and not low <= value <= high:
            raise forms.ValidationError(message)
        return value

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
        self._check_form_token(cleaned)
        for name in ZERO_WHEN_EMPTY:
            if name in cleaned and cleaned[name] is None:
                cleaned[name] = Decimal(0)
        for name in DEFAULT_WHEN_EMPTY:
            if name in cleaned and not cleaned[name]:
                cleaned[name] = Offer._meta.get_field(name).default
        self._check_bonus(cleaned)
        self._check_dates(cleaned)
        self._check_status_date(cleaned)
        self._check_vesting(cleaned)
        self._check_repayment(cleaned)
        self._check_accepting_too_early(cleaned)
        return cleaned

    def _check_accepting_too_early(self, cleaned):
        """Accepting while another offer is expected before, or within a week after, this
        offer's deadline: warn, and let the user go ahead with the box ticked (recorded)."""
        status = cleaned.get("status")
        if status not in Offer.COMMITTED_STATUSES or self.status_before in Offer.COMMITTED_STATUSES:
            return
        others = Offer.objects.for_user(self.instance.owner).filter(status=Offer.Status.EXPECTED)
        self.expected_soon = ask_rules.expected_soon_after(
            self.instance, cleaned.get("respond_by"), others, self.today
        )
        if not self.expected_soon:
            return
        if cleaned.get("accept_anyway"):
            self.instance.accepted_despite_expected_at = timezone.now()
            self.instance.accepted_despite_expected_offer = self.expected_soon[0]
        else:
            self.add_error(
                "accept_anyway",
                "Tick this box to accept anyway, or ask for more time first.",
            )

    def _check_form_token(self, cleaned):
        if "form_token" not in self.fields:
            return
        token = cleaned.get("form_token")
        if token is None and "form_token" not in self.errors:
            return
        added = None if "form_token" in self.errors else Offer.objects.added_with(token)
        if "form_token" in self.errors or (added and added.owner_id != self.instance.owner_id):
            self.errors.pop("form_token", None)
            self.add_error(None, FORM_TOKEN_MESSAGE)
            return
        # The owner's own repeat: the view finds it first, unless both posts arrived at once;
        # then saving fails on the unique token and the view lands on the offer the other added.
        self.instance.form_token = token

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
        for earlier, later, message in DATES_IN_ORDER:
            first, then = cleaned.get(earlier), cleaned.get(later)
            if first and then and then < first:
                self.add_error(later, message.format(day=format_date(first)))

    def _check_status_date(self, cleaned):
        status = cleaned.get("status")
        name = Offer.DATE_FOR_STATUS.get(status)
        if name and not cleaned.get(name) and name not in self.errors:
            label = Offer.Status(status).label.lower()
            self.add_error(name, ASK_FOR_DATE[name].format(status=label))

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

    def _check_repayment(self, cleaned):
        amount = cleaned.get("repayment_amount")
        if not amount or "repayment_amount" in self.errors:
            return
        base, currency = cleaned.get("base_salary"), cleaned.get("currency", "")
        if base and amount > base * MAX_REPAYMENT_IN_SALARIES:
            self.add_error(
                "repayment_amount",
                f"{format_money(amount, currency)} is more than {MAX_REPAYMENT_IN_SALARIES} "
                f"times the base salary ({format_money(base, currency)}). Check both figures.",
            )
        paid, ends = cleaned.get("repayment_paid"), cleaned.get("repayment_ends")
        paid_on, until = cleaned.get("repayment_paid_on"), cleaned.get("repayment_until")
        if paid == Offer.RepaymentPaid.ON_DATE and not paid_on:
            self._add_once("repayment_paid_on", "Enter the day the money is or was paid.")
        if ends == Offer.RepaymentEnds.PRO_RATA:
            if not cleaned.get("repayment_months"):
                self._add_once(
                    "repayment_months",
                    "Enter over how many months the amount goes down, such as 12.",
                )
            return
        if not until:
            self._add_once(
                "repayment_until",
                "Enter the last day it would have to be paid back, or choose pro rata.",
            )
            return
        paid_day = {
            Offer.RepaymentPaid.ON_DATE: paid_on,
            Offer.RepaymentPaid.ON_START: cleaned.get("start_date"),
        }.get(paid)
        if paid_day and paid_day > until:
            field = (
                "repayment_paid_on" if paid == Offer.RepaymentPaid.ON_DATE else "repayment_until"
            )
            self.add_error(
                field,
                f"The money is paid on {format_date(paid_day)}, after the day it stops being "
                f"repayable ({format_date(until)}). Check both dates.",
            )

    def _add_once(self, name, message):
        """A message on ``name`` unless it already has one (an unreadable date, say)."""
        if name not in self.errors:
            self.add_error(name, message)


def _form_token_field() -> forms.UUIDField:
    """The add form's one-time token. A hidden text input, filled in by static/js/form-token.js
    with 128 random bits: browsers restore on Back only values changed on the page (and never a
    type=hidden one's), so the form posted again carries the token it first had. The page holds
    no token of its own, so it is the same for every visit and can be kept."""
    return forms.UUIDField(
        widget=forms.TextInput(
            attrs={
                "hidden": True,
                "tabindex": "-1",
                "aria-hidden": "true",
                "data-form-token": "",
            }
        ),
        # Without one (a script's post) nothing guards against a repeat; that is all.
        required=False,
        error_messages={"invalid": FORM_TOKEN_MESSAGE},
    )


def _pair(first: str, second: str | None = None) -> Row:
    """One or two fields side by side on a wide screen."""
    return Row(*(Column(name, css_class="col-md-6") for name in (first, second) if name))


def _offer_layout() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(
        Fieldset(
            "The offer",
            _pair("company", "role"),
            _pair("location", "work_mode"),
            "status",
            "agency_name",
        ),
        Fieldset(
            "Dates",
            _pair("expected_on", "received_on"),
            _pair("respond_by", "accepted_on"),
            _pair("start_date"),
            "knows_other_processes",
        ),
        Fieldset(
            "Money",
            Row(Column("currency", css_class="col-md-4")),
            _pair("base_salary", "yearly_raise_percent"),
            _pair("target_bonus", "target_bonus_percent"),
            _pair("signing_bonus", "benefits_value"),
        ),
        Fieldset(
            "Equity",
            _pair("equity_value", "equity_discount_percent"),
            _pair("vesting_years", "cliff_months"),
            "vesting_schedule",
            "vesting_percentages",
        ),
        Fieldset(
            "Contract terms",
            "written_offer_in_hand",
            "conditions_cleared",
            "start_date_confirmed",
            "notice_period",
            "terms_reviewed",
            _pair("terms_reviewed_on"),
        ),
        Fieldset(
            "Money to pay back if you leave early",
            _pair("repayment_amount", "repayment_for"),
            "repayment_paid",
            _pair("repayment_paid_on"),
            "repayment_ends",
            _pair("repayment_until", "repayment_months"),
            "repayment_terms",
        ),
        Fieldset(
            "Your own adjustments (optional)",
            HTML(
                '<p class="small text-body-secondary">Rough estimates of your own, shown beside '
                "the real figures and never instead of them. They are not financial or tax "
                "advice.</p>"
            ),
            _pair("cost_of_living_factor", "tax_rate_percent"),
        ),
        Fieldset("Notes", "notes"),
    )
    return helper


# Made once: crispy only reads a helper and its layout while drawing a form.
OFFER_LAYOUT = _offer_layout()


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ("name", "role", "phone", "email", "notes")
        # The fields describe someone else: the browser must not fill in the user's own details.
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_text(self.fields["notes"], Contact.NOTES_LIMIT)
        use_text_errors(self)
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
        choices=[("", "All offers"), (IN_PLAY, "Open or accepted"), *Offer.Status.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_tag = False
        self.helper.disable_csrf = True
