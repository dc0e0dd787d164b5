"""How the app writes money and dates for people: one place for each format."""

import datetime
from decimal import Decimal


def format_money(amount, currency: str = "") -> str:
    """Thousands separated, cents only when there are any, the ISO code first: ``USD 120,000``.
    Nothing at all (None or "") is a dash."""
    if amount is None or amount == "":
        return "—"
    value = Decimal(amount)
    digits = 0 if value == value.to_integral_value() else 2
    return f"{currency} {value:,.{digits}f}".strip()


def format_date(day: datetime.date) -> str:
    """A date in a sentence: ``1 December 2026``."""
    return f"{day.day} {day:%B %Y}"
