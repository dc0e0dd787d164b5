"""Step 5's form: one pro or con, of one of the decision's offers."""

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms

from crossroads.errors import use_own_messages
from decisions.models import Consideration
from decisions.wizard.forms.offers import LoadedChoices, offer_label
from decisions.wizard.steps import ordered_offers


class _OfferChoice(forms.ModelChoiceField):
    """The decision's offers, shown from those the view has loaded (no query of their own); a
    submitted choice is still checked against the queryset."""

    iterator = LoadedChoices
    loaded = ()

    def label_from_instance(self, obj):
        return offer_label(obj)


class ConsiderationForm(forms.ModelForm):
    """Step 5: one pro or con, of one of the decision's offers (read from the prefetched
    ``decision.offers``). The page has one of these, with the offer to choose, rather than one
    for each offer."""

    offer = _OfferChoice(
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        label="Which offer is it about?",
        error_messages={
            "required": "Choose the offer it is about.",
            "invalid_choice": "Choose one of the offers in this decision.",
        },
    )

    class Meta:
        model = Consideration
        fields = ["offer", "text", "kind", "term"]
        widgets = {"kind": forms.RadioSelect, "term": forms.RadioSelect}
        labels = {
            "text": "The pro or con, in a few words",
            "kind": "Is it a pro or a con?",
            "term": "When does it count?",
        }

    def __init__(self, *args, decision, **kwargs):
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        self.instance.decision = decision
        self.fields["offer"].queryset = decision.offers.all()
        self.fields["offer"].loaded = ordered_offers(decision)
        self.fields["kind"].choices = Consideration.Kind.choices
        self.fields["term"].choices = [
            (Consideration.Term.IMMEDIATE, "Now: from day one"),
            (Consideration.Term.LONG_TERM, "Later: in a year or more"),
        ]
        self.fields["kind"].error_messages["required"] = "Choose pro or con."
        self.fields["term"].error_messages["required"] = "Choose whether it counts now or later."
        self.fields["text"].error_messages["required"] = "Write the pro or con in a few words."
        self.fields["text"].widget = forms.TextInput(attrs={"maxlength": 500})
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.layout = Layout(
            InlineRadios("offer"),
            "text",
            Div(
                Div(InlineRadios("kind"), css_class="col-sm-5"),
                Div(InlineRadios("term"), css_class="col-sm-7"),
                css_class="row",
            ),
        )
