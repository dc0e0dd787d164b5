"""Selects are drawn by templates/django/forms/widgets/select.html, which writes Django's option
template in place (a page of hundreds of options spent most of its time including it once per
option), and the long fixed lists by crossroads/widgets.py's LongSelect, which makes each option
once a process. Both must draw exactly what Django's own templates draw."""

import re

from django import forms
from django.forms.renderers import DjangoTemplates
from django.template.loader import get_template

from crossroads.forms import time_zone_field
from crossroads.widgets import LongSelect

DJANGOS_OWN = DjangoTemplates()  # Django's widget templates only, none of the project's


def _tags(html: str) -> str:
    return re.sub(r"\s*(<|>)\s*", r"\1", html).strip()


class _Form(forms.Form):
    time_zone = time_zone_field()
    currency = forms.ChoiceField(choices=[("EUR", "Euro"), ("USD", "US dollar & co")])
    several = forms.MultipleChoiceField(choices=[(1, "One"), (2, "Two"), (3, "Three")])
    # As the offer form's currencies: recent ones first, so a value is in two groups.
    money = forms.ChoiceField(
        widget=LongSelect,
        choices=[
            ("Recent", [("EUR", "Euro"), ("GBP", "Pound & co")]),
            ("All", [("EUR", "Euro"), ("GBP", "Pound & co"), ("USD", "US dollar")]),
        ],
    )
    loose = forms.ChoiceField(
        widget=LongSelect, choices=[("", "None yet"), (1, "One"), (2, "<Two>")]
    )


DATA = {
    "time_zone": "Europe/Amsterdam",
    "currency": "USD",
    "several": ["1", "3"],
    "money": "GBP",
    "loose": "2",
}


def _djangos(widget):
    """Django's own widget for the same choices: a LongSelect draws what a Select draws."""
    if isinstance(widget, LongSelect):
        return forms.Select(attrs=widget.attrs, choices=widget.choices)
    return widget


def test_the_options_are_drawn_as_djangos_own_templates_draw_them(settings):
    ours = get_template("django/forms/widgets/select.html").origin.name
    assert ours.startswith(str(settings.BASE_DIR / "templates"))  # the project's, in use
    form = _Form(data=DATA)
    for name in DATA:
        field, widget = form[name], form.fields[name].widget
        drawn = widget.render(field.html_name, field.value(), attrs={"id": field.auto_id})
        reference = _djangos(widget).render(
            field.html_name, field.value(), attrs={"id": field.auto_id}, renderer=DJANGOS_OWN
        )
        assert _tags(drawn) == _tags(reference)


def test_the_chosen_options_are_selected_and_groups_kept():
    form = _Form(data=DATA)
    html = "".join(str(form[name]) for name in DATA)
    assert '<option value="Europe/Amsterdam" selected>' in html
    assert '<option value="USD" selected>US dollar &amp; co</option>' in html
    # In two groups, only the first is chosen, as Django's select does.
    assert '<option value="GBP" selected>Pound &amp; co</option>' in html
    assert '<option value="2" selected>&lt;Two&gt;</option>' in html
    assert html.count(" selected>") == 6
    assert '<optgroup label="Europe">' in html


def test_a_long_select_chooses_afresh_on_each_form():
    """Options are made once a process: the one chosen on one form is not chosen on the next."""
    first = str(_Form(data={**DATA, "money": "EUR"})["money"])
    second = str(_Form(data=DATA)["money"])
    assert '<option value="EUR" selected>' in first and '<option value="GBP" selected>' not in first
    assert (
        '<option value="GBP" selected>' in second and '<option value="EUR" selected>' not in second
    )
