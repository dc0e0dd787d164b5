"""``select_field`` gives a select exactly the markup crispy-forms gives it, without crispy's
templates: the same elements, attributes and text, for every state a select can be in."""

from html.parser import HTMLParser

import pytest
from django import forms
from django.template import engines

from crossroads.templatetags.select_fields import select_field

CHOICES = [("", "Choose"), (1, "1 · poor"), (2, "2 · <weak> & so"), (3, "3 · fine")]


class _Tokens(HTMLParser):
    """Elements, sorted attributes and text, whitespace aside: what a browser and a screen
    reader get from the markup."""

    def __init__(self, html):
        super().__init__()
        self.tokens = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("<", tag, tuple(sorted(attrs))))

    def handle_endtag(self, tag):
        self.tokens.append((">", tag))

    def handle_data(self, data):
        if text := " ".join(data.split()):
            self.tokens.append(("text", text))


def _crispy(field) -> str:
    template = engines["django"].from_string("{% load crispy_forms_tags %}{{ f|as_crispy_field }}")
    return template.render({"f": field})


class _Form(forms.Form):
    rated = forms.TypedChoiceField(
        choices=CHOICES,
        coerce=int,
        empty_value=None,
        initial=3,
        label="Culture for <Data> Engineer at Globex",
        error_messages={"required": "Rate culture for Globex from 1 to 5."},
    )
    optional = forms.TypedChoiceField(
        choices=CHOICES, coerce=int, empty_value=None, required=False, label="Optional one"
    )
    helped = forms.ChoiceField(
        choices=[("a", "A"), ("b", "B")], help_text="Pick <em>one</em>.", label="With help"
    )
    grouped = forms.ChoiceField(
        choices=[("Europe", [("lisbon", "Lisbon"), ("oslo", "Oslo")]), ("utc", "UTC")],
        initial="oslo",
    )


@pytest.mark.parametrize(
    "data",
    [None, {"rated": "", "optional": "9", "helped": "c", "grouped": "utc"}, {"rated": "2"}],
    ids=["unbound", "errors", "some-posted"],
)
@pytest.mark.parametrize("name", ["rated", "optional", "helped", "grouped"])
def test_the_markup_is_crispys_own(name, data):
    form = _Form(data)
    if data is not None:
        form.is_valid()
    field = form[name]
    assert _Tokens(select_field(field)).tokens == _Tokens(_crispy(field)).tokens


def test_the_label_is_tied_to_the_select_and_errors_are_announced():
    field = _Form({"rated": ""})["rated"]
    html = select_field(field)
    assert '<label for="id_rated"' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_rated_error"' in html
    assert "Rate culture for Globex from 1 to 5." in html
    assert "&lt;Data&gt;" in html  # labels are escaped
