from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone

from crossroads.dates import limit_dates
from crossroads.errors import require, use_own_messages
from crossroads.formats import format_date
from crossroads.text import long_text_field, use_text_errors
from offers import changes
from offers.asks.models import TimeAsk
from offers.fields import DayField

HEADS_UP_ANSWERS = [
    (TimeAsk.Answer.GRANTED, "Their offer will come sooner"),
    (TimeAsk.Answer.PARTLY, "A little sooner, not before my deadline"),
    (TimeAsk.Answer.REFUSED, "No: their date stays"),
]
START_LATER_ANSWERS = [
    (TimeAsk.Answer.GRANTED, "Yes, I can start on a later date"),
    (TimeAsk.Answer.PARTLY, "Later, but not as late as I asked"),
    (TimeAsk.Answer.REFUSED, "No: the start date stays"),
]
ANSWERS = {
    TimeAsk.Kind.MORE_TIME: [c for c in TimeAsk.Answer.choices if c[0] != TimeAsk.Answer.PENDING],
    TimeAsk.Kind.HEADS_UP: HEADS_UP_ANSWERS,
    TimeAsk.Kind.START_LATER: START_LATER_ANSWERS,
}
CONTACT_ERRORS = {"invalid_choice": "Choose one of the people on this offer, or nobody yet."}


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    return helper


class AskForm(forms.ModelForm):
    """Plan (or record) one conversation about an offer's timing."""

    script = long_text_field(
        "What to say",
        "Our draft, in plain words. Change anything: it is yours to say.",
        rows=9,
    )

    class Meta:
        model = TimeAsk
        fields = ("contact", "channel", "asked_on", "requested_date", "script")
        field_classes = {"asked_on": DayField, "requested_date": DayField}

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        self.today = today or timezone.localdate()
        offer = self.instance.offer
        contact = self.fields["contact"]
        contact.queryset = offer.contacts.all()
        contact.empty_label = "Nobody yet"
        contact.error_messages.update(CONTACT_ERRORS)
        require(
            self,
            {
                "asked_on": "Enter the day you ask.",
                "channel": "Choose how you will ask.",
                "requested_date": "Enter the new answer date you will ask for.",
            },
        )
        if self.instance.kind == TimeAsk.Kind.MORE_TIME:
            self.fields["requested_date"].required = True
            self.fields["requested_date"].label = "Ask for time until"
            self.fields["requested_date"].help_text = (
                "We suggest a few days after the other offer is due, on a working day. If you "
                "change it, change it in the words too."
            )
        elif self.instance.kind == TimeAsk.Kind.START_LATER:
            self.fields["requested_date"].required = True
            self.fields["requested_date"].label = "Ask to start on"
            self.fields["requested_date"].error_messages["required"] = (
                "Enter the start date you will ask for."
            )
            self.fields["requested_date"].help_text = (
                "We suggest the first working day after your notice ends. If you change it, "
                "change it in the words too."
            )
        else:
            del self.fields["requested_date"]
        use_text_errors(self)
        limit_dates(self)
        self.helper = _helper()

    def clean_requested_date(self):
        day = self.cleaned_data["requested_date"]
        if day and day < self.today:
            raise forms.ValidationError("The date to ask for cannot be in the past.")
        if self.instance.kind == TimeAsk.Kind.START_LATER:
            start = self.instance.offer.start_date
            if day and start and day <= start:
                raise forms.ValidationError(
                    f"Ask for a start after the current one ({format_date(start)})."
                )
            return day
        deadline = self.instance.offer.respond_by
        if day and deadline and day <= deadline:
            raise forms.ValidationError(
                f"Ask for a date after the current deadline ({format_date(deadline)})."
            )
        return day

    def clean(self):
        cleaned = super().clean()
        offer = self.instance.offer
        if not offer.is_open():
            where = "requested_date" if "requested_date" in self.fields else None
            self.add_error(
                where,
                f"This offer is {offer.get_status_display().lower()}: there is no answer "
                "left to time.",
            )
        return cleaned


class AnswerForm(forms.ModelForm):
    """What the company said."""

    class Meta:
        model = TimeAsk
        fields = ("answer", "answered_on", "new_date")
        widgets = {"answer": forms.RadioSelect}
        field_classes = {"answered_on": DayField, "new_date": DayField}

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        limit_dates(self)
        self.today = today or timezone.localdate()
        ask = self.instance
        self.fields["answer"].choices = ANSWERS[ask.kind]
        self.fields["answered_on"].required = True
        require(
            self,
            {
                "answer": "Choose what they said.",
                "answered_on": "Enter the day they answered.",
            },
        )
        self.initial["answered_on"] = self.initial.get("answered_on") or self.today
        self.initial["new_date"] = self.initial.get("new_date") or ask.requested_date
        new_date = self.fields["new_date"]
        if ask.kind == TimeAsk.Kind.MORE_TIME:
            new_date.label = "Your new deadline"
            new_date.help_text = "The day they agreed to wait until, if they said yes or partly."
        elif ask.kind == TimeAsk.Kind.START_LATER:
            new_date.label = "Your new start date"
            new_date.help_text = "The day they agreed you start, if they said yes or partly."
        else:
            new_date.label = "When their offer will now come"
            new_date.help_text = "The day they said, if they could bring it forward."
        self.helper = _helper()

    def clean_answered_on(self):
        day = self.cleaned_data["answered_on"]
        if day < self.instance.asked_on:
            raise forms.ValidationError(
                f"The answer cannot come before you asked ({format_date(self.instance.asked_on)})."
            )
        if day > self.today:
            raise forms.ValidationError("The answer cannot be in the future.")
        return day

    def clean(self):
        cleaned = super().clean()
        ask = self.instance
        answer, new_date = cleaned.get("answer"), cleaned.get("new_date")
        if answer not in TimeAsk.MOVES_DATE:
            cleaned["new_date"] = None
            return cleaned
        if not ask.offer.is_open():
            self.add_error(
                "answer",
                f"This offer is {ask.offer.get_status_display().lower()}, so its dates can no "
                "longer move. Record the answer as no, or reopen the offer first.",
            )
        if new_date is None:
            if "new_date" not in self.errors:
                self.add_error("new_date", "Enter the date they agreed to.")
            return cleaned
        self._check_new_date(new_date, cleaned.get("answered_on"))
        return cleaned

    def _check_new_date(self, new_date, answered_on):
        ask = self.instance
        if ask.kind == TimeAsk.Kind.MORE_TIME:
            deadline = ask.offer.respond_by
            if deadline and new_date <= deadline:
                self.add_error(
                    "new_date",
                    f"A new deadline comes after the current one ({format_date(deadline)}). "
                    "If they said no, choose no above.",
                )
            elif new_date < self.today:
                self.add_error("new_date", "The new deadline cannot be in the past.")
        elif ask.kind == TimeAsk.Kind.START_LATER:
            start = ask.offer.start_date
            if start and new_date <= start:
                self.add_error(
                    "new_date",
                    f"A new start date comes after the current one ({format_date(start)}). "
                    "If they said no, choose no above.",
                )
        elif answered_on and new_date < answered_on:
            self.add_error("new_date", "Their offer cannot come before they told you.")


def go_ahead_field(required: bool):
    """The tick box a path shows with ``AcceptingTooEarly``: the user's choice to go ahead."""
    return forms.BooleanField(
        label="I understand: accept this offer anyway",
        required=required,
        help_text="Shown only when another offer is on its way. Your choice is noted on the "
        "offer, and the decision wizard reminds you of it if you change your mind later.",
        error_messages={"required": changes.TICK_TO_GO_AHEAD},
    )
