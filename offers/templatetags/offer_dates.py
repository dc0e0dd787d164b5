from django import template
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from offers.templatetags.offer_badges import deadline_badge

register = template.Library()


@register.filter
def days_away(days):
    """A number of days from today in words: "today", "in 3 days", "2 days ago"."""
    if days is None or days == "":
        return ""
    days = int(days)
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if days > 0:
        return f"in {days} days"
    return f"{-days} days ago"


@register.simple_tag
def event_when(event) -> str:
    """``{% event_when event %}``: a date in play as a list of offers writes it, its day, how far
    away it is and where its answer stands: ``4 Mar 2026 (in 3 days) [Closing soon]``. Written
    with an f-string: every part is a date, a number in words or a badge, nothing to escape
    (the list shows two or three a row)."""
    day = event.date
    return mark_safe(
        f'<time datetime="{day.isoformat()}">{day.day} {day:%b %Y}</time>\n'
        f'<span class="small text-body-secondary">({days_away(event.days_away)})</span>\n'
        f"{deadline_badge(event.deadline_state)}"
    )


@register.simple_tag
def timeline_day(event) -> str:
    """``{% timeline_day event %}``: a date on the timeline, its day and, below it, how far away
    it is: ``Wed 4 Mar 2026`` / ``In 3 days``."""
    day = event.date
    return mark_safe(
        f'<time datetime="{day.isoformat()}">{day:%a} {day.day} {day:%b %Y}</time>\n'
        f'<span class="small text-body-secondary d-block">{capfirst(days_away(event.days_away))}'
        "</span>"
    )
