from django import forms

from crossroads.text import LONG_TEXT_LIMIT, NUL_MESSAGE, long_text_field, use_text_errors


class _Form(forms.Form):
    name = forms.CharField(max_length=20)
    story = long_text_field("Your story")


def _errors(**data):
    form = _Form(data={"name": "Sam", "story": "", **data})
    use_text_errors(form)
    form.is_valid()
    return form.errors


def test_too_long_text_says_the_limit_and_the_length_in_words():
    assert _errors(name="x" * 25)["name"] == ["Keep this under 20 characters (it has 25)."]
    story = "x" * (LONG_TEXT_LIMIT + 1)
    assert _errors(story=story)["story"] == ["Keep this under 5,000 characters (it has 5001)."]


def test_a_nul_character_is_explained():
    assert _errors(name="Sa\x00m")["name"] == [NUL_MESSAGE]


def test_a_text_box_never_cuts_a_long_paste_silently():
    html = str(_Form()["story"])
    assert "<textarea" in html and "maxlength" not in html
