"""Step 6: the result explained, the user's own choice recorded, and later how it turned out."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from decisions.call.plans import call_day, saved_plan
from decisions.call.readiness import is_ready, readiness_checks
from decisions.models import get_decision_for_user
from decisions.wizard.chart import score_chart
from decisions.wizard.forms.result import NOT_DECIDED, OutcomeForm, RecordForm
from decisions.wizard.result import explain
from decisions.wizard.scoring import MissingRatings, ScoringError
from decisions.wizard.steps import Step, step_url
from decisions.wizard.views.steps import (
    not_reached,
    ordered_offers,
    render_step,
    save_step,
    too_few_offers,
    with_offers_and_factors,
)
from offers.rates import money_terms


def _decision(request, pk):
    return get_decision_for_user(
        request.user,
        pk,
        with_offers_and_factors().select_related("call_plan").prefetch_related("considerations"),
    )


def _render(request, decision, record_form=None, outcome_form=None):
    offers = ordered_offers(decision)
    try:
        result = explain(
            decision,
            offers,
            list(decision.factors.all()),
            decision.considerations.all(),
            timezone.localdate(),
            money_terms(request.user),
            call_day(saved_plan(decision)),
        )
        problem = None
    except MissingRatings:
        messages.warning(
            request,
            "Some factors are not rated for every offer yet (a factor or an offer was added "
            "since). Rate them here, then the result is ready.",
        )
        return redirect(step_url(decision, Step.RATINGS))
    except ScoringError as error:
        result, problem = None, str(error)

    if record_form is None:
        chosen = decision.chosen_offer_id or (NOT_DECIDED if decision.decided_at else None)
        record_form = RecordForm(
            offers, initial={"choice": chosen and str(chosen), "reasoning": decision.reasoning}
        )
    context = {
        "result": result,
        "chart": result and score_chart(result.offers),
        "problem": problem,
        "record_form": record_form,
        "outcome_form": outcome_form or OutcomeForm(initial={"outcome": decision.outcome}),
        "priorities_url": step_url(decision, Step.PRIORITIES),
        "pros_cons_url": step_url(decision, Step.PROS_CONS),
        "situation_url": step_url(decision, Step.SITUATION),
        "compare_url": f"{reverse('offers:compare')}?decision={decision.pk}",
        "offer_names": {offer: offer.company for offer in offers},
    }
    if result and result.backing_out:
        checks = readiness_checks(result.committed, result.new_offer)
        context.update(new_offer=result.new_offer, readiness=checks, ready=is_ready(checks))
    return render_step(request, decision, Step.RESULT, "decisions/wizard/result.html", context)


@login_required
@require_GET
def result(request, pk):
    decision = _decision(request, pk)
    if blocked := not_reached(decision, Step.RESULT) or too_few_offers(request, decision):
        return blocked
    return _render(request, decision)


@login_required
@require_POST
def record(request, pk):
    """Record the user's choice (or "not decided yet") and their reasons."""
    decision = _decision(request, pk)
    if blocked := not_reached(decision, Step.RESULT):
        return blocked
    form = RecordForm(ordered_offers(decision), request.POST)
    if not form.is_valid():
        return _render(request, decision, record_form=form)
    decision.record_choice(
        form.cleaned_data["chosen_offer"], form.cleaned_data["reasoning"], timezone.now()
    )
    if save_step(request, decision, decision.save):
        if decision.chosen_offer is None:
            messages.success(request, "Saved as not decided yet. Come back when you are ready.")
        elif decision.backs_out():
            messages.success(
                request,
                f"Recorded: {decision.chosen_offer.company}. Before you tell "
                f"{decision.committed_offer.company}, go through the checks below.",
            )
        else:
            messages.success(request, f"Recorded: {decision.chosen_offer.company}.")
    return redirect(f"{step_url(decision, Step.RESULT)}#record")


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
