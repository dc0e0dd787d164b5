"""The call plan's lists (names to suggest, follow-ups, the parts of what to say and the prepared
answers), an item each, written from the rows ``decisions.call.page`` reads (values written here
are escaped). A tag rather than a template loop: the plan shows every item of every list, and the
loop's lookups and filters cost more than the items in it."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from crossroads.escaping import escape

register = template.Library()

_ITEM = (
    '<li class="list-group-item d-flex flex-wrap gap-2 justify-content-between '
    'align-items-start return-target" id="{id}" tabindex="-1" aria-label="{label}">\n'
    '<div class="call-list-text">\n{text}\n</div>\n{buttons}\n</li>\n'
)


@register.simple_tag
def referral_items(referrals):
    """``{% referral_items referrals %}``: each name (``page._referrals``: pk, name, how to
    reach them, why they fit, the address that removes it) with its button to remove it."""
    return mark_safe("".join(_referral(*row) for row in referrals))


def _referral(pk, name, how_to_reach, why_they_fit, remove_url) -> str:
    name = escape(name)
    text = f"<strong>{name}</strong>"
    if how_to_reach:
        text += f" · {escape(how_to_reach)}"
    if why_they_fit:
        text += f'\n<div class="text-body-secondary">{escape(why_they_fit)}</div>'
    button = (
        f'<button type="submit" formaction="{escape(remove_url)}" '
        f'class="btn btn-outline-danger btn-sm">Remove <span class="visually-hidden">{name}'
        "</span></button>"
    )
    return _ITEM.format(id=f"referral-{pk}", label=name, text=text, buttons=button)


@register.simple_tag
def follow_up_items(follow_ups):
    """``{% follow_up_items follow_ups %}``: each follow-up (``page._follow_ups``: pk, text,
    its day in words, done, the addresses that tick it and remove it) with its buttons."""
    return mark_safe("".join(_follow_up(*row) for row in follow_ups))


def _follow_up(pk, text, due_on, done, toggle_url, remove_url) -> str:
    text = escape(text)
    if done:
        words = f'<span class="badge text-bg-success">Done</span> <s>{text}</s>'
    else:
        words = f'<span class="badge text-bg-secondary">To do</span> {text}'
    if due_on:
        words += f'\n<div class="text-body-secondary small">By {escape(due_on)}</div>'
    toggle = "Not done yet" if done else "Mark done"
    buttons = (
        '<div class="d-flex gap-2">\n'
        f'<button type="submit" formaction="{escape(toggle_url)}" '
        f'class="btn btn-outline-secondary btn-sm">{toggle}'
        f'<span class="visually-hidden">: {text}</span></button>\n'
        f'<button type="submit" formaction="{escape(remove_url)}" '
        'class="btn btn-outline-danger btn-sm">Remove'
        f'<span class="visually-hidden">: {text}</span></button>\n'
        "</div>"
    )
    return _ITEM.format(id=f"follow-up-{pk}", label=text, text=words, buttons=buttons)


# What to say, and the prepared answers: a heading and a paragraph a part, as the plan's
# disclosures show them (the printed script writes its own).
_PART = '<h3 class="h6 mt-3 mb-1">{label}</h3>\n<p class="mb-0">{text}</p>\n'
_NO_ANSWER = '<span class="text-body-secondary">No answer prepared.</span>'


@register.simple_tag
def said_parts(words):
    """``{% said_parts words %}``: each part of the script with words in it (``page._words``:
    its name, its text), the name capitalised, the text's lines kept."""
    return mark_safe(
        "".join(
            _PART.format(label=escape(capfirst(label)), text=linebreaksbr(text))
            for label, text in words
            if text
        )
    )


@register.simple_tag
def answer_parts(answers):
    """``{% answer_parts answers %}``: each reaction (``page._answers``: the reaction, the
    answer) with its answer, or a note that none is prepared."""
    return mark_safe(
        "".join(
            _PART.format(label=escape(label), text=linebreaksbr(text) if text else _NO_ANSWER)
            for label, text in answers
        )
    )
