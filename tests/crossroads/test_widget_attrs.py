"""Inputs and text areas write their attributes with one filter (crossroads/templatetags/
widget_attrs.py) rather than Django's attrs.html: they must draw exactly what Django's own
templates draw, escaping included."""

import re

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

DJANGOS_OWN = DjangoTemplates()  # Django's widget templates only, none of the project's


class _Form(forms.Form):
    name = forms.CharField(
        max_length=20,
        widget=forms.TextInput(
            attrs={"placeholder": 'Say "hi" & <wave>', "autofocus": True, "hidden": False}
        ),
    )
    shown = forms.CharField(widget=forms.TextInput(attrs={"title": mark_safe("<b>bold</b>")}))
    count = forms.IntegerField(required=False, widget=forms.NumberInput(attrs={"step": 5}))
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "data-x": "a&b"}))


def _tags(html: str) -> str:
    return re.sub(r"\s*(<|>)\s*", r"\1", html).strip()


def test_inputs_and_text_areas_draw_what_djangos_templates_draw():
    form = _Form(data={"name": 'A "quoted" <name>', "shown": "x", "count": "", "notes": "<p>"})
    for name in form.fields:
        field, widget = form[name], form.fields[name].widget
        attrs = field.build_widget_attrs({"id": field.auto_id})
        drawn = widget.render(field.html_name, field.value(), attrs=attrs)
        reference = widget.render(field.html_name, field.value(), attrs=attrs, renderer=DJANGOS_OWN)
        assert _tags(drawn) == _tags(reference)
    assert 'placeholder="Say &quot;hi&quot; &amp; &lt;wave&gt;"' in str(form["name"])
    assert 'title="<b>bold</b>"' in str(form["shown"])  # marked safe: as Django writes it
