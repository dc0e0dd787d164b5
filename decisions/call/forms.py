import datetime

from django import forms
from django.db import transaction

from crossroads.dates import limit_dates
from crossroads.errors import use_own_messages
from crossroads.text import long_text_field, use_text_errors
from decisions.call.plans import answers_for
from decisions.call.script import SCRIPT_SECTIONS
from decisions.models import CallPlan, FollowUp, PreparedAnswer, Referral
from offers.models import Contact

CHANNEL_CHOICES = [
    (CallPlan.Channel.PHONE, "Phone (the usual way: personal and quick)"),
    (CallPlan.Channel.VIDEO, "Video call"),
    (CallPlan.Channel.IN_PERSON, "In person"),
    (CallPlan.Channel.EMAIL, "E-mail"),
]

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_ERRORS = {"invalid": "Enter a date and a time, such as 2026-12-01 10:30."}
DATE_INVALID = "Enter a date, such as 2026-12-01."


def _to_the_minute(moment: datetime.datetime | None) -> datetime.datetime | None:
    return moment.replace(second=0, microsecond=0) if moment else None


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, contact):
        phone = contact.phone or "no phone number yet"
        return f"{contact.name}, {phone} ({contact.get_role_display().lower()})"


def _pick_people(field, people, label, help_text, invalid_choice) -> bool:
    """A contact select offering ``people``; says whether nobody is recorded yet (the select
    then says so instead of "Choose a person")."""
    missing = not people.exists()
    field.queryset, field.label, field.help_text = people, label, help_text
    field.empty_label = "Nobody recorded yet" if missing else "Choose a person"
    field.error_messages["invalid_choice"] = invalid_choice
    return missing


def _ask_when(field, label, help_text) -> None:
    field.label, field.help_text = label, help_text
    field.error_messages.update(DATETIME_ERRORS)


# The parts of the plan edited on pages of their own, by the address's name (call_<section>).
PLAN_SECTIONS = {
    "when": ("contact", "scheduled_at", "channel", "agency_contact", "agency_call_at"),
    "words": SCRIPT_SECTIONS,
    "answers": (),
}


class CallPlanForm(forms.ModelForm):
    """One part of the plan (``section``, a key of PLAN_SECTIONS): whom, when and how; what to
    say; or the prepared answers. A plan saved for the first time keeps the drafts of the rest."""

    class Meta:
        model = CallPlan
        fields = [
            "contact",
            "scheduled_at",
            "channel",
            "agency_contact",
            "agency_call_at",
            *SCRIPT_SECTIONS,
        ]
        field_classes = {"contact": ContactChoiceField, "agency_contact": ContactChoiceField}
        widgets = {
            "scheduled_at": DATETIME_WIDGET,
            "agency_call_at": DATETIME_WIDGET,
            "channel": forms.RadioSelect(choices=CHANNEL_CHOICES),
            **{name: forms.Textarea(attrs={"rows": 3}) for name in SCRIPT_SECTIONS},
            "logistics": forms.Textarea(attrs={"rows": 4}),
        }
        # The names are added on the plan, not on the page with the words.
        help_texts = {
            "help_offer": "Offer names of people who could fill the role; add them under “Names "
            "you could suggest” on the plan."
        }

    def __init__(self, decision, *args, section: str, now: datetime.datetime, **kw):
        super().__init__(*args, **kw)
        use_own_messages(self)
        for name in set(self.fields) - set(PLAN_SECTIONS[section]):
            del self.fields[name]
        self.section, self.now = section, now
        self.employer_contacts_missing = self.agency_contacts_missing = False
        if section == "when":
            self._ask_whom_and_when(decision.committed_offer)
        if section == "answers":
            answers = answers_for(self.instance)
            for reaction in PreparedAnswer.Reaction:
                name = f"answer_{reaction.value}"
                self.fields[name] = long_text_field(reaction.label)
                self.initial.setdefault(name, answers.get(reaction.value, ""))
        use_text_errors(self)
        limit_dates(self)

    def _ask_whom_and_when(self, offer) -> None:
        # The employer's people for the employer's call, the agency's for the agency's call.
        self.employer_contacts_missing = _pick_people(
            self.fields["contact"],
            offer.contacts.exclude(role=Contact.Role.AGENCY),
            f"Whom to call at {offer.company}",
            "The hiring manager is best: they chose you. Otherwise the recruiter. Add or correct "
            "people and phone numbers on the offer’s page.",
            f"Choose one of the people at {offer.company} recorded on that offer. Agency "
            "contacts are chosen for the agency’s call.",
        )
        _ask_when(
            self.fields["scheduled_at"],
            "When will you call?",
            "A date and time in your own time zone, within two working days.",
        )

        self.fields["channel"].label = "How will you tell them?"
        self.fields["channel"].error_messages["required"] = "Choose how you will tell them."
        self.fields["channel"].choices = CHANNEL_CHOICES

        if offer.agency_name:
            self.agency_contacts_missing = _pick_people(
                self.fields["agency_contact"],
                offer.contacts.filter(role=Contact.Role.AGENCY),
                f"Whom to call at {offer.agency_name}",
                "The agency placed you, so they deserve a call of their own, right after the "
                "employer’s. Only contacts recorded on the offer as “Agency” are listed.",
                f"Choose one of {offer.agency_name}’s people recorded on the offer (their part "
                "in the offer is “Agency”).",
            )
            _ask_when(
                self.fields["agency_call_at"],
                f"When will you call {offer.agency_name}?",
                "Soon after the first call, the same day if you can.",
            )
        else:
            del self.fields["agency_contact"]
            del self.fields["agency_call_at"]

    def _not_in_the_past(self, name: str):
        value = self.cleaned_data.get(name)
        saved = _to_the_minute(getattr(self.instance, name))
        # A time already saved may pass while the user edits the rest of the plan.
        if value and value < _to_the_minute(self.now) and _to_the_minute(value) != saved:
            raise forms.ValidationError(
                "Choose a time from now on. If the call has already happened, record it under "
                "“After the call” instead."
            )
        return value

    def clean_scheduled_at(self):
        return self._not_in_the_past("scheduled_at")

    def clean_agency_call_at(self):
        return self._not_in_the_past("agency_call_at")

    def save(self, commit=True):
        """Save this part; a plan saved for the first time is stored with its drafted answers."""
        with transaction.atomic():
            created = self.instance.pk is None
            plan = super().save()
            if self.section == "answers":
                answers = {
                    r.value: self.cleaned_data[f"answer_{r.value}"] for r in PreparedAnswer.Reaction
                }
            elif created:
                answers = answers_for(plan)
            else:
                return plan
            PreparedAnswer.objects.bulk_create(
                [
                    PreparedAnswer(call_plan=plan, reaction=reaction, answer=text)
                    for reaction, text in answers.items()
                ],
                update_conflicts=True,
                unique_fields=["call_plan", "reaction"],
                update_fields=["answer"],
            )
        return plan


class ReferralForm(forms.ModelForm):
    class Meta:
        model = Referral
        fields = ["name", "how_to_reach", "why_they_fit"]
        # Someone else's name and address: the browser must not offer the user's own.
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "how_to_reach": forms.TextInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "referral")
        super().__init__(*args, **kwargs)
        use_text_errors(self)
        limit_dates(self)
        self.fields["name"].error_messages["required"] = "Enter the person’s name."


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["text", "due_on"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "follow_up")
        super().__init__(*args, **kwargs)
        use_text_errors(self)
        limit_dates(self)
        self.fields["text"].error_messages["required"] = "Say what needs doing."
        self.fields["due_on"].error_messages["invalid"] = "Enter a date, such as 2026-12-01."


class CallLogForm(forms.ModelForm):
    """After the call: when it happened and how it went."""

    class Meta:
        model = CallPlan
        fields = ["called_at", "how_it_went"]
        labels = {"called_at": "When did the call happen?"}
        help_texts = {"called_at": "A date and time in your own time zone."}
        widgets = {"called_at": DATETIME_WIDGET, "how_it_went": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, now: datetime.datetime, **kwargs):
        kwargs.setdefault("prefix", "log")
        super().__init__(*args, **kwargs)
        use_text_errors(self)
        limit_dates(self)
        self.now = now
        self.fields["called_at"].error_messages.update(DATETIME_ERRORS)

    def clean_called_at(self):
        value = self.cleaned_data.get("called_at")
        if value and _to_the_minute(value) > self.now:
            raise forms.ValidationError(
                "This is when the call happened, so it cannot be in the future. To plan a call, "
                "change “Whom, when and how” on the plan."
            )
        return value
