from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma

register = template.Library()


@register.filter
def money(amount, currency=""):
    """An amount for people: thousands separated, cents only when there are any, the ISO code
    beside it. ``{{ offer.base_salary|money:offer.currency }}`` gives ``USD 120,000``."""
    if amount is None or amount == "":
        return "—"
    value = Decimal(amount)
    digits = 0 if value == value.to_integral_value() else 2
    text = intcomma(f"{value:.{digits}f}")
    return f"{currency} {text}".strip()
