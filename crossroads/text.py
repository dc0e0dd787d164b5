"""Limits and messages for free text, shared by every form."""

from django import forms
from django.core.validators import MaxLengthValidator

# Notes, script sections, reasons: enough for a page of writing, never a whole document.
LONG_TEXT_LIMIT = 5000

NUL_MESSAGE = (
    "This contains an invisible NUL character, usually left behind by copying and pasting. "
    "Delete the text and type it again."
)


def text_errors(limit: int | None) -> dict[str, str]:
    """Messages in words for a text field of at most ``limit`` characters."""
    errors = {"null_characters_not_allowed": NUL_MESSAGE}
    if limit is not None:
        errors["max_length"] = f"Keep this under {limit:,} characters (it has %(show_value)d)."
    return errors


def long_text_field(label: str, help_text: str = "", rows: int = 3) -> forms.CharField:
    """An optional text box of up to LONG_TEXT_LIMIT characters, with messages in words."""
    field = forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=LONG_TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages=text_errors(LONG_TEXT_LIMIT),
    )
    field.widget.attrs.pop("maxlength")  # see use_text_errors
    return field


def limit_text(field: forms.CharField, limit: int) -> None:
    """Refuse more than ``limit`` characters in ``field`` (a model's unlimited text), in words."""
    field.max_length = limit
    field.validators.append(MaxLengthValidator(limit))
    field.error_messages.update(text_errors(limit))


def use_text_errors(form: forms.BaseForm) -> None:
    """Give every text field of ``form`` the messages above instead of Django's. A text box
    keeps no ``maxlength``: the browser would cut a long paste without a word, where the
    message says how much to shorten it."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField):
            field.error_messages.update(text_errors(field.max_length))
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.pop("maxlength", None)
