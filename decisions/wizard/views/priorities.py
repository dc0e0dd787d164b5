"""Step 3: how much each factor matters; add, rename, remove and reorder factors, no JS needed.

Every button on the page submits the whole form, so a weight changed just before pressing
"Move up" or "Remove" is kept, not lost."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from crossroads.once import claim, repeat, with_token
from decisions.models import get_decision_for_user
from decisions.wizard.factors import UNKNOWN_FACTOR, FactorFormSet
from decisions.wizard.page import not_reached, posted, priorities_page, render_step, save_step
from decisions.wizard.steps import Step, next_step, step_url

TWO_NAMES_SWAPPED = (
    "Two factors cannot swap names in one save. Nothing was saved: rename one, save, then "
    "rename the other."
)


def _save(request, decision, formset):
    """Save the factors; a move, a removal or an addition stays on the page, else go on."""
    here = step_url(decision, Step.PRIORITIES)
    reach = 0 if formset.stays else next_step(decision, Step.PRIORITIES)

    def write():
        formset.save()
        # A factor added claims the page's token with it (``crossroads/once.py``).
        if added := [form.instance for form in formset.extra_forms if form.instance.pk]:
            claim(request, f"{here}#factor-{added[0].pk}", ", ".join(map(str, added)))

    try:
        saved = save_step(request, decision, write, reach=reach)
    except IntegrityError:
        if landing := repeat(request):  # the same form, posted twice at once
            return landing
        messages.error(request, TWO_NAMES_SWAPPED)
        return redirect(here)
    if saved and formset.stays:
        messages.success(request, "Saved.")
    if not saved or formset.stays:
        return redirect(f"{here}#{_changed(formset) if saved else 'factors'}")
    return redirect(step_url(decision, reach))


def _changed(formset) -> str:
    """The id of the factor an in-place action changed, for the page to come back to."""
    if formset.move:
        return f"factor-{formset.move}"
    added = [form.instance.pk for form in formset.extra_forms if form.instance.pk]
    return f"factor-{added[0]}" if added else "factors"


@login_required
@require_http_methods(["GET", "POST"])
def priorities(request, pk):
    decision = get_decision_for_user(request.user, pk)
    # The page's token, for the factor its form may add (``crossroads/once.py``).
    if blocked := not_reached(decision, Step.PRIORITIES) or with_token(request) or repeat(request):
        return blocked
    formset = FactorFormSet(
        posted(request), queryset=decision.factors.all(), decision=decision, prefix="factors"
    )
    if formset.is_bound and formset.is_valid():
        return _save(request, decision, formset)
    if formset.is_bound and formset.names_unknown_factor:
        # Its rows cannot be shown again as posted: show the factors as they are now.
        messages.error(request, UNKNOWN_FACTOR)
        return redirect(f"{step_url(decision, Step.PRIORITIES)}#factors")
    template = "decisions/wizard/priorities.html"
    return render_step(request, decision, Step.PRIORITIES, template, priorities_page(formset))
