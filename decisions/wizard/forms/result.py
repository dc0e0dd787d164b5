"""Step 6's forms: the user's own choice, and later how it turned out."""

from django import forms

from crossroads.errors import use_own_messages
from crossroads.text import LONG_TEXT_LIMIT, text_errors
from decisions.wizard.forms.offers import offer_label

NOT_DECIDED = "undecided"


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
        max_length=LONG_TEXT_LIMIT,
        error_messages=text_errors(LONG_TEXT_LIMIT),
        label="Why? In your own words",
        help_text="A few sentences for your future self: what tipped it, and what you are "
        "giving up.",
    )

    def __init__(self, offers, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        self.offers = {str(offer.pk): offer for offer in offers}
        self.fields["choice"].choices = [
            *((pk, offer_label(offer)) for pk, offer in self.offers.items()),
            (NOT_DECIDED, "Not decided yet"),
        ]

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("choice")
        if choice and choice != NOT_DECIDED and not cleaned.get("reasoning"):
            self.add_error("reasoning", "Write a line or two on why: it helps when you look back.")
        cleaned["chosen_offer"] = self.offers.get(choice)
        return cleaned


class OutcomeForm(forms.Form):
    """The decision journal: how it turned out, some time later."""

    outcome = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="How did it turn out?",
        help_text="Are you glad of the choice? What would you do differently? Only you see this.",
        max_length=LONG_TEXT_LIMIT,
        error_messages={
            "required": "Write a few words on how it turned out.",
            **text_errors(LONG_TEXT_LIMIT),
        },
    )
