"""The small actions on a call plan: referrals, follow-ups, logging the call, marking it done.
Adding and logging have a page of their own with their form; the others are POST-only (except the
confirmation pages); each returns to the plan, at what it changed."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from crossroads.once import save_once, submits_once, with_token
from decisions.call import plans, steps
from decisions.call.forms import CallLogForm, FollowUpForm, ReferralForm
from decisions.call.gate import AcceptForm, DoneForm, GateForm
from decisions.call.page import item_page, plan_url
from decisions.call.readiness import checks_before_the_call, to_acknowledge
from decisions.models import (
    FollowUp,
    Referral,
    get_leaving_decision_for_user,
    get_plan_item_of_decision,
)


def _add_to_plan(request, pk, form_class, section: str, anchor: str, message: str):
    """A page with the form that adds an item (a referral, a follow-up) to the plan; a refused
    item is shown there again with the form's messages (neither reads the new offer's promises)."""
    decision = get_leaving_decision_for_user(request.user, pk, promises=False)
    if landing := with_token(request):
        return landing
    form = form_class(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        context = item_page(decision, plans.plan_or_draft(decision), form, section)
        return render(request, f"decisions/call/add_{form.prefix}.html", context)
    item = form.instance

    def add():
        plans.add_to_plan(decision, item)
        return item

    def landing(item):
        return plan_url(decision, anchor.format(item=item))

    save_once(request, add, landing, str)
    messages.success(request, message.format(item=item))
    return redirect(landing(item))


@login_required
@require_http_methods(["GET", "POST"])
@submits_once
def add_referral(request, pk):
    message = "{item.name} is on your list of names to suggest."
    return _add_to_plan(request, pk, ReferralForm, "referrals", "referral-{item.pk}", message)


def _remove_from_plan(request, pk, model, item_pk, anchor: str, message: str):
    """Remove one item (a referral, a follow-up) of the user's plan; another's is a 404."""
    decision = get_leaving_decision_for_user(request.user, pk)
    item = get_plan_item_of_decision(model, decision, item_pk)
    item.delete()
    messages.success(request, message.format(item=item))
    return redirect(plan_url(decision, anchor))


@login_required
@require_POST
def remove_referral(request, pk, referral_pk):
    message = "{item.name} is no longer on your list."
    return _remove_from_plan(request, pk, Referral, referral_pk, "referrals", message)


@login_required
@require_http_methods(["GET", "POST"])
@submits_once
def add_follow_up(request, pk):
    return _add_to_plan(
        request, pk, FollowUpForm, "follow-ups", "follow-up-{item.pk}", "Follow-up added."
    )


@login_required
@require_POST
def toggle_follow_up(request, pk, follow_up_pk):
    decision = get_leaving_decision_for_user(request.user, pk)
    follow_up = get_plan_item_of_decision(FollowUp, decision, follow_up_pk)
    follow_up.toggle_done()
    return redirect(plan_url(decision, f"follow-up-{follow_up.pk}"))


@login_required
@require_POST
def remove_follow_up(request, pk, follow_up_pk):
    message = "Follow-up removed."
    return _remove_from_plan(request, pk, FollowUp, follow_up_pk, "follow-ups", message)


@login_required
@require_http_methods(["GET", "POST"])
def log_call(request, pk):
    """Record when the call happened and how it went, on a page of its own."""
    decision = get_leaving_decision_for_user(request.user, pk)
    plan = plans.plan_or_draft(decision)
    posted = request.POST if request.method == "POST" else None
    form = CallLogForm(posted, instance=copy.copy(plan), now=timezone.now())
    if not form.is_valid():
        return render(request, "decisions/call/log.html", item_page(decision, plan, form, "after"))
    plans.log_call(decision, form.cleaned_data["called_at"], form.cleaned_data["how_it_went"])
    messages.success(request, "Saved how the call went.")
    return redirect(plan_url(decision, "after"))


def _gate(decision):
    """The readiness checks, and those still needing a recorded choice to go ahead without."""
    checks = checks_before_the_call(decision.committed_offer, decision.chosen_offer)
    skipped = plans.skipped_checks(plans.saved_plan(decision))
    rows = [(check, skipped.get(check.name)) for check in checks]
    return rows, to_acknowledge(checks, set(skipped))


@login_required
@require_http_methods(["GET", "POST"])
def mark_done(request, pk):
    """A "check your answers" page: the readiness checks (each open one needs a ticked, recorded
    choice to go ahead without it), then the call is done and the offer statuses follow."""
    decision = get_leaving_decision_for_user(request.user, pk)
    gate_rows, open_checks = _gate(decision)
    posted = request.POST if request.method == "POST" else None
    changes = plans.status_changes(decision)
    form = DoneForm(changes, posted, to_acknowledge=open_checks)
    if "accept" in changes:
        form.guard_accepting(decision.chosen_offer, timezone.localdate())
    if form.is_valid():
        now, skipped, go_ahead = timezone.now(), form.acknowledged(), form.go_ahead()
        plans.mark_done(decision, form.confirmed(), now, timezone.localdate(), skipped, go_ahead)
        if form.confirmed():
            messages.success(request, "The call is done and your offers are up to date. Well done.")
        else:
            messages.success(request, "The call is done. Your offers’ statuses are unchanged.")
        return redirect(plan_url(decision, "after"))
    context = {"decision": decision, "plan": plans.saved_plan(decision), "form": form}
    context.update(committed=decision.committed_offer, gate_rows=gate_rows)
    return render(request, "decisions/call/done.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def accept_new_offer(request, pk):
    """The step before the call: accept the new offer, recorded with its date, behind the gate
    and the guard every acceptance has (``offers.changes``)."""
    decision = get_leaving_decision_for_user(request.user, pk)
    new_offer, today = decision.chosen_offer, timezone.localdate()
    if not new_offer.is_open():
        status = new_offer.get_status_display().lower()
        messages.info(request, f"{new_offer.company}’s offer is already {status}.")
        return redirect(plan_url(decision, "steps"))
    gate_rows, open_checks = _gate(decision)
    posted = request.POST if request.method == "POST" else None
    form = AcceptForm(new_offer, posted, today=today, to_acknowledge=open_checks)
    form.guard_accepting(new_offer, today)
    if form.is_valid():
        day, skipped = form.cleaned_data["accepted_on"], form.acknowledged()
        plans.accept_new_offer(decision, day, timezone.now(), skipped, go_ahead=form.go_ahead())
        then = f"Now call {decision.committed_offer.company}."
        messages.success(request, f"Recorded: you accepted {new_offer.company}’s offer. {then}")
        return redirect(plan_url(decision, "steps"))
    context = {"decision": decision, "form": form, "new_offer": new_offer, "gate_rows": gate_rows}
    context.update(committed=decision.committed_offer)
    return render(request, "decisions/call/accept.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def skip_accepting_first(request, pk):
    """Call before accepting the new offer: the gate (every step with its state) asks for a
    ticked choice, recorded on the plan."""
    decision = get_leaving_decision_for_user(request.user, pk)
    plan = plans.saved_plan(decision)
    ordered = steps.steps_of_plan(decision, plan, plans.skipped_at(plan))
    accepting = steps.accepting_to_skip(ordered, decision.chosen_offer)
    if accepting is None:
        return redirect(plan_url(decision, "steps"))
    posted = request.POST if request.method == "POST" else None
    form = GateForm(posted, to_acknowledge=[accepting])
    if form.is_valid():
        plans.skip_accepting_first(decision, accepting, timezone.now())
        new = decision.chosen_offer.company
        messages.success(request, f"Recorded: you chose to call before accepting {new}’s offer.")
        return redirect(plan_url(decision, "steps"))
    context = {"decision": decision, "form": form, "gate_rows": steps.gate_rows(ordered)}
    context.update(committed=decision.committed_offer, new_offer=decision.chosen_offer)
    return render(request, "decisions/call/skip_accepting.html", context)


@login_required
@require_POST
def reopen(request, pk):
    decision = get_leaving_decision_for_user(request.user, pk)
    if plans.reopen(decision):
        messages.success(request, "The call plan is open again. Offer statuses were not changed.")
    return redirect(plan_url(decision, "after"))
