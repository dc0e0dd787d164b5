"""Step 5's form: one pro or con of one offer."""

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms

from decisions.models import Consideration


class ConsiderationForm(forms.ModelForm):
    """Step 5: one pro or con of one offer."""

    class Meta:
        model = Consideration
        fields = ["kind", "term", "text"]
        widgets = {"kind": forms.RadioSelect, "term": forms.RadioSelect}
        labels = {"kind": "Is it a pro or a con?", "term": "When does it count?"}

    def __init__(self, *args, offer, **kwargs):
        kwargs.setdefault("prefix", f"offer-{offer.pk}")
        super().__init__(*args, **kwargs)
        self.offer = offer
        self.fields["kind"].choices = Consideration.Kind.choices
        self.fields["term"].choices = [
            (Consideration.Term.IMMEDIATE, "Now: from day one"),
            (Consideration.Term.LONG_TERM, "Later: in a year or more"),
        ]
        self.fields["kind"].error_messages["required"] = "Choose pro or con."
        self.fields["term"].error_messages["required"] = "Choose whether it counts now or later."
        self.fields["text"].label = f"A pro or con of {offer.company}"
        self.fields["text"].error_messages["required"] = "Write the pro or con in a few words."
        self.fields["text"].widget = forms.TextInput(attrs={"maxlength": 500})
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "text",
            Div(
                Div(InlineRadios("kind"), css_class="col-sm-5"),
                Div(InlineRadios("term"), css_class="col-sm-7"),
                css_class="row",
            ),
        )
