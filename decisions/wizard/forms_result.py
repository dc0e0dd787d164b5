"""Step 6's forms: the user's own choice, and later how it turned out."""

from django import forms

from decisions.wizard.forms import offer_label

NOT_DECIDED = "undecided"
TEXT_LIMIT = 5000
TOO_LONG = {
    "max_length": "Keep this under %(limit_value)d characters (it has %(show_value)d): "
    "a few sentences are enough."
}


class RecordForm(forms.Form):
    """Step 6: the user's own choice, in their own words."""

    choice = forms.ChoiceField(
        widget=forms.RadioSelect,
        label="What have you decided?",
        error_messages={"required": "Choose an offer, or Not decided yet."},
    )
    reasoning = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=TEXT_LIMIT,
        error_messages=TOO_LONG,
        label="Why? In your own words",
        help_text="A few sentences for your future self: what tipped it, and what you are "
        "giving up.",
    )

    def __init__(self, offers, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offers = {str(offer.pk): offer for offer in offers}
        self.fields["choice"].choices = [
            *((pk, offer_label(offer)) for pk, offer in self.offers.items()),
            (NOT_DECIDED, "Not decided yet"),
        ]

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("choice")
        cleaned["reasoning"] = cleaned.get("reasoning", "").strip()
        if choice and choice != NOT_DECIDED and not cleaned["reasoning"]:
            self.add_error("reasoning", "Write a line or two on why: it helps when you look back.")
        cleaned["chosen_offer"] = self.offers.get(choice)
        return cleaned


class OutcomeForm(forms.Form):
    """The decision journal: how it turned out, some time later."""

    outcome = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="How did it turn out?",
        help_text="Are you glad of the choice? What would you do differently? Only you see this.",
        max_length=TEXT_LIMIT,
        error_messages={"required": "Write a few words on how it turned out.", **TOO_LONG},
    )

    def clean_outcome(self):
        outcome = self.cleaned_data["outcome"].strip()
        if not outcome:
            raise forms.ValidationError("Write a few words on how it turned out.")
        return outcome
