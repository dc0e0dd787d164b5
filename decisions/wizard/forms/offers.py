"""Step 1's form: the name of the decision, the offers to compare and the reference offer;
and how the wizard names an offer in its forms."""

from django import forms
from django.forms.models import ModelChoiceIterator

from crossroads.errors import use_own_messages
from offers.models import Offer

MIN_OFFERS, MAX_OFFERS = 2, 5


def offer_label(offer: Offer) -> str:
    return f"{offer.role} at {offer.company}"


class LoadedChoices(ModelChoiceIterator):
    """The choices from the offers the form has loaded already (``field.loaded``), so showing
    them costs no query of its own; a submitted choice is still checked against the queryset."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for offer in self.field.loaded:
            yield self.choice(offer)

    def __len__(self):
        return len(self.field.loaded) + (self.field.empty_label is not None)


class _LoadedOffers:
    """A choice field of offers, shown from ``loaded``, each labelled with its status."""

    iterator = LoadedChoices
    loaded = ()

    def label_from_instance(self, obj):
        return f"{offer_label(obj)} ({obj.get_status_display().lower()})"


class _OfferChoices(_LoadedOffers, forms.ModelMultipleChoiceField):
    pass


class _CommittedChoice(_LoadedOffers, forms.ModelChoiceField):
    pass


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
                # Their keys are enough to tick them: the offers are loaded below.
                "offers": list(decision.offers.values_list("pk", flat=True)),
                "committed_offer": decision.committed_offer,
            }
        super().__init__(*args, **kwargs)
        use_own_messages(self)
        self.decision = decision
        # What the lists show of each offer: its role, company and status.
        mine = Offer.objects.for_user(user).only("company", "role", "status")
        self.user_offers = list(mine.order_by("company", "role", "pk"))
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
