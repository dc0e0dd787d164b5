"""The dashboard's lists of offers and asks, an item each: what is coming up, the answers due
soon, the offers with no deadline known and the asks still waiting for an answer. Tags rather
than loops of lookups, filters and tags: each item's day, link and badges are written once here
(the growing user's dashboard lists a dozen or so), with the words the lists always had."""

from django import template
from django.utils.safestring import mark_safe

from crossroads.escaping import escape
from crossroads.formats import short_date
from crossroads.reversing import each_address
from offers.templatetags.offer_badges import deadline_badge, example_badge
from offers.templatetags.offer_dates import days_away

register = template.Library()


def _named(offer, url) -> str:
    return f'<a href="{url(offer.pk)}">{escape(offer.role)} at {escape(offer.company)}</a>'


@register.simple_tag
def coming_up(events) -> str:
    """``{% coming_up offers_next_dates %}``: each date (``timeline.Event``), how far away it
    is, what it is and for which offer."""
    url = each_address("offers:detail")
    return mark_safe(
        "".join(
            f'<li class="mb-2">\n<time class="fw-semibold" datetime="{e.date.isoformat()}">'
            f"{short_date(e.date)}</time>\n"
            f'<span class="small text-body-secondary">({days_away(e.days_away)})</span><br>\n'
            f"{escape(e.label)}: {_named(e.offer, url)}\n{example_badge(e.offer)}\n"
            f"{deadline_badge(e.deadline_state)}\n</li>\n"
            for e in events
        )
    )


@register.simple_tag
def answers_due(offers_and_days) -> str:
    """``{% answers_due offers_answer_soon %}``: each offer to answer soon, with its deadline and
    how far away it is (``(offer, days)``)."""
    url = each_address("offers:detail")
    return mark_safe(
        "".join(
            f'<li class="mb-2">\n{_named(offer, url)}\n{example_badge(offer)}<br>\n'
            f'<span class="small">Answer due {short_date(offer.respond_by)} ({days_away(days)})'
            f"</span>\n{deadline_badge(offer.deadline_state())}\n</li>\n"
            for offer, days in offers_and_days
        )
    )


@register.simple_tag
def no_deadline(offers) -> str:
    """``{% no_deadline offers_no_deadline %}``: each offer received with no answer deadline."""
    url = each_address("offers:detail")
    return mark_safe(
        "".join(
            f'<li class="mb-1">{_named(offer, url)}\n{example_badge(offer)}\n'
            '<span class="small text-body-secondary">: ask how long the offer stays open</span>'
            "</li>\n"
            for offer in offers
        )
    )


# What each kind of ask is called in the list, before its company.
_ASKED = {"more_time": "More time from", "start_later": "A later start at"}
_NUDGE = '<span class="badge text-bg-warning">No answer in two working days: follow up</span>'


@register.simple_tag
def asks_waiting(asks) -> str:
    """``{% asks_waiting offers_pending_asks %}``: each ask still waiting for an answer, when it
    was made and, after two working days, a nudge to follow up."""
    url = each_address("offers:ask")
    items = []
    for ask in asks:
        company = escape(ask.offer.company)
        asked = _ASKED.get(ask.kind)
        what = f"{asked} {company}" if asked else f"Your deadline, told to {company}"
        items.append(
            f'<li class="mb-1"><a href="{url(ask.pk)}">{what}</a>\n'
            f'<span class="small text-body-secondary">asked {short_date(ask.asked_on)}</span>\n'
            f"{_NUDGE if ask.needs_nudge() else ''}</li>\n"
        )
    return mark_safe("".join(items))
