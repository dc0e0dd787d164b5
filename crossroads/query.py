"""Numbers and codes read from an address's query string (or a form's hidden field), where a
person cannot be shown a message: anything but what is asked for reads as nothing."""

import re

# Nine digits are more than any id or page number here; a longer string is refused unread.
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,9}")


def whole_number(text, default: int | None = None) -> int | None:
    """``text`` as a whole number in ASCII digits, or ``default``. ``isdigit()`` is not enough:
    it accepts "²", which ``int()`` refuses."""
    if isinstance(text, str) and _WHOLE_NUMBER.fullmatch(text):
        return int(text)
    return default


def currency_code(text) -> str:
    """Three ASCII letters, upper-cased, or "" (a NUL or any other character reads as none)."""
    code = text.strip().upper() if isinstance(text, str) else ""
    return code if re.fullmatch(r"[A-Z]{3}", code) else ""
