"""The wizard's first steps (offers, situation, ratings) and what every step shares."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from decisions.models import Decision, Factor, get_decision_for_user
from decisions.wizard.forms.offers import OffersForm
from decisions.wizard.forms.ratings import RatingsForm
from decisions.wizard.forms.situation import SituationForm
from decisions.wizard.result import stage_of
from decisions.wizard.scoring import compensation_suggestion, money_over_horizon
from decisions.wizard.steps import (
    StaleVersion,
    Step,
    claim_version,
    next_step,
    parse_version,
    previous_step,
    progress,
    skips_situation,
    start_decision,
    step_url,
)
from offers.rates import money_terms

CONFLICT = (
    "This decision was changed in another tab or window after you opened this page, so "
    "nothing was saved. This is what is saved now: make your change again if you still want it."
)


def posted(request):
    """The submitted data on POST, else None. Unlike ``request.POST or None``, an empty
    submission is still a submission, and gets its error messages."""
    return request.POST if request.method == "POST" else None


def with_offers_and_factors():
    """A decision with everything the later steps read, loaded in a fixed number of queries."""
    return Decision.objects.select_related("committed_offer", "chosen_offer").prefetch_related(
        "offers", Prefetch("factors", queryset=Factor.objects.prefetch_related("ratings"))
    )


def ordered_offers(decision) -> list:
    """The committed offer first (the reference), then the others by company."""
    return sorted(
        decision.offers.all(),
        key=lambda o: (o.pk != decision.committed_offer_id, o.company.lower(), o.pk),
    )


def not_reached(decision, step):
    """A step beyond the one reached sends the user to the first unfinished step."""
    if step <= decision.step_reached:
        return None
    return redirect(step_url(decision, decision.step_reached))


def too_few_offers(request, decision):
    """Offers deleted since step 1 can leave fewer than two: then step 1 comes first again.
    Reads the prefetched offers."""
    if len(decision.offers.all()) >= 2:
        return None
    messages.warning(
        request,
        "This decision compares fewer than two offers now (one may have been deleted). "
        "Pick at least two to compare.",
    )
    return redirect(step_url(decision, Step.OFFERS))


def save_step(request, decision, write, reach=0) -> bool:
    """Claim the decision's version and write, all or nothing. False when a newer save from
    another tab won: then nothing is written and the user is told."""
    try:
        with transaction.atomic():
            claim_version(decision, parse_version(request.POST), reach)
            write()
    except StaleVersion:
        messages.warning(request, CONFLICT)
        return False
    return True


def render_step(request, decision, step, template, context, status=200):
    back = previous_step(decision, step)
    return render(
        request,
        template,
        {
            "decision": decision,
            "step": step,
            "step_count": len(Step),
            "progress": progress(decision, step),
            "back_url": step_url(decision, back) if back else None,
            **context,
        },
        status=status,
    )


def _add_offer_url(here: str) -> str:
    # The offers pages honour a safe `next`, so adding an offer comes back to this step.
    return reverse("offers:new") + "?" + urlencode({"next": here})


@login_required
@require_http_methods(["GET", "POST"])
def new(request):
    """Start a decision: its name and the offers to compare (step 1)."""
    form = OffersForm(request.user, posted(request))
    if form.is_valid():
        data = form.cleaned_data
        decision = start_decision(request.user, data["title"], data["offers"], data["reference"])
        if skips_situation(decision):
            messages.info(request, _skipped_note())
        return redirect(step_url(decision, decision.step_reached))
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
        reach = next_step(decision, Step.SITUATION)
        if not save_step(request, decision, form.save, reach=reach):
            return redirect(step_url(decision, Step.SITUATION))
        return redirect(step_url(decision, reach))
    committed = decision.committed_offer
    return render_step(
        request,
        decision,
        Step.SITUATION,
        "decisions/wizard/situation.html",
        {"form": form, "stage": committed and stage_of(committed, timezone.localdate())},
    )


def _money_and_suggestion(user, decision, offers):
    """The offers' money over the horizon, and the compensation ratings it suggests, in the
    user's home currency with their exchange rates."""
    packages = {offer.pk: offer.package() for offer in offers}
    terms = money_terms(user)
    years = decision.horizon_years
    money = money_over_horizon(packages, years, home=terms.home, rates=terms.rates)
    return money, compensation_suggestion(packages, years, home=terms.home, rates=terms.rates)


@login_required
@require_http_methods(["GET", "POST"])
def ratings(request, pk):
    decision = get_decision_for_user(request.user, pk, with_offers_and_factors())
    if blocked := not_reached(decision, Step.RATINGS) or too_few_offers(request, decision):
        return blocked
    offers = ordered_offers(decision)
    factors = list(decision.factors.all())
    saved = {(r.factor_id, r.offer_id): r.score for f in factors for r in f.ratings.all()}
    money, suggested = _money_and_suggestion(request.user, decision, offers)
    form = RatingsForm(factors, offers, saved, suggested, posted(request))
    if form.is_valid():
        reach = next_step(decision, Step.RATINGS)
        if not save_step(request, decision, form.save, reach=reach):
            return redirect(step_url(decision, Step.RATINGS))
        return redirect(step_url(decision, reach))
    return render_step(
        request,
        decision,
        Step.RATINGS,
        "decisions/wizard/ratings.html",
        {
            "form": form,
            "offers": offers,
            "money": money,
            "left_out": [offer for offer in offers if offer.pk in money.left_out],
            # Each offer with its money, in the grid's column order (packages follow `offers`).
            "money_by_offer": list(zip(offers, money.rows, strict=True)),
            "suggested": form.shows_suggestion(),
        },
    )
