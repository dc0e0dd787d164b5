"""The limit and the words for free text that people type, the same in every form of both apps."""

# The longest free text a form takes (notes, terms, reasoning, a call script's section).
TEXT_LIMIT = 5000

# Django already refuses a NUL character in text; this says why in words people understand.
NUL_MESSAGE = (
    "This text contains a hidden null character, often left by copying from another program. "
    "Retype or paste it as plain text."
)
NUL_ERRORS = {"null_characters_not_allowed": NUL_MESSAGE}


def explain_nul_characters(form) -> None:
    """Give every field of ``form`` that refuses NUL characters the message above."""
    for field in form.fields.values():
        field.error_messages.update(NUL_ERRORS)
