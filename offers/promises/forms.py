from django import forms

from crossroads.dates import limit_dates
from crossroads.errors import require, use_own_messages
from crossroads.text import LONG_TEXT_LIMIT, limit_text, use_text_errors
from offers.fields import DayField
from offers.promises.models import Promise

OTHER_CONTACT = "Choose one of the people on this offer, or someone not listed."
BOTH_WHO = "Choose a person from the list or type who it was, not both."


class _PersonField(forms.ModelChoiceField):
    """The offer's people; anything else, a NUL included (only an edited page sends one), is
    "not one of them", in the same words."""

    def validate_no_null_characters(self, value):
        if "\x00" in str(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], "invalid_choice")


class PromiseForm(forms.ModelForm):
    """One promise about an offer: what, who, when and how. Whom to pick from is the offer's own
    people; anyone else is typed."""

    class Meta:
        model = Promise
        fields = ("what", "contact", "promised_by", "promised_on", "how")
        field_classes = {"promised_on": DayField, "contact": _PersonField}
        widgets = {
            "what": forms.Textarea(attrs={"rows": 3}),
            "promised_by": forms.TextInput(attrs={"autocomplete": "off"}),
            "how": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        contact = self.fields["contact"]
        contact.queryset = self.instance.offer.contacts.all()
        contact.empty_label = "Someone not listed, or I do not know"
        contact.help_text = "One of the people on this offer."
        contact.error_messages["invalid_choice"] = OTHER_CONTACT
        limit_text(self.fields["what"], LONG_TEXT_LIMIT)
        use_text_errors(self)
        limit_dates(self)
        require(
            self,
            {
                "what": "Write what they promised.",
                "promised_on": "Enter the day they promised it.",
                "how": "Choose how they said it.",
            },
        )

    def clean_what(self):
        return self.cleaned_data["what"].strip()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact") and cleaned.get("promised_by"):
            self.add_error("promised_by", BOTH_WHO)
        return cleaned


class FoundForm(forms.ModelForm):
    """The tick "found in the written offer", posted by a button that says which way it goes."""

    class Meta:
        model = Promise
        fields = ("found_in_writing",)
