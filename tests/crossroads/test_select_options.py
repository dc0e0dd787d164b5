"""Selects are drawn by templates/django/forms/widgets/select.html, which writes Django's option
template in place (a page of hundreds of options spent most of its time including it once per
option). It must draw exactly what Django's own templates draw."""

import re

from django import forms
from django.forms.renderers import DjangoTemplates
from django.template.loader import get_template

from crossroads.forms import time_zone_field

DJANGOS_OWN = DjangoTemplates()  # Django's widget templates only, none of the project's


def _tags(html: str) -> str:
    return re.sub(r"\s*(<|>)\s*", r"\1", html).strip()


class _Form(forms.Form):
    time_zone = time_zone_field()
    currency = forms.ChoiceField(choices=[("EUR", "Euro"), ("USD", "US dollar & co")])
    several = forms.MultipleChoiceField(choices=[(1, "One"), (2, "Two"), (3, "Three")])


def test_the_options_are_drawn_as_djangos_own_templates_draw_them(settings):
    ours = get_template("django/forms/widgets/select.html").origin.name
    assert ours.startswith(str(settings.BASE_DIR / "templates"))  # the project's, in use
    form = _Form(data={"time_zone": "Europe/Amsterdam", "currency": "USD", "several": ["1", "3"]})
    for name in ("time_zone", "currency", "several"):
        field, widget = form[name], form.fields[name].widget
        drawn = widget.render(field.html_name, field.value(), attrs={"id": field.auto_id})
        reference = widget.render(
            field.html_name, field.value(), attrs={"id": field.auto_id}, renderer=DJANGOS_OWN
        )
        assert _tags(drawn) == _tags(reference)


def test_the_chosen_options_are_selected_and_groups_kept():
    form = _Form(data={"time_zone": "Europe/Amsterdam", "currency": "USD", "several": ["1", "3"]})
    html = str(form["time_zone"]) + str(form["currency"]) + str(form["several"])
    assert '<option value="Europe/Amsterdam" selected>' in html
    assert '<option value="USD" selected>US dollar &amp; co</option>' in html
    assert html.count(" selected>") == 4
    assert '<optgroup label="Europe">' in html
