"""The wizard's forms. Each validates and says what is wrong in plain words; none saves a thing
unless the view has claimed the decision's version first (see decisions.wizard.steps)."""

import operator
from functools import reduce
from typing import NamedTuple

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.db.models import Q
from django.forms.models import ModelChoiceIterator

from crossroads.text import LONG_TEXT_LIMIT, text_errors
from decisions.models import Consideration, Decision, Rating
from offers.models import Offer

MIN_OFFERS, MAX_OFFERS = 2, 5
RATING_CHOICES = [
    ("", "Choose"),
    (1, "1 · poor"),
    (2, "2 · weak"),
    (3, "3 · fine"),
    (4, "4 · good"),
    (5, "5 · great"),
]


def _helper(form, inline_radios=()) -> FormHelper:
    """Fields in order, radios side by side, no <form> tag: the template wraps the form."""
    helper = FormHelper(form)
    helper.form_tag = False
    helper.layout = Layout(
        *(InlineRadios(name) if name in inline_radios else name for name in form.fields)
    )
    return helper


def offer_label(offer: Offer) -> str:
    return f"{offer.role} at {offer.company}"


class _LoadedChoices(ModelChoiceIterator):
    """The choices from the offers the form has loaded already (``field.loaded``), so showing
    them costs no query of its own; a submitted choice is still checked against the queryset."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for offer in self.field.loaded:
            yield self.choice(offer)

    def __len__(self):
        return len(self.field.loaded) + (self.field.empty_label is not None)


class _OfferChoices(forms.ModelMultipleChoiceField):
    iterator = _LoadedChoices
    loaded = ()

    def label_from_instance(self, obj):
        return f"{offer_label(obj)} ({obj.get_status_display().lower()})"


class _CommittedChoice(forms.ModelChoiceField):
    iterator = _LoadedChoices
    loaded = ()

    def label_from_instance(self, obj):
        return f"{offer_label(obj)} ({obj.get_status_display().lower()})"


class OffersForm(forms.Form):
    """Step 1: the name of the decision, the offers to compare, and the reference offer."""

    title = forms.CharField(
        label="Name this decision",
        max_length=200,
        required=False,
        help_text="Something you will recognise later. Leave it empty to name it after the "
        "companies.",
    )
    offers = _OfferChoices(
        queryset=Offer.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Offers to compare",
        help_text="Pick 2 to 5.",
        error_messages={
            "required": "Pick at least two offers to compare.",
            "invalid_choice": "One of the offers picked is not one of yours. Pick from the list.",
            "invalid_pk_value": "One of the offers picked is not one of yours. Pick from the list.",
        },
    )
    committed_offer = _CommittedChoice(
        queryset=Offer.objects.none(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        label="Which one are you committed to now?",
        help_text="More than one of your offers is accepted, signed or started. The one you "
        "would back out of is the reference.",
        error_messages={"invalid_choice": "Choose one of your committed offers."},
    )

    def __init__(self, user, *args, decision=None, **kwargs):
        if decision is not None:
            kwargs["initial"] = {
                "title": decision.title,
                "offers": list(decision.offers.all()),
                "committed_offer": decision.committed_offer,
            }
        super().__init__(*args, **kwargs)
        self.decision = decision
        self.user_offers = list(Offer.objects.for_user(user).order_by("company", "role", "pk"))
        self.fields["offers"].loaded = self.user_offers
        self.fields["offers"].queryset = Offer.objects.for_user(user)
        committed = [offer for offer in self.user_offers if offer.is_committed()]
        if len(committed) > 1:
            self.fields["committed_offer"].loaded = committed
            self.fields["committed_offer"].queryset = Offer.objects.for_user(user).committed()
        else:
            del self.fields["committed_offer"]

    def apply(self) -> None:
        """Change the decision being edited in memory; ``save()`` writes it."""
        self.decision.title = self.cleaned_data["title"]
        self.decision.committed_offer = self.cleaned_data["reference"]

    def save(self) -> None:
        self.decision.save()
        self.decision.offers.set(self.cleaned_data["offers"])

    def clean_offers(self):
        offers = self.cleaned_data["offers"]
        posted = self.data.getlist(self.add_prefix("offers"))
        if len(posted) != len(set(posted)):
            raise forms.ValidationError("The same offer was picked twice. Pick each offer once.")
        if len(offers) < MIN_OFFERS:
            raise forms.ValidationError("Pick at least two offers to compare.")
        if len(offers) > MAX_OFFERS:
            raise forms.ValidationError(
                "Pick five offers at most. More than that is hard to weigh well: leave out the "
                "ones you would not take anyway."
            )
        return list(offers)

    def clean(self):
        cleaned = super().clean()
        offers = cleaned.get("offers") or []
        committed = [offer for offer in offers if offer.is_committed()]
        reference = committed[0] if len(committed) == 1 else None
        if len(committed) > 1:
            reference = cleaned.get("committed_offer")
            if reference not in committed:
                self.add_error(
                    "committed_offer",
                    "More than one of the offers picked is accepted, signed or started. Choose "
                    "the one you are committed to now.",
                )
        cleaned["reference"] = reference
        if not cleaned.get("title") and offers:
            cleaned["title"] = " or ".join(offer.company for offer in offers)[:200]
        return cleaned


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


class RatingCell(NamedTuple):
    field: forms.BoundField
    value: str


class RatingsForm(forms.Form):
    """Step 4: one select per factor and offer. Factors with weight 0 may stay unrated."""

    def __init__(self, factors, offers, saved, suggested, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.factors, self.offers = factors, offers
        self.saved, self.suggested = saved, suggested
        for factor in factors:
            for offer in offers:
                initial = saved.get((factor.pk, offer.pk))
                if initial is None and factor.is_compensation and suggested:
                    initial = suggested.get(offer.pk)
                self.fields[self.field_name(factor, offer)] = forms.TypedChoiceField(
                    choices=RATING_CHOICES,
                    coerce=int,
                    empty_value=None,
                    required=factor.weight > 0,
                    initial=initial,
                    label=f"{factor.name} for {offer_label(offer)}",
                    error_messages={
                        "required": f"Rate {factor.name} for {offer.company} from 1 to 5.",
                        "invalid_choice": f"Rate {factor.name} for {offer.company} with a "
                        "whole number from 1 to 5.",
                    },
                )

    def shows_suggestion(self) -> bool:
        """Some of the compensation row is suggested from the money, not saved by the user."""
        compensation = next((f for f in self.factors if f.is_compensation), None)
        return bool(
            self.suggested
            and compensation
            and any((compensation.pk, offer.pk) not in self.saved for offer in self.offers)
        )

    @staticmethod
    def field_name(factor, offer) -> str:
        return f"rating-{factor.pk}-{offer.pk}"

    def rows(self):
        """The grid for the template: (factor, [cell for each offer]). A cell is the bound field
        and its chosen value as text; the template draws each select itself (``choices``), as
        50 selects through crispy's templates took most of the page's time."""
        return [
            (factor, [self._cell(self[self.field_name(factor, offer)]) for offer in self.offers])
            for factor in self.factors
        ]

    @staticmethod
    def _cell(field) -> RatingCell:
        value = field.value()
        return RatingCell(field, "" if value is None else str(value))

    choices = [(str(value), label) for value, label in RATING_CHOICES]

    def save(self):
        scores = {
            (factor.pk, offer.pk): self.cleaned_data[self.field_name(factor, offer)]
            for factor in self.factors
            for offer in self.offers
        }
        Rating.objects.bulk_create(
            [
                Rating(factor_id=f, offer_id=o, score=score)
                for (f, o), score in scores.items()
                if score is not None
            ],
            update_conflicts=True,
            unique_fields=["factor", "offer"],
            update_fields=["score"],
        )
        cleared = [pair for pair, score in scores.items() if score is None]
        if cleared:
            Rating.objects.filter(
                reduce(operator.or_, (Q(factor_id=f, offer_id=o) for f, o in cleared))
            ).delete()


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


# Step 6: the user's own choice, and later how it turned out.

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
