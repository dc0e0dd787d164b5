"""Step 5: pros and cons of each offer, now and later, added and removed in place without JS."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from crossroads.once import address_with_token, save_once, submits_once, with_token
from decisions.models import Decision, get_consideration_of_decision, get_decision_for_user
from decisions.wizard.forms.pros_cons import ConsiderationForm
from decisions.wizard.page import (
    not_reached,
    pros_cons_page,
    render_step,
    save_and_go_on,
    save_step,
    too_few_offers,
)
from decisions.wizard.steps import Step, step_url


def _decision(request, pk):
    return get_decision_for_user(request.user, pk, Decision.objects.prefetch_related("offers"))


def _render(request, decision, add_form):
    context = pros_cons_page(decision, add_form)
    return render_step(
        request, decision, Step.PROS_CONS, "decisions/wizard/pros_cons.html", context
    )


@login_required
@require_http_methods(["GET", "POST"])
def pros_cons(request, pk):
    """The page; its "Save and continue" only records that the step is done. A link from an
    offer's column (``?offer=<pk>``) opens the add form with that offer chosen."""
    decision = _decision(request, pk)
    if blocked := not_reached(decision, Step.PROS_CONS) or too_few_offers(request, decision):
        return blocked
    if landing := with_token(request):  # the add form's token (``crossroads/once.py``)
        return landing
    if request.method == "POST":
        return save_and_go_on(request, decision, Step.PROS_CONS, lambda: None)
    chosen = request.GET.get("offer", "")
    initial = {"offer": chosen} if chosen.isdecimal() else {}
    return _render(request, decision, ConsiderationForm(decision=decision, initial=initial))


@login_required
@require_POST
@submits_once
def add_consideration(request, pk):
    decision = _decision(request, pk)
    if blocked := not_reached(decision, Step.PROS_CONS):
        return blocked
    form = ConsiderationForm(request.POST, decision=decision)
    if not form.is_valid():
        return _render(request, decision, form)
    offer, here = form.instance.offer, step_url(decision, Step.PROS_CONS)

    def add():
        return form.instance if save_step(request, decision, form.save) else None

    def landing(item):
        return f"{here}?offer={offer.pk}#consideration-{item.pk}"

    if save_once(request, add, landing, lambda item: f"{offer.company}: {item.text}"):
        messages.success(request, f"Added to {offer.company}: {form.instance.text}")
    # Back to the item added, with its offer chosen for the next one, and the form a new token.
    anchor = f"consideration-{form.instance.pk}" if form.instance.pk else f"offer-{offer.pk}"
    return redirect(address_with_token(here, {"offer": offer.pk}, anchor))


@login_required
@require_POST
def remove_consideration(request, pk):
    """Remove the pro or con whose button was pressed (``item``): the page's Remove buttons
    share one form."""
    decision = _decision(request, pk)
    if blocked := not_reached(decision, Step.PROS_CONS):
        return blocked
    try:
        item = get_consideration_of_decision(decision, int(request.POST.get("item", "")))
    except ValueError:
        raise Http404("No such pro or con.") from None
    if save_step(request, decision, item.delete):
        messages.success(request, f"Removed: {item.text}")
    return redirect(f"{step_url(decision, Step.PROS_CONS)}#offer-{item.offer_id}")
