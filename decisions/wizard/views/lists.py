"""The list of decisions, starting one from an offer's page, and deleting one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from crossroads.confirm import delete_when_confirmed
from decisions.models import Decision, get_decision_for_user
from decisions.wizard.steps import Step, start_decision, step_url
from offers.models import get_offer_for_user


@login_required
@require_GET
def decision_list(request):
    """Drafts first, to be continued; then recorded decisions with the choice made."""
    decisions = list(
        Decision.objects.for_user(request.user)
        .select_related("chosen_offer")
        .prefetch_related("offers")
    )
    drafts = [d for d in decisions if d.is_draft()]
    recorded = sorted(
        (d for d in decisions if not d.is_draft()), key=lambda d: d.decided_at, reverse=True
    )
    return render(request, "decisions/wizard/list.html", {"drafts": drafts, "recorded": recorded})


@login_required
@require_POST
def reconsider(request, offer_pk):
    """Start a decision with this accepted, signed or started offer as the reference."""
    offer = get_offer_for_user(request.user, offer_pk)
    if not offer.is_committed():
        messages.info(
            request,
            f"{offer.company}'s offer is not accepted, signed or started, so there is nothing "
            "to reconsider yet. Pick the offers to compare here.",
        )
        return redirect("decisions:new")
    decision = start_decision(
        request.user,
        f"Stay at {offer.company}, or switch?",
        [offer],
        offer,
        step_reached=Step.OFFERS,
    )
    messages.info(
        request,
        f"{offer.company} is the reference. Pick the offers to compare it with.",
    )
    return redirect(step_url(decision, Step.OFFERS))


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    """Ask first; delete on POST. The offers themselves are kept."""
    decision = get_decision_for_user(request.user, pk)
    done = f"Deleted the decision {decision.title}. Your offers are kept."
    template = "decisions/wizard/delete.html"
    return delete_when_confirmed(request, decision, template, done, "decisions:list")
