"""The offer form and the list's filter. Labels and help texts come from the models; the fields
that read what people type (amounts, days, percentages) are in ``offers/fields.py``, the checks in
``offers/rules.py`` and the layout in ``offers/offer_form_layout.py``. The contact form lives with
its model (``offers/contacts/``); the offer's pages import it from here."""

from decimal import Decimal

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone

from crossroads.errors import ErrorItem, ErrorSummary, form_errors, require, use_own_messages
from crossroads.formats import currencies, local_currency
from crossroads.text import LONG_TEXT_LIMIT, limit_text, use_text_errors
from crossroads.widgets import FixedChoices, LongSelect
from offers import changes, rules
from offers import offer_form_layout as layout
from offers.asks.forms import go_ahead_field
from offers.contacts.forms import ContactForm  # noqa: F401
from offers.fields import CurrencyField, DayField, MoneyField, PercentagesField
from offers.models import IN_PLAY, Offer
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


class OfferForm(forms.ModelForm):
    # The model keeps a list; people type it on one line.
    vesting_percentages = PercentagesField(
        label="Your yearly percentages",
        help_text="Only for your own schedule: one percentage a year separated by slashes, "
        "adding up to 100, such as 5/15/40/40.",
    )

    class Meta:
        model = Offer
        # Every field of every section, in the order of the pages.
        fields = layout.ALL_FIELDS
        field_classes = {
            **dict.fromkeys(MONEY_FIELDS, MoneyField),
            **dict.fromkeys(DATE_FIELDS, DayField),
        }
        widgets = {
            # A fixed list: its options are made once a process (``crossroads/widgets.py``).
            "status": LongSelect,
            "vesting_schedule": forms.RadioSelect,
            "repayment_paid": forms.RadioSelect,
            "repayment_ends": forms.RadioSelect,
            "repayment_terms": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 5}),
        }

    accept_anyway = go_ahead_field(required=False)

    def __init__(self, *args, today=None, section=None, **kwargs):
        """``section``: the part of the offer this form shows (``offer_form_layout``), by
        default all that adding an offer asks or the first part of a saved one. The whole offer
        is checked all the same, with the values of the fields not shown as saved."""
        instance = kwargs.get("instance")
        adding = not (instance and instance.pk)
        self.section = section or (layout.ADD if adding else layout.SECTIONS[""])
        shown = set(self.section.field_names())
        if "status" in shown:
            shown.add("accept_anyway")
        # This section's fields only: Django copies every base field for each form it makes.
        self.base_fields = {
            name: field for name, field in type(self).base_fields.items() if name in shown
        }
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        # Messages about fields on another section's page: (field name, message).
        self.elsewhere = []
        self.today = today or timezone.localdate()
        # The status before this form changes it: the warning is for a change to accepted.
        self.status_before = self.instance.status if self.instance.pk else None
        self.was_open = self.status_before in Offer.OPEN_STATUSES
        self.too_early = None  # what ``offers.changes`` refused, to warn about
        fields = self.fields
        if "currency" in fields:
            self._offer_currencies()
        if "target_bonus" in fields and "target_bonus_percent" not in fields:
            # The percentage is asked on the money section, once the offer is saved.
            fields["target_bonus"].help_text = (
                "A yearly amount. If the offer gives a percentage of the base salary instead, "
                "add it later from the offer’s page."
            )
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
        self.helper = layout.LAYOUTS[self.section]

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
            # Put in Django's form once, not by the field and again by its widget.
            choices=FixedChoices(lambda: choices),
            error_messages={
                "invalid_choice": "Choose a currency from the list: %(value)s is not an ISO "
                "4217 currency code we know.",
                "required": "Choose the offer's currency.",
            },
        )
        if not self.instance.pk:
            self.initial["currency"] = recent[0] if recent else local_currency()

    def reading_notes(self) -> list[str]:
        """How each amount written the other way round was read, to tell the user."""
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
        for name in ZERO_WHEN_EMPTY:
            if name in cleaned and cleaned[name] is None:
                cleaned[name] = Decimal(0)
        for name in DEFAULT_WHEN_EMPTY:
            if name in cleaned and not cleaned[name]:
                cleaned[name] = Offer._meta.get_field(name).default
        # Each rule reads the whole offer, but only when this page shows a field it reads: a
        # page cannot be refused for what it does not change.
        offer = self._whole_offer(cleaned)
        if self._shows("target_bonus", "target_bonus_percent"):
            self._check_bonus(offer)
        if self._shows(*(name for pair in rules.DATES_IN_ORDER for name in pair[:2])):
            self._check_dates(offer)
        if self._shows("status", *Offer.DATE_FOR_STATUS.values()):
            self._check_status_date(offer)
        if self._shows("vesting_years", "cliff_months", "vesting_schedule"):
            self._check_vesting(offer, cleaned)
        if self._shows("repayment_amount", "base_salary", "currency", "start_date"):
            self._check_repayment(offer)
        if self._shows(*rules.TICKS_NEED):  # the same rule as the call plan's checklist
            self._add_messages(rules.ticks_without_facts(offer))
        self._check_accepting_too_early(cleaned)
        return cleaned

    def _shows(self, *names) -> bool:
        return any(name in self.fields for name in names)

    def _whole_offer(self, cleaned) -> dict:
        """The offer as it would be saved: this form's values, and the others as they are."""
        offer = {
            name: getattr(self.instance, name)
            for name in self._meta.fields
            if name not in self.fields
        }
        if "vesting_percentages" in offer:
            offer["vesting_percentages"] = [
                Decimal(str(share)) for share in offer["vesting_percentages"]
            ]
        return {**offer, **cleaned}

    def _check_accepting_too_early(self, cleaned):
        """``offers.changes``' guard: accepting with an offer expected soon needs the box."""
        try:
            changes.check_committing(
                self.instance,
                cleaned.get("status"),
                self.status_before,
                self.today,
                go_ahead=cleaned.get("accept_anyway", False),
                deadline=cleaned.get("respond_by"),
            )
        except changes.AcceptingTooEarly as refused:
            self.too_early = refused
            self.add_error("accept_anyway", refused.message)

    def save(self, commit=True):
        """Saved through the change of state it makes (``offers/changes.py``)."""
        offer = super().save(commit=False)
        if not commit:
            return offer
        how = {"go_ahead": self.cleaned_data.get("accept_anyway", False), "today": self.today}
        if self.status_before is None:
            changes.add(offer, **how)
        else:
            changes.change_status(offer, offer.status, before=self.status_before, **how)
        return offer

    def _check_bonus(self, offer):
        amount, percent = offer.get("target_bonus"), offer.get("target_bonus_percent")
        self._add_messages(rules.bonus(amount, percent))

    def _check_dates(self, offer):
        self._add_messages(rules.dates_in_order(offer))

    def _check_status_date(self, offer):
        status = offer.get("status")
        name = Offer.DATE_FOR_STATUS.get(status)
        if name:
            label = Offer.Status(status).label
            self._add_messages(rules.date_for_status(name, offer.get(name), label))

    def _check_vesting(self, offer, cleaned):
        years, cliff = offer.get("vesting_years"), offer.get("cliff_months")
        self._add_messages(rules.cliff_within_vesting(years, cliff))
        if "vesting_percentages" in self.errors:
            return
        shares, schedule = offer.get("vesting_percentages") or [], offer.get("vesting_schedule")
        message = rules.vesting_shares(schedule, shares, years)
        if message:
            self._add_messages({"vesting_percentages": message})
        if "vesting_percentages" not in self.fields:
            return
        if schedule == Offer.VestingSchedule.EVEN:
            cleaned["vesting_percentages"] = []
        elif schedule == Offer.VestingSchedule.CUSTOM and not message:
            cleaned["vesting_percentages"] = [rules.as_json_number(share) for share in shares]

    def _check_repayment(self, offer):
        self._add_messages(
            rules.repayment(
                amount=offer.get("repayment_amount"),
                base_salary=offer.get("base_salary"),
                currency=offer.get("currency", ""),
                paid=offer.get("repayment_paid"),
                paid_on=offer.get("repayment_paid_on"),
                ends=offer.get("repayment_ends"),
                until=offer.get("repayment_until"),
                months=offer.get("repayment_months"),
                start_date=offer.get("start_date"),
            )
        )

    def _add_messages(self, messages):
        """Each message next to its field, unless the field has one already (an unreadable
        date, say): the first thing wrong is the one to mend."""
        for name, message in messages.items():
            if name not in self.fields:
                self._add_elsewhere(name, message)
            elif name not in self.errors:
                self.add_error(name, message)

    def _add_elsewhere(self, name, message):
        """A message about a field of another section: at the top of this one, naming it."""
        section = layout.section_of(name)
        text = f"{section.title}, {type(self).base_fields[name].label}: {message}"
        self.elsewhere.append((name, section, text))
        self.add_error(None, text)

    def error_summary(self) -> ErrorSummary:
        """The form's errors, a message about a field of another section linking to its page."""
        pages = {text: (name, section) for name, section, text in self.elsewhere}
        items = []
        for item in form_errors(self):
            if item.text in pages and self.instance.pk:
                name, section = pages[item.text]
                page = layout.section_url(self.instance, section)
                item = ErrorItem(item.text, f"id_{name}", page)
            items.append(item)
        return ErrorSummary(items)


NUMBER_TOO_LONG = {
    "max_whole_digits": "That number is far too large here: check it.",
    "max_digits": "That number is far too large here: check it.",
    "max_decimal_places": "Give at most %(max)s decimals, such as 2.5.",
    "invalid": "Enter a number, such as 2.5.",
}


PERCENT_TOO_LONG = dict.fromkeys(
    ["max_whole_digits", "max_digits"],
    "Enter a percentage, such as 3 or 2.5: this one is far too large.",
)


def _read_as_people_type(fields):
    """Once, for the class: what the model's fields need to read an offer as people type it."""
    fields["work_mode"].choices = [("", "Not known yet"), *Offer.WorkMode.choices]
    fields["knows_other_processes"].choices = [
        ("", "Not said yet"),
        *Offer._meta.get_field("knows_other_processes").choices,
    ]
    # Left empty, these mean 0; the repayment clause's choices, the model's defaults.
    for name in ("yearly_raise_percent", "equity_discount_percent", *DEFAULT_WHEN_EMPTY):
        fields[name].required = False
    # One message for a period out of range, whatever the number: clean_repayment_months.
    fields["repayment_months"].validators = []
    # The model's text fields are unlimited; a form is not the place for a novel.
    for name in ("repayment_terms", "notes"):
        limit_text(fields[name], LONG_TEXT_LIMIT)
    for name in ZERO_WHEN_EMPTY:
        fields[name].blank_zero = True
    # Percentages and factors: Django's "no more than 3 digits before the decimal point" in words.
    for name, field in fields.items():
        if isinstance(field, forms.DecimalField) and not isinstance(field, MoneyField):
            field.error_messages.update(NUMBER_TOO_LONG)
            if name.endswith("_percent"):
                field.error_messages.update(PERCENT_TOO_LONG)


_read_as_people_type(OfferForm.base_fields)


class OfferFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[("", "All offers"), (IN_PLAY, "Open or accepted"), *Offer.Status.choices],
        # A fixed list, the same for everyone: its options are made once (as the long lists').
        widget=LongSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_tag = False
        self.helper.disable_csrf = True
