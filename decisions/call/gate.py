"""The forms of going ahead: the gate's acknowledgements, accepting the new offer first, marking
the call done, and the readiness checklist."""

import datetime
from dataclasses import dataclass

from django import forms
from django.db import transaction

from crossroads.dates import validate_day
from crossroads.formats import format_date
from decisions.call.forms import DATE_INVALID
from decisions.call.readiness import CHECK_NAMES, READ_FIELDS, Check, readiness_checks
from offers import changes, offer_form_layout
from offers.asks.forms import go_ahead_field
from offers.models import Offer
from offers.rules import TICKS_NEED, ticks_without_facts


class GateForm(forms.Form):
    """The gate before anything final: each readiness check still open needs its own ticked
    acknowledgement ("I go ahead without ..."), or the check done first."""

    def __init__(self, *args, to_acknowledge=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.to_acknowledge = list(to_acknowledge)
        for check in self.to_acknowledge:
            self.fields[f"skip_{check.name}"] = forms.BooleanField(
                label=check.skip,
                required=True,
                error_messages={
                    "required": f"Tick this to go ahead without {check.short}, or do that "
                    "check first."
                },
            )

    def acknowledgement_fields(self):
        return [self[f"skip_{check.name}"] for check in self.to_acknowledge]

    too_early = None  # what ``offers.changes`` would refuse about accepting the new offer

    def guard_accepting(self, offer, today: datetime.date) -> None:
        """Accepting ``offer`` while another is expected soon: the warning, and the tick box
        that records the choice to go ahead (the same guard as the offer form's)."""
        try:
            changes.check_committing(offer, Offer.Status.ACCEPTED, offer.status, today)
        except changes.AcceptingTooEarly as refused:
            self.too_early = refused
            self.fields["accept_anyway"] = go_ahead_field(required=False)

    def accepting(self) -> bool:
        return True

    def clean(self):
        cleaned = super().clean()
        if self.too_early and self.accepting() and not cleaned.get("accept_anyway"):
            self.add_error("accept_anyway", changes.TICK_TO_GO_AHEAD)
        return cleaned

    def go_ahead(self) -> bool:
        return bool(self.cleaned_data.get("accept_anyway"))

    def acknowledged(self):
        """The checks the user chose to go ahead without (all of them, once the form is valid)."""
        return self.to_acknowledge


class DoneForm(GateForm):
    """Marking the call done: the gate, then the explicit confirmation of each status change."""

    def __init__(self, changes: dict, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.changes = changes
        for name, change in changes.items():
            self.fields[name] = forms.BooleanField(
                label=change.description, required=False, initial=True
            )

    def change_fields(self):
        return [self[name] for name in self.changes]

    def accepting(self) -> bool:
        return bool(self.cleaned_data.get("accept"))

    def confirmed(self):
        return [change for name, change in self.changes.items() if self.cleaned_data.get(name)]


class AcceptForm(GateForm):
    """Accepting the new offer: its own step, before the call, with the day it was accepted."""

    accepted_on = forms.DateField(
        label="When did you accept it?",
        help_text="Accept in writing (an e-mail is fine) and keep a copy.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Enter the day you accepted.", "invalid": DATE_INVALID},
        validators=[validate_day],
    )

    def __init__(self, offer, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer, self.today = offer, today
        self.fields["accepted_on"].initial = today
        self.order_fields(["accepted_on"])

    def clean_accepted_on(self):
        day = self.cleaned_data["accepted_on"]
        if day > self.today:
            raise forms.ValidationError(
                "This is the day you accepted, so it cannot be in the future. Accept first, "
                "then record it here."
            )
        if self.offer.received_on and day < self.offer.received_on:
            raise forms.ValidationError(
                f"You received the offer on {format_date(self.offer.received_on)}: you cannot "
                "have accepted it before that."
            )
        return day


@dataclass(frozen=True)
class Fix:
    """Where to add the fact a tick needs: an offer form's section, or a tick on the same list."""

    words: str
    anchor: str
    page: str = ""


def _fix(check: Check) -> Fix:
    fact, _, words = TICKS_NEED[check.name]
    words, offer = words.format(company=check.offer.company), check.offer
    if fact in CHECK_NAMES:
        return Fix(words, f"ready-{fact}")
    section = offer_form_layout.section_of(fact)
    return Fix(words, f"id_{fact}", offer_form_layout.section_url(offer, section))


class ReadinessForm(forms.Form):
    """Tick the readiness checks; each one writes the offer's own field. A tick standing for a
    fact the offer does not record (``offers.rules.ticks_without_facts``) is refused next to it,
    with where to add the fact, and nothing is saved."""

    def __init__(self, checks: list[Check], *args, **kwargs):
        kwargs.setdefault("auto_id", "ready-%s")
        super().__init__(*args, **kwargs)
        self.checks = checks
        for check in checks:
            self.fields[check.name] = forms.BooleanField(
                label=check.label, help_text=check.why, required=False, initial=check.done
            )

    @classmethod
    def for_offers(cls, committed, new_offer, data=None):
        return cls(readiness_checks(committed, new_offer), data)

    def rows(self) -> list[tuple]:
        """Each check with its field, where to add the fact it lacks (or None), and what the
        checklist writes of the field: its id, its errors and whether it is ticked (read once
        here, rather than at each of their uses in the template)."""
        rows = []
        for check in self.checks:
            field = self[check.name]
            fix = _fix(check) if self._lacks_fact(check) else None
            errors = self.errors.get(check.name, ()) if self.is_bound else ()
            rows.append((check, field, fix, field.auto_id, errors, field.value()))
        return rows

    def _lacks_fact(self, check) -> bool:
        # Refused, the ticks posted decide (two ticked at once); else the offer's own.
        return check.name in self.errors if self.is_bound else bool(check.missing_fact)

    def clean(self):
        cleaned = super().clean()
        for offer in {check.offer for check in self.checks}:
            ticks = {c.name: cleaned.get(c.name) for c in self.checks if c.offer is offer}
            values = {name: getattr(offer, name) for name in READ_FIELDS} | ticks
            for name, message in ticks_without_facts(values).items():
                if name in ticks:
                    self.add_error(name, message)
        return cleaned

    def save(self, today: datetime.date) -> None:
        offers = {}
        for check in self.checks:
            value = self.cleaned_data[check.name]
            if check.name == "terms_reviewed" and value and not check.offer.terms_reviewed:
                check.offer.terms_reviewed_on = today
            setattr(check.offer, check.name, value)
            offers[check.offer.pk] = check.offer
        with transaction.atomic():
            for offer in offers.values():
                offer.save()
