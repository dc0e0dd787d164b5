from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils import timezone
from django.utils.text import get_text_list

from crossroads.formats import format_money, format_short
from offers import compensation

register = template.Library()


@register.filter
def money(amount, currency=""):
    """``{{ offer.base_salary|money:offer.currency }}`` gives ``USD 120,000``."""
    return format_money(amount, currency)


@register.filter
def short_amount(amount):
    """``{{ tick.value|short_amount }}``: ``1.5M``, for a chart's axis on a phone."""
    return format_short(amount)


@register.filter
def whole_money(amount, currency=""):
    """An amount in whole units, for tables: ``USD 120,000``."""
    if amount is None or amount == "":
        return format_money(amount, currency)
    return format_money(Decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP), currency)


@register.simple_tag
def no_figures() -> str:
    """``{% no_figures %}``: what every page shows for an offer with no money entered yet
    (``compensation.has_figures``) instead of a zero."""
    return compensation.NO_FIGURES


@register.inclusion_tag("offers/rates/_amount.html", takes_context=True)
def converted(context, amount, whole=True):
    """An ``exchange.Amount``: the figure, and when it was converted, the original beside it
    with the rate and its date (and a note when the rate is over 30 days old)."""
    today = context.get("today") or timezone.localdate()
    return {
        "amount": amount,
        "whole": whole,
        "old": bool(amount and amount.rate and amount.rate.is_old(today)),
    }


@register.inclusion_tag("offers/rates/_notes.html", takes_context=True)
def comparison_notes(context, comparison, names=None, show_missing=True):
    """What a page says about a comparison across currencies: the currency it is made in, the
    rates missing (with where to set them) and any rate over 30 days old. ``names`` (optional)
    maps each left-out key to how the page calls it; ``show_missing=False`` when the page says
    itself which rates are missing."""
    today = context.get("today") or timezone.localdate()
    without = comparison.no_figures if comparison else ()
    return {
        "comparison": comparison,
        # Keys are offers (their company names them) unless ``names`` says otherwise.
        "no_figures_names": get_text_list(
            [str(names[key] if names else getattr(key, "company", key)) for key in without], "and"
        ),
        "no_figures_count": len(without),
        "show_missing": show_missing,
        "old_rates": comparison.old_rates(today) if comparison else [],
        "left_out_names": [str(names[key]) for key in comparison.left_out]
        if comparison and names
        else [],
    }
