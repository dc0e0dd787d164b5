"""Step 5: pros and cons of each offer, now and later, added and removed in place without JS."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from decisions.models import (
    Decision,
    get_consideration_of_decision,
    get_decision_for_user,
    get_offer_of_decision,
)
from decisions.wizard.forms.pros_cons import ConsiderationForm
from decisions.wizard.page import (
    not_reached,
    pros_cons_columns,
    render_step,
    save_and_go_on,
    save_step,
    too_few_offers,
)
from decisions.wizard.steps import Step, step_url


def _decision(request, pk):
    return get_decision_for_user(
        request.user, pk, Decision.objects.prefetch_related("offers", "considerations")
    )


def _render(request, decision, failed=None):
    """The page, with an empty add form per offer, or the failed one with its errors."""
    context = {"columns": pros_cons_columns(decision, failed), "failed": failed}
    return render_step(
        request, decision, Step.PROS_CONS, "decisions/wizard/pros_cons.html", context
    )


@login_required
@require_http_methods(["GET", "POST"])
def pros_cons(request, pk):
    """The page; its "Save and continue" only records that the step is done."""
    decision = _decision(request, pk)
    if blocked := not_reached(decision, Step.PROS_CONS) or too_few_offers(request, decision):
        return blocked
    if request.method == "POST":
        return save_and_go_on(request, decision, Step.PROS_CONS, lambda: None)
    return _render(request, decision)


@login_required
@require_POST
def add_consideration(request, pk, offer_pk):
    decision = _decision(request, pk)
    if blocked := not_reached(decision, Step.PROS_CONS):
        return blocked
    offer = get_offer_of_decision(decision, offer_pk)
    form = ConsiderationForm(request.POST, offer=offer)
    if not form.is_valid():
        return _render(request, decision, failed=form)
    form.instance.decision, form.instance.offer = decision, offer
    if save_step(request, decision, form.save):
        messages.success(request, f"Added to {offer.company}: {form.instance.text}")
    anchor = f"consideration-{form.instance.pk}" if form.instance.pk else f"offer-{offer.pk}"
    return redirect(f"{step_url(decision, Step.PROS_CONS)}#{anchor}")


@login_required
@require_POST
def remove_consideration(request, pk, item_pk):
    decision = _decision(request, pk)
    if blocked := not_reached(decision, Step.PROS_CONS):
        return blocked
    item = get_consideration_of_decision(decision, item_pk)
    if save_step(request, decision, item.delete):
        messages.success(request, f"Removed: {item.text}")
    return redirect(f"{step_url(decision, Step.PROS_CONS)}#offer-{item.offer_id}")
