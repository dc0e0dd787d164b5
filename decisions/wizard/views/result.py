"""Step 6: the result explained, the user's own choice recorded, and later how it turned out."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from decisions.models import get_decision_for_user
from decisions.wizard.forms.result import OutcomeForm
from decisions.wizard.page import (
    choice_form,
    not_reached,
    posted,
    render_step,
    result_page,
    save_step,
    too_few_offers,
)
from decisions.wizard.result import OFFER_FIELDS
from decisions.wizard.scoring import MissingRatings
from decisions.wizard.steps import (
    Step,
    offers_in_place,
    ordered_offers,
    step_url,
    with_offers,
)
from offers.rates import money_terms

RATE_WHAT_IS_MISSING = (
    "Some factors are not rated for every offer yet (a factor or an offer was added since). "
    "Rate them here, then the result is ready."
)


def _decision(request, pk):
    # Its offers with what the page reads of them, and when the call is planned (not the plan).
    loaded = with_offers("leaving_terms", only=OFFER_FIELDS).annotate(
        planned_call_at=F("call_plan__scheduled_at")
    )
    decision = get_decision_for_user(request.user, pk, loaded)
    offers_in_place(decision)
    return decision


def _money_terms(user, decision):
    """The user's home currency and rates (two queries) when the offers compared are in several
    currencies; None when they share one: that money is compared in it, converting nothing."""
    if len({offer.currency for offer in decision.offers.all()}) > 1:
        return money_terms(user)
    return None


def _render(request, decision, record_form=None, outcome_form=None):
    terms, today = _money_terms(request.user, decision), timezone.localdate()
    try:
        context = result_page(decision, terms, today, record_form, outcome_form)
    except MissingRatings:
        messages.warning(request, RATE_WHAT_IS_MISSING)
        return redirect(step_url(decision, Step.RATINGS))
    return render_step(request, decision, Step.RESULT, "decisions/wizard/result.html", context)


@login_required
@require_GET
def result(request, pk):
    decision = _decision(request, pk)
    if blocked := not_reached(decision, Step.RESULT) or too_few_offers(request, decision):
        return blocked
    return _render(request, decision)


@login_required
@require_http_methods(["GET", "POST"])
def record(request, pk):
    """Record the user's choice (or "not decided yet") and their reasons: first on the result
    page, then, to change it, on a page of its own."""
    decision = _decision(request, pk)
    if blocked := not_reached(decision, Step.RESULT):
        return blocked
    form = choice_form(decision, ordered_offers(decision), posted(request))
    if not form.is_valid():
        if form.is_bound and decision.is_draft():
            return _render(request, decision, record_form=form)
        context = {"record_form": form, "result_url": step_url(decision, Step.RESULT)}
        return render_step(request, decision, Step.RESULT, "decisions/wizard/record.html", context)
    decision.record_choice(
        form.cleaned_data["chosen_offer"], form.cleaned_data["reasoning"], timezone.now()
    )
    if save_step(request, decision, decision.save):
        messages.success(request, _recorded(decision))
    return redirect(f"{step_url(decision, Step.RESULT)}#record")


def _recorded(decision) -> str:
    if decision.chosen_offer is None:
        return "Saved as not decided yet. Come back when you are ready."
    if decision.backs_out():
        return (
            f"Recorded: {decision.chosen_offer.company}. Before you tell "
            f"{decision.committed_offer.company}, go through the checks below."
        )
    return f"Recorded: {decision.chosen_offer.company}."


@login_required
@require_POST
def outcome(request, pk):
    """The decision journal: how a recorded decision turned out."""
    decision = _decision(request, pk)
    if blocked := not_reached(decision, Step.RESULT):
        return blocked
    if decision.is_draft():
        messages.error(request, "Record your decision first; then you can say how it turned out.")
        return redirect(f"{step_url(decision, Step.RESULT)}#record")
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        return _render(request, decision, outcome_form=form)
    decision.record_outcome(form.cleaned_data["outcome"], timezone.now())
    if save_step(request, decision, decision.save):
        messages.success(request, "Saved in your decision journal.")
    return redirect(f"{step_url(decision, Step.RESULT)}#outcome")
