"""One message for a NUL character, whichever form and field it is typed into."""

from django import forms

from crossroads.text import NUL_MESSAGE, explain_nul_characters


class Notes(forms.Form):
    title = forms.CharField()
    body = forms.CharField(widget=forms.Textarea)
    email = forms.EmailField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        explain_nul_characters(self)


def test_every_text_field_explains_a_nul_character():
    form = Notes({"title": "A\x00", "body": "B\x00", "email": "a\x00@example.com"})
    assert not form.is_valid()
    assert list(form.errors["title"]) == list(form.errors["body"]) == [NUL_MESSAGE]
    # An address with a NUL in it is no address either: both are said.
    assert NUL_MESSAGE in form.errors["email"]


def test_the_message_is_given_to_one_form_only():
    Notes()
    assert forms.CharField().error_messages.get("null_characters_not_allowed") is None
    assert "null character" in NUL_MESSAGE
