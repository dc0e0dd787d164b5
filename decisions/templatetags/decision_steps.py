from django import template

from decisions.wizard import steps

register = template.Library()


@register.filter
def resume_url(decision) -> str:
    """Where the user picks a decision up: ``{{ decision|resume_url }}``."""
    return steps.resume_url(decision)


@register.filter
def step_reached_label(decision) -> str:
    """``Step 3 of 6: Priorities`` for the step a decision has reached."""
    step = steps.Step(decision.step_reached)
    if step == steps.LAST and decision.is_draft():
        return "Result ready: your choice is not recorded yet"
    return f"Step {step.value} of {len(steps.Step)}: {step.label}"
