"""The wizard's first steps: offers, situation and ratings."""

from functools import partial
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from crossroads.once import save_once, submits_once, with_token
from decisions.models import Decision, get_decision_for_user
from decisions.wizard.forms.offers import OffersForm
from decisions.wizard.forms.situation import SituationForm
from decisions.wizard.page import (
    not_reached,
    posted,
    ratings_page,
    render_step,
    save_and_go_on,
    save_step,
    too_few_offers,
)
from decisions.wizard.result import stage_of
from decisions.wizard.steps import (
    Step,
    next_step,
    progress,
    skips_situation,
    start_decision,
    step_url,
    with_offers,
)
from offers.rates import money_terms


def _first_step(decision) -> str:
    return step_url(decision, decision.step_reached)


def _add_offer_url(here: str) -> str:
    # The offers pages honour a safe `next`, so adding an offer comes back to this step.
    return reverse("offers:new") + "?" + urlencode({"next": here})


@login_required
@require_http_methods(["GET", "POST"])
@submits_once
def new(request):
    """Start a decision: its name and the offers to compare (step 1)."""
    if landing := with_token(request):
        return landing
    form = OffersForm(request.user, posted(request))
    if form.is_valid():
        data = form.cleaned_data
        args = (request.user, data["title"], data["offers"], data["reference"])
        decision = save_once(request, partial(start_decision, *args), _first_step, str)
        if skips_situation(decision):
            messages.info(request, _skipped_note())
        return redirect(_first_step(decision))
    return render(
        request,
        "decisions/wizard/offers.html",
        {
            "form": form,
            "step": Step.OFFERS,
            "step_count": len(Step),
            "progress": progress(None, Step.OFFERS),
            "add_offer_url": _add_offer_url(request.path),
        },
    )


def _skipped_note() -> str:
    return (
        "Step 2, your situation, is skipped: none of these offers is accepted, signed or "
        "started, so there is nothing to back out of."
    )


@login_required
@require_http_methods(["GET", "POST"])
def offers(request, pk):
    decision = get_decision_for_user(
        request.user, pk, Decision.objects.select_related("committed_offer")
    )
    form = OffersForm(request.user, posted(request), decision=decision)
    if form.is_valid():
        form.apply()
        if not save_step(request, decision, form.save, reach=next_step(decision, Step.OFFERS)):
            return redirect(step_url(decision, Step.OFFERS))
        if skips_situation(decision):
            messages.info(request, _skipped_note())
        return redirect(step_url(decision, next_step(decision, Step.OFFERS)))
    return render_step(
        request,
        decision,
        Step.OFFERS,
        "decisions/wizard/offers.html",
        {"form": form, "add_offer_url": _add_offer_url(request.path)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def situation(request, pk):
    decision = get_decision_for_user(
        request.user, pk, Decision.objects.select_related("committed_offer")
    )
    if blocked := not_reached(decision, Step.SITUATION):
        return blocked
    form = SituationForm(posted(request), instance=decision)
    if form.is_valid():
        return save_and_go_on(request, decision, Step.SITUATION, form.save)
    committed = decision.committed_offer
    return render_step(
        request,
        decision,
        Step.SITUATION,
        "decisions/wizard/situation.html",
        {"form": form, "stage": committed and stage_of(committed, timezone.localdate())},
    )


@login_required
@require_http_methods(["GET", "POST"])
def ratings(request, pk):
    decision = get_decision_for_user(request.user, pk, with_offers())
    if blocked := not_reached(decision, Step.RATINGS) or too_few_offers(request, decision):
        return blocked
    form, context = ratings_page(decision, money_terms(request.user), posted(request))
    if form.is_valid():
        return save_and_go_on(request, decision, Step.RATINGS, form.save)
    return render_step(request, decision, Step.RATINGS, "decisions/wizard/ratings.html", context)
