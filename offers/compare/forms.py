import datetime
from urllib.parse import urlencode

from django import forms
from django.urls import reverse

from crossroads.errors import use_own_messages
from crossroads.widgets import LongSelect
from offers.compare.table import MAX_YEARS

DEFAULT_YEARS = 4
# As many offers as a decision weighs (decisions.wizard): more columns than this cannot be read
# side by side, on a screen or on paper.
MAX_COMPARED = 5


class CompareForm(forms.Form):
    """Which offers to set side by side, over how many years. Read from the address (GET), so a
    comparison can be bookmarked and printed."""

    offers = forms.MultipleChoiceField(
        label="Offers to compare",
        widget=forms.CheckboxSelectMultiple,
        help_text=f"Up to {MAX_COMPARED}.",
        error_messages={
            "required": "Choose at least one offer.",
            "invalid_choice": "Choose from your own offers.",
        },
    )
    years = forms.TypedChoiceField(
        label="Years",
        coerce=int,
        # A fixed list, the same for everyone: its options are made once a process.
        widget=LongSelect,
        choices=[(n, f"{n} year{'s' if n != 1 else ''}") for n in range(1, MAX_YEARS + 1)],
        help_text=f"Up to {MAX_YEARS}.",
        error_messages={
            "invalid_choice": f"Choose from 1 to {MAX_YEARS} years.",
            "required": f"Choose how many years to compare, from 1 to {MAX_YEARS}.",
        },
    )

    def __init__(self, all_offers, data=None, *, initial_offers=(), initial_years=DEFAULT_YEARS):
        super().__init__(
            data,
            initial={
                "offers": [str(offer.pk) for offer in initial_offers],
                "years": initial_years,
            },
        )
        use_own_messages(self)
        self.by_pk = {str(offer.pk): offer for offer in all_offers}
        self.fields["offers"].choices = [
            (str(offer.pk), f"{offer.company}, {offer.role} ({offer.currency})")
            for offer in all_offers
        ]

    def clean_offers(self):
        offers = self.cleaned_data["offers"]
        if len(offers) > MAX_COMPARED:
            raise forms.ValidationError(
                f"Choose {MAX_COMPARED} offers at most: more columns than that cannot be read "
                "side by side."
            )
        return offers

    def choice(self):
        """The chosen offers (in the list's order) and years; the defaults before any choice;
        None when what was asked for cannot be read (the errors then say why)."""
        if not self.is_bound:
            chosen = self.initial["offers"]
            return [self.by_pk[pk] for pk in self.by_pk if pk in chosen], self.initial["years"]
        if not self.is_valid():
            return None
        chosen = set(self.cleaned_data["offers"])
        return [self.by_pk[pk] for pk in self.by_pk if pk in chosen], self.cleaned_data["years"]


def listed_offers(all_offers, chosen=(), every=False) -> list:
    """The offers the form lists to choose from: those in play and any already ``chosen`` (their
    pks as text); every offer when ``every`` is asked for, or when none is in play."""
    in_play = [offer for offer in all_offers if offer.is_in_play()]
    if every or not in_play:
        return list(all_offers)
    return [offer for offer in all_offers if offer.is_in_play() or str(offer.pk) in chosen]


def default_offers(all_offers) -> tuple[list, list]:
    """What the page compares before any choice: the offers in play (all of them when none is),
    the committed one first, then those whose date is soonest, at most ``MAX_COMPARED``; and
    the rest of those in play (or of all), left out."""
    candidates = [offer for offer in all_offers if offer.is_in_play()] or list(all_offers)
    candidates.sort(key=_soonest_first)
    return candidates[:MAX_COMPARED], candidates[MAX_COMPARED:]


def _soonest_first(offer):
    date = offer.respond_by or offer.expected_on or offer.start_date or datetime.date.max
    return (not offer.is_committed(), date)


def compare_url(offers, years: int) -> str:
    """The address of the page that sets ``offers`` side by side over ``years`` (another page,
    such as a decision's result, links to it this way)."""
    query = urlencode({"offers": [offer.pk for offer in offers], "years": years}, doseq=True)
    return f"{reverse('offers:compare')}?{query}"
