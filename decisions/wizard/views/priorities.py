"""Step 3: how much each factor matters; add, rename, remove and reorder factors, no JS needed.

Every button on the page submits the whole form, so a weight changed just before pressing
"Move up" or "Remove" is kept, not lost."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect

from decisions.models import get_decision_for_user
from decisions.wizard.factors import FactorFormSet
from decisions.wizard.steps import Step, next_step, step_url
from decisions.wizard.summary import of_factors
from decisions.wizard.views.steps import (
    not_reached,
    posted,
    render_step,
    save_step,
)


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _changed(formset, move: str) -> str:
    """The id of the factor an in-place action changed, for the page to come back to."""
    if move:
        return f"factor-{_as_int(move.partition(':')[0])}"
    added = [form.instance.pk for form in formset.extra_forms if form.instance.pk]
    return f"factor-{added[0]}" if added else "factors"


@login_required
def priorities(request, pk):
    decision = get_decision_for_user(request.user, pk)
    if blocked := not_reached(decision, Step.PRIORITIES):
        return blocked
    here = step_url(decision, Step.PRIORITIES)
    remove = _as_int(request.POST.get("remove"))
    move = request.POST.get("move", "")
    formset = FactorFormSet(
        posted(request),
        queryset=decision.factors.all(),
        decision=decision,
        remove=remove,
        prefix="factors",
    )
    if request.method == "POST" and formset.is_valid():
        stays = bool(remove or move or "add" in request.POST)
        reach = 0 if stays else next_step(decision, Step.PRIORITIES)

        def write():
            formset.save()
            if move:
                factor_pk, _, direction = move.partition(":")
                decision.move_factor(_as_int(factor_pk), direction)

        try:
            saved = save_step(request, decision, write, reach=reach)
        except IntegrityError:
            messages.error(
                request,
                "Two factors cannot swap names in one save. Nothing was saved: rename one, "
                "save, then rename the other.",
            )
            return redirect(here)
        if saved and stays:
            messages.success(request, "Saved.")
        if not saved or stays:
            return redirect(f"{here}#{_changed(formset, move) if saved else 'factors'}")
        return redirect(step_url(decision, reach))
    return render_step(
        request,
        decision,
        Step.PRIORITIES,
        "decisions/wizard/priorities.html",
        {
            "formset": formset,
            "factor_forms": [form for form in formset.forms if form.instance.pk],
            "new_form": next((form for form in formset.forms if not form.instance.pk), None),
            "error_summary": of_factors(formset),
        },
    )
