"""Step 4's form: the grid of ratings, one select per factor and offer."""

import operator
from functools import reduce

from django import forms
from django.db.models import Q
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from decisions.models import Rating
from decisions.wizard.forms.offers import offer_label

RATING_CHOICES = [
    ("", "Choose"),
    (1, "1 · poor"),
    (2, "2 · weak"),
    (3, "3 · fine"),
    (4, "4 · good"),
    (5, "5 · great"),
]


def _rating_choices():
    # Given to each field as a callable, read only when a posted value is checked: the cells
    # are written with RATING_OPTIONS, and 50 fields each copying the list took a millisecond
    # and a half.
    return RATING_CHOICES


def options_by_selected(choices) -> dict:
    """The options of a select of ``choices`` for each value selected, and for none (None): a
    grid of selects writes them once, not once a select (see ``select_options``)."""
    choices = [(str(value), label) for value, label in choices]
    return {
        selected: format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((value, " selected" if value == selected else "", label) for value, label in choices),
        )
        for selected in [None, *(value for value, _ in choices)]
    }


def select_options(options: dict, value) -> SafeString:
    """The options (``options_by_selected``) with ``value`` selected. Nothing chosen, or a
    refused value, selects the empty choice when there is one, else nothing."""
    empty = options.get("", options[None])
    return empty if value is None else options.get(str(value), empty)


RATING_OPTIONS = options_by_selected(RATING_CHOICES)


# One cell of the grid, as the page writes it (see RatingsForm.rows); every value put in it is
# escaped first.
CELL = (
    '<td class="rating-cell"><div id="div_{id}" class="mb-3">'
    '<label for="{id}" class="form-label{required_class}">{label}{required_mark}</label>'
    "{errors}"
    '<select name="{name}" id="{id}" class="form-select{invalid_class}"{required}{invalid}>'
    "{options}</select></div></td>"
)
REQUIRED_MARK = '<span class="asteriskField">*</span>'
ERROR = '<p id="error_{}_{}" class="mb-1"><span class="visually-hidden">Error:</span> {}</p>'


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
                    choices=_rating_choices,
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
        """The grid for the template: (factor, [each offer's cell, its markup ready]). Each
        cell is written here, in one go, as its select, label and errors through a template
        took most of the page's time (through crispy's templates, even more)."""
        return [
            (factor, [self._cell(self.field_name(factor, offer)) for offer in self.offers])
            for factor in self.factors
        ]

    def _cell(self, name) -> SafeString:
        field = self[name]
        value = field.value()
        # A refused value (not 1 to 5) shows as not chosen yet, with its error.
        options = select_options(RATING_OPTIONS, value)
        cell_id, required = escape(field.auto_id), field.field.required
        errors = field.errors if self.is_bound else ()
        return mark_safe(
            CELL.format(
                id=cell_id,
                name=escape(field.html_name),
                label=escape(field.label),
                required_class=" requiredField" if required else "",
                required_mark=REQUIRED_MARK if required else "",
                required=" required" if required else "",
                errors=_errors(cell_id, errors) if errors else "",
                invalid_class=" is-invalid" if errors else "",
                invalid=f' aria-invalid="true" aria-describedby="{cell_id}_error"'
                if errors
                else "",
                options=options,
            )
        )

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


def _errors(cell_id: str, errors) -> SafeString:
    return format_html(
        '<div id="{}_error" class="invalid-feedback d-block field-error">{}</div>',
        cell_id,
        format_html_join(
            "", ERROR, ((n, cell_id, error) for n, error in enumerate(errors, start=1))
        ),
    )
