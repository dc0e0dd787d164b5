"""The calls to make as the dashboard lists them: whom to call, by when, whether it is ready and
its steps. Tags rather than includes and loops of lookups: the dashboard lists five calls of
seven steps or so, and an include a call, or a loop of lookups a step, cost more than the words
they write (``decisions.dashboard.CallToMake`` has them worked out)."""

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


@register.simple_tag
def calls_to_make(calls) -> str:
    """``{% calls_to_make calls_to_make %}``: each call (``CallToMake``) an item: whom to call
    and its card, by when and when it is planned, whether it is late or ready, and its steps."""
    return mark_safe("".join(_call(call) for call in calls))


def _call(call) -> str:
    company = escape(call.company)
    whom = f"{escape(call.contact_name)} at {company}" if call.contact_name else company
    if call.planned:
        planned = f"Planned for {escape(call.planned)}."
    else:
        planned = "No time set yet." if call.plan else "No plan yet."
    return (
        '<li class="list-group-item">\n'
        '<div class="d-flex flex-wrap gap-2 align-items-center justify-content-between">\n'
        f'<a class="fw-semibold" href="{call.url}">Call {whom}</a>\n'
        f'<a class="btn btn-primary btn-sm" href="{call.card_url}">Call card<span '
        f'class="visually-hidden"> for {company}</span></a>\n</div>\n'
        f'<div class="small">\n{call_by(call.promptness, call.decision.chosen_offer)}\n'
        f"{planned}\n</div>\n"
        f'<div class="d-flex flex-wrap gap-1 mt-1">\n{_late(call)}{_ready(call)}\n</div>\n'
        '<ol class="call-step-list-compact small mb-0 mt-1" data-steps aria-label="Steps for '
        f'the call to {company}">\n{call_steps(call.steps)}</ol>\n</li>\n'
    )


def _late(call) -> str:
    promptness = call.promptness
    if not (promptness and promptness.late):
        return ""
    if promptness.reason == timing.ANSWER_DEADLINE:
        why = f"after {escape(call.new_company)}’s answer deadline"
    else:
        why = f"more than {apnumber(promptness.window)} working days after your decision"
    return f'<span class="badge text-bg-warning">Late: {why}</span>\n'


def _ready(call) -> str:
    if call.ready:
        return '<span class="badge text-bg-success">Ready to call</span>'
    return '<span class="badge text-bg-secondary">Not ready to call yet</span>'
