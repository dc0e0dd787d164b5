"""Step 2's form: what shapes the risk of backing out, and how long the user expects to stay."""

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms

from crossroads.errors import use_own_messages
from decisions.models import Decision


def _helper(form, inline_radios=()) -> FormHelper:
    """Fields in order, radios side by side, no <form> tag: the template wraps the form."""
    helper = FormHelper(form)
    helper.form_tag = False
    helper.layout = Layout(
        *(InlineRadios(name) if name in inline_radios else name for name in form.fields)
    )
    return helper


class SituationForm(forms.ModelForm):
    """Step 2: what shapes the risk of backing out, and how long the user expects to stay.

    With nothing committed only the horizon is asked. The agency lives on the committed offer
    (one source of truth), so this form writes it there."""

    agency_name = forms.CharField(
        max_length=200,
        required=False,
        help_text="Leave it empty if you found the job yourself. An agency that placed you has "
        "a fee and its name at stake, so it should hear the news from you too.",
    )

    horizon_years = forms.TypedChoiceField(
        choices=[(1, "1 year"), (2, "2 years"), (3, "3 years"), (4, "4 years")],
        coerce=int,
        widget=forms.RadioSelect,
        label="How long do you expect to stay in the job you choose?",
        help_text="The money of each offer is added up over this many years, with bonuses and "
        "equity as they vest.",
        error_messages={
            "required": "Choose how many years, from 1 to 4.",
            "invalid_choice": "Choose how many years, from 1 to 4.",
        },
    )

    class Meta:
        model = Decision
        fields = ["close_knit_field", "could_commit_fully", "horizon_years"]
        widgets = {
            "close_knit_field": forms.RadioSelect,
            "could_commit_fully": forms.RadioSelect,
        }
        labels = {
            "close_knit_field": "Is your field close-knit, where everyone knows everyone?",
            "could_commit_fully": "If you stay, could you commit to that job fully?",
        }
        help_texts = {
            "close_knit_field": "In a small field, or a small local market, word of a broken "
            "promise travels and the cost to your name is higher.",
            "could_commit_fully": "Keeping your word matters, but a job you cannot put your "
            "heart into is bad for you and for the employer too.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        committed = self.instance.committed_offer
        if committed is None:
            for name in ("close_knit_field", "could_commit_fully", "agency_name"):
                del self.fields[name]
            return
        for name in ("close_knit_field", "could_commit_fully"):
            self.fields[name].required = True
            self.fields[name].choices = Decision.Answer.choices
            self.fields[name].error_messages["required"] = "Choose yes, no or not sure."
        self.fields[
            "agency_name"
        ].label = f"Did a recruiting agency place you at {committed.company}? If so, its name"
        self.fields["agency_name"].initial = committed.agency_name
        self.order_fields(["close_knit_field", "agency_name", "could_commit_fully"])

    @property
    def helper(self):
        return _helper(self, ("close_knit_field", "could_commit_fully", "horizon_years"))

    def save(self, commit=True):
        decision = super().save(commit=commit)
        if commit and "agency_name" in self.cleaned_data:
            offer = decision.committed_offer
            offer.agency_name = self.cleaned_data["agency_name"]
            offer.save(update_fields=["agency_name", "updated"])
        return decision
