"""The badges that say an offer's status and where its answer stands, in words (a status is never
shown by colour alone). Tags rather than includes: a page of offers shows two or three a row,
and an include costs more than the badge."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from offers.models import Offer

register = template.Library()


# The statuses' labels, read once (Django's ``get_status_display`` builds this on every call).
STATUS_LABELS = dict(Offer.Status.choices)


@register.simple_tag
def status_badge(offer) -> str:
    """``{% status_badge offer %}``: the offer's status."""
    return format_html(
        '<span class="badge status-badge status-{}">{}</span>',
        offer.status,
        STATUS_LABELS.get(offer.status, offer.status),
    )


@register.simple_tag
def deadline_badge(state) -> str:
    """``{% deadline_badge state %}``: "Closing soon" or "Deadline passed", or nothing."""
    if not state:
        return ""
    tone = "text-bg-danger" if state.has_passed else "text-bg-warning"
    return format_html('<span class="badge {}">{}</span>', tone, state.label)


@register.simple_tag
def example_badge(offer) -> str:
    """``{% example_badge offer %}``: "Example" on an offer of the sample the user loaded."""
    if not offer.is_example:
        return ""
    return mark_safe('<span class="badge example-badge">Example</span>')
