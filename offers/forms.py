"""The offer form and the list's filter. Labels and help texts come from the models; the fields
that read what people type (amounts, days, percentages) are in ``offers/fields.py``, the checks in
``offers/rules.py`` and the layout in ``offers/offer_form_layout.py``. The contact form lives with
its model (``offers/contacts/``); the offer's pages import it from here."""

import uuid
from decimal import Decimal

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone

from crossroads.errors import require
from crossroads.formats import currencies, local_currency
from crossroads.text import LONG_TEXT_LIMIT, limit_text, use_text_errors
from offers import rules
from offers.asks import rules as ask_rules
from offers.contacts.forms import ContactForm  # noqa: F401
from offers.fields import CurrencyField, DayField, MoneyField, PercentagesField
from offers.models import IN_PLAY, Offer
from offers.offer_form_layout import OFFER_LAYOUT
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
# The repayment clause's choices: left out of a post (an older form, a script), they take the
# model's defaults.
DEFAULT_WHEN_EMPTY = ("repayment_for", "repayment_paid", "repayment_ends")

FORM_TOKEN_MESSAGE = (
    "This form cannot be used: it has been changed. "
    "Nothing was saved. Open Add an offer again to start a fresh form."
)


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
        return self._checked("target_bonus_percent", rules.bonus_percent)

    def clean_yearly_raise_percent(self):
        return self._checked("yearly_raise_percent", rules.percent, empty=Decimal(0))

    def clean_equity_discount_percent(self):
        return self._checked("equity_discount_percent", rules.percent, empty=Decimal(0))

    def clean_vesting_years(self):
        return self._checked("vesting_years", rules.vesting_years)

    def clean_cliff_months(self):
        return self._checked("cliff_months", rules.cliff_months)

    def clean_repayment_months(self):
        return self._checked("repayment_months", rules.repayment_months)

    def clean_cost_of_living_factor(self):
        return self._checked("cost_of_living_factor", rules.cost_of_living_factor)

    def clean_tax_rate_percent(self):
        return self._checked("tax_rate_percent", rules.tax_rate_percent)

    def _checked(self, name, rule, empty=None):
        """The field's value (``empty`` when left empty), or the rule's message as its error."""
        value = self.cleaned_data[name]
        message = rule(value)
        if message:
            raise forms.ValidationError(message)
        return empty if value is None else value

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
        if "form_token" in self.errors:
            self.errors.pop("form_token", None)
            self.add_error(None, FORM_TOKEN_MESSAGE)
            return
        # The owner's own repeat: the view finds it first, unless both posts arrived at once;
        # then saving fails on the unique token and the view lands on the offer the other added.
        self.instance.form_token = token

    def _check_bonus(self, cleaned):
        amount, percent = cleaned.get("target_bonus"), cleaned.get("target_bonus_percent")
        self._add_messages(rules.bonus(amount, percent))

    def _check_dates(self, cleaned):
        self._add_messages(rules.dates_in_order(cleaned))

    def _check_status_date(self, cleaned):
        status = cleaned.get("status")
        name = Offer.DATE_FOR_STATUS.get(status)
        if name:
            label = Offer.Status(status).label
            self._add_messages(rules.date_for_status(name, cleaned.get(name), label))

    def _check_vesting(self, cleaned):
        years, cliff = cleaned.get("vesting_years"), cleaned.get("cliff_months")
        self._add_messages(rules.cliff_within_vesting(years, cliff))
        if "vesting_percentages" in self.errors:
            return
        shares, schedule = cleaned.get("vesting_percentages") or [], cleaned.get("vesting_schedule")
        message = rules.vesting_shares(schedule, shares, years)
        if message:
            self.add_error("vesting_percentages", message)
        if schedule == Offer.VestingSchedule.EVEN:
            cleaned["vesting_percentages"] = []
        elif schedule == Offer.VestingSchedule.CUSTOM and not message:
            cleaned["vesting_percentages"] = [rules.as_json_number(share) for share in shares]

    def _check_repayment(self, cleaned):
        self._add_messages(
            rules.repayment(
                amount=cleaned.get("repayment_amount"),
                base_salary=cleaned.get("base_salary"),
                currency=cleaned.get("currency", ""),
                paid=cleaned.get("repayment_paid"),
                paid_on=cleaned.get("repayment_paid_on"),
                ends=cleaned.get("repayment_ends"),
                until=cleaned.get("repayment_until"),
                months=cleaned.get("repayment_months"),
                start_date=cleaned.get("start_date"),
            )
        )

    def _add_messages(self, messages):
        """Each message next to its field, unless the field has one already (an unreadable
        date, say): the first thing wrong is the one to mend."""
        for name, message in messages.items():
            if name not in self.errors:
                self.add_error(name, message)


def _form_token_field() -> forms.UUIDField:
    """The add form's one-time token, made by the server for each form it sends, so the same form
    posted twice (a double click, two tabs, a refused form sent again) adds one offer. A hidden
    text input rather than type=hidden: static/js/form-token.js marks it changed, so a browser that
    fetches the page anew on Back restores the token the form was first sent with."""
    return forms.UUIDField(
        widget=forms.TextInput(
            attrs={"hidden": True, "tabindex": "-1", "aria-hidden": "true", "data-form-token": ""}
        ),
        initial=uuid.uuid4,
        # Without one (a script's post) nothing guards against a repeat; that is all.
        required=False,
        error_messages={"invalid": FORM_TOKEN_MESSAGE},
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
