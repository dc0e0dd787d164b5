"""The countries of ISO 3166-1 alpha-2, named in English by Babel (which the app already uses
for money and dates), and the one check that a code is one of them."""

from functools import cache

from babel import Locale
from django.core.exceptions import ValidationError

# Babel names some codes that ISO 3166-1 does not assign (regions, the EU, reserved codes).
_NOT_COUNTRIES = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB"}
_NOT_COUNTRIES |= {"XK", "ZZ"}


@cache
def countries() -> dict[str, str]:
    """Code -> English name, in the order of the names."""
    names = Locale("en").territories
    found = {
        code: name
        for code, name in names.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    }
    return dict(sorted(found.items(), key=lambda item: item[1]))


def country_name(code: str) -> str:
    return countries().get(code, code)


def not_a_country(code: str) -> str:
    return f"“{code}” is not a country code in ISO 3166. Choose the country from the list."


def validate_country(code: str) -> None:
    if code and code not in countries():
        raise ValidationError(not_a_country(code), code="not_a_country")
