"""The add form's one-time token: the same form posted twice adds one offer."""

import uuid

from django import forms

FORM_TOKEN_MESSAGE = (
    "This form cannot be used: it has been changed. "
    "Nothing was saved. Open Add an offer again to start a fresh form."
)


def form_token_field() -> forms.UUIDField:
    """The add form's one-time token, made by the server for each form it sends, so the same form
    posted twice (a double click, two tabs, a refused form sent again) adds one offer. A hidden
    text input rather than type=hidden: static/js/form-token.js marks it changed, so a browser that
    fetches the page anew on Back restores the token the form was first sent with."""
    return forms.UUIDField(
        widget=forms.TextInput(
            attrs={"hidden": True, "tabindex": "-1", "aria-hidden": "true", "data-form-token": ""}
        ),
        initial=uuid.uuid4,
        # Without one (a script's post) nothing guards against a repeat; that is all.
        required=False,
        error_messages={"invalid": FORM_TOKEN_MESSAGE},
    )
