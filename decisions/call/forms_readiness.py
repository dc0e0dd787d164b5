import datetime

from django import forms
from django.db import transaction

from decisions.call.readiness import Check


class ReadinessForm(forms.Form):
    """Tick the readiness checks; each one writes the offer's own field."""

    def __init__(self, checks: list[Check], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.checks = checks
        for check in checks:
            self.fields[check.name] = forms.BooleanField(
                label=check.label, help_text=check.why, required=False, initial=check.done
            )

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
