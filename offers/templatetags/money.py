from django import template

from crossroads.formats import format_money

register = template.Library()


@register.filter
def money(amount, currency=""):
    """``{{ offer.base_salary|money:offer.currency }}`` gives ``USD 120,000``."""
    return format_money(amount, currency)
