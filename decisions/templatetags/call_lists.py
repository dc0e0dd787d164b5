"""When to call and the steps of a call, as the dashboard lists them for each call to make. Tags
rather than includes and loops of lookups: the dashboard lists five calls of seven steps or so,
and an include a call, or a loop of lookups a step, cost more than the words they write."""

from django import template
from django.contrib.humanize.templatetags.humanize import apnumber
from django.utils.safestring import mark_safe

from crossroads import formats
from crossroads.escaping import escape
from decisions.call import timing

register = template.Library()


@register.simple_tag
def call_by(promptness, new_offer) -> str:
    """``{% call_by promptness new_offer %}``: the day to call by, with its reason: two working
    days after the decision, or the new offer's answer deadline when that comes first (then
    accept it first). Nothing without a decision recorded (``promptness`` None)."""
    if not promptness:
        return ""
    day = promptness.call_by
    by = f"Call by <strong>{formats.long_date(day, year=False)}</strong>"
    if promptness.reason == timing.ANSWER_DEADLINE:
        when = "that day too" if day == promptness.prompt_by else "by then"
        return mark_safe(
            f"{by}: {escape(new_offer.company)} needs your answer {when}, so accept it first, "
            "then call."
        )
    return mark_safe(f"{by}, {apnumber(promptness.window)} working days after your decision.")


@register.simple_tag
def call_steps(steps) -> str:
    """``{% call_steps call.steps %}``: a call's steps (``decisions.call.steps``) as the items
    of a list, each with its state in words on a badge, then what to do."""
    return mark_safe(
        "".join(
            f'<li data-step="{step.name}" data-state="{step.state}"><span class="badge '
            f'{step.badge_class} step-state">{step.state_words}</span> <span class="step-text">'
            f"{escape(step.text)}</span></li>\n"
            for step in steps
        )
    )
