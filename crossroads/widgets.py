"""A select for the app's long fixed lists: time zones, currencies, number formats.

Those lists are hundreds of options, the same for everyone. Drawing each option through the
template on every request was most of the time of the pages that show one (the account page,
sign-up, the offer form). An option's markup depends only on its value and label, so each is made
once a process, from Django's own option template, and the chosen one is made afresh.
"""

import functools

from django import forms
from django.forms.widgets import ChoiceWidget
from django.template.loader import render_to_string
from django.utils.choices import BaseChoiceIterator, normalize_choices
from django.utils.safestring import mark_safe

# Django's own markup for one option.
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


class FixedChoices(BaseChoiceIterator):
    """Choices made once (by ``make``, when first read) and never changed: a field's copy for each
    form shares them rather than copying hundreds of options, and they are put in Django's
    normal form once rather than on every reading."""

    def __init__(self, make):
        self._make = make

    @functools.cached_property
    def _choices(self) -> tuple:
        return tuple(normalize_choices(self._make()))

    def __iter__(self):
        return iter(self._choices)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


@functools.lru_cache(maxsize=4096)
def _option(value: str, label: str, selected: bool = False) -> str:
    attrs = {"selected": True} if selected else {}
    context = {"widget": {"value": value, "label": label, "attrs": attrs}}
    return render_to_string(OPTION_TEMPLATE, context).rstrip("\n")


class LongSelect(forms.Select):
    """Django's select, for a fixed list of hundreds of options (labels the same for everyone,
    never a user's data): the same markup as ``django/forms/widgets/select.html``."""

    template_name = "crossroads/widgets/long_select.html"

    def get_context(self, name, value, attrs):
        # Widget's context (name, value, attrs) without ChoiceWidget's dict for each option.
        context = super(ChoiceWidget, self).get_context(name, value, attrs)
        chosen = context["widget"]["value"]  # a list of strings (format_value)
        groups, found = [], False
        for group, options in self._groups():
            markup = []
            for option_value, label in options:
                option_value = "" if option_value is None else str(option_value)
                # As Django's select: only the first option with the value is selected.
                selected = not found and option_value in chosen
                found = found or selected
                markup.append(_option(option_value, str(label), selected))
            groups.append((group, mark_safe("".join("\n  " + option for option in markup))))
        context["widget"]["groups"] = groups
        return context

    def _groups(self):
        """(group name or None, its options): options outside a group go together."""
        loose = []
        for value, label in self.choices:
            if isinstance(label, (list, tuple)):
                if loose:
                    yield None, loose
                    loose = []
                yield value, label
            else:
                loose.append((value, label))
        if loose:
            yield None, loose
