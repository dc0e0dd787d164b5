"""The small actions on a call plan: referrals, follow-ups, logging the call, marking it done.
Each is POST-only (except the confirmation page of "done") and returns to the plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from decisions.call import script as callplan
from decisions.call.forms import CallLogForm, DoneForm, FollowUpForm, ReferralForm
from decisions.models import FollowUp, Referral
from decisions.call.views.plan import (
    backing_out_decision,
    ensure_plan,
    plan_or_draft,
    plan_url,
    render_plan,
    saved_plan,
)

# Referrals and follow-ups ------------------------------------------------------------------------


def _add_to_plan(request, pk, form_class, form_name, anchor, message):
    """Add one item (a referral, a follow-up) to the plan, saving the plan first if need be.
    A refused item shows the plan again with the form's messages under ``form_name``."""
    decision = backing_out_decision(request.user, pk)
    form = form_class(request.POST)
    if not form.is_valid():
        return render_plan(request, decision, plan_or_draft(decision), **{form_name: form})
    with transaction.atomic():
        form.instance.call_plan = ensure_plan(decision)
        form.save()
    messages.success(request, message(form.instance))
    return redirect(plan_url(decision, anchor))


@login_required
@require_POST
def add_referral(request, pk):
    return _add_to_plan(
        request,
        pk,
        ReferralForm,
        "referral_form",
        "referrals",
        lambda referral: f"{referral.name} is on your list of names to suggest.",
    )


@login_required
@require_POST
def delete_referral(request, pk, referral_pk):
    decision = backing_out_decision(request.user, pk)
    referral = get_object_or_404(Referral, pk=referral_pk, call_plan__decision=decision)
    referral.delete()
    messages.success(request, f"{referral.name} is no longer on your list.")
    return redirect(plan_url(decision, "referrals"))


@login_required
@require_POST
def add_follow_up(request, pk):
    return _add_to_plan(
        request, pk, FollowUpForm, "follow_up_form", "follow-ups", lambda _: "Follow-up added."
    )


def _follow_up(decision, follow_up_pk) -> FollowUp:
    return get_object_or_404(FollowUp, pk=follow_up_pk, call_plan__decision=decision)


@login_required
@require_POST
def toggle_follow_up(request, pk, follow_up_pk):
    decision = backing_out_decision(request.user, pk)
    follow_up = _follow_up(decision, follow_up_pk)
    follow_up.done = not follow_up.done
    follow_up.save(update_fields=["done"])
    return redirect(plan_url(decision, "follow-ups"))


@login_required
@require_POST
def delete_follow_up(request, pk, follow_up_pk):
    decision = backing_out_decision(request.user, pk)
    _follow_up(decision, follow_up_pk).delete()
    messages.success(request, "Follow-up removed.")
    return redirect(plan_url(decision, "follow-ups"))


# After the call ----------------------------------------------------------------------------------


@login_required
@require_POST
def log_call(request, pk):
    """Record when the call happened and how it went."""
    decision = backing_out_decision(request.user, pk)
    plan = plan_or_draft(decision)
    form = CallLogForm(request.POST, instance=plan, now=timezone.now())
    if not form.is_valid():
        return render_plan(request, decision, plan, log_form=form)
    with transaction.atomic():
        plan = ensure_plan(decision)
        plan.called_at = form.cleaned_data["called_at"]
        plan.how_it_went = form.cleaned_data["how_it_went"]
        plan.save(update_fields=["called_at", "how_it_went", "updated"])
    messages.success(request, "Saved how the call went.")
    return redirect(plan_url(decision, "after"))


def _status_changes(decision) -> dict:
    changes = {
        "back_out": callplan.back_out_change(decision.committed_offer),
        "accept": callplan.accept_change(decision.chosen_offer),
    }
    return {name: change for name, change in changes.items() if change is not None}


@login_required
def mark_done(request, pk):
    """A confirmation page: the call is done, and which offer statuses should follow."""
    decision = backing_out_decision(request.user, pk)
    form = DoneForm(_status_changes(decision), request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        today = timezone.localdate()
        with transaction.atomic():
            plan = ensure_plan(decision)
            plan.done_at = timezone.now()
            plan.save(update_fields=["done_at", "updated"])
            for change in form.confirmed():
                change.apply(today)
                change.offer.save(update_fields=["status", "accepted_on", "updated"])
        if form.confirmed():
            messages.success(request, "The call is done and your offers are up to date. Well done.")
        else:
            messages.success(request, "The call is done. Your offers’ statuses are unchanged.")
        return redirect(plan_url(decision, "after"))
    plan = saved_plan(decision)
    return render(
        request,
        "decisions/call/done.html",
        {"decision": decision, "plan": plan, "form": form, "committed": decision.committed_offer},
    )


@login_required
@require_POST
def reopen(request, pk):
    decision = backing_out_decision(request.user, pk)
    plan = saved_plan(decision)
    if plan is not None and plan.done_at is not None:
        plan.done_at = None
        plan.save(update_fields=["done_at", "updated"])
        messages.success(request, "The call plan is open again. Offer statuses were not changed.")
    return redirect(plan_url(decision, "after"))
