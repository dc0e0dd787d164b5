"""The call plan page, its printable script and its calendar file."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from decisions.call import script, timing
from decisions.call.calendar import call_calendar
from decisions.call.forms import CallLogForm, CallPlanForm, FollowUpForm, ReferralForm
from decisions.call.plans import (
    PLAN_QUERYSET,
    answers_for,
    call_day,
    get_leaving_decision_for_user,
    plan_or_draft,
    saved_plan,
    skipped_checks,
)
from decisions.call.readiness import is_ready, readiness_checks
from decisions.models import CallPlan, PreparedAnswer, get_decision_for_user
from offers.calendar import ics_response

SAVED_ELSEWHERE = (
    "This plan was first saved in another window at the same moment. Here is what was saved "
    "there; make your changes again if they are missing."
)


def plan_url(decision, anchor: str = "") -> str:
    return reverse("decisions:call", args=[decision.pk]) + (f"#{anchor}" if anchor else "")


def _leaving_cost(decision, plan) -> dict:
    """What leaving the committed offer costs on the day of the planned call (today if none)."""
    day, offer = call_day(plan), decision.committed_offer
    return {
        "call_day": day,
        "owed_on_call_day": offer.owed_if_leaving_on(day),
        "nothing_owed_because": offer.why_nothing_owed(day),
    }


def render_plan(request, decision, plan, **forms):
    """The plan page; ``forms`` holds any form refused just now, to show with its messages."""
    now = timezone.now()
    readiness = readiness_checks(decision.committed_offer, decision.chosen_offer)
    form = forms.get("form") or CallPlanForm(
        decision, instance=plan, answers=answers_for(plan), now=now
    )
    saved = plan.pk is not None
    gaps = script.call_gaps(readiness, plan.contact_id is not None, plan.scheduled_at is not None)
    skipped = skipped_checks(plan)
    channel = form.data.get("channel", plan.channel) if form.is_bound else plan.channel
    context = {
        "decision": decision,
        "committed": decision.committed_offer,
        "new_offer": decision.chosen_offer,
        "readiness": readiness,
        "ready": is_ready(readiness),
        "gaps": gaps,
        "ready_to_call": not gaps,
        "plan": plan,
        "saved": saved,
        "form": form,
        "failed_form": next((f for f in forms.values() if f.is_bound and f.errors), None),
        "referrals": list(plan.referrals.all()) if saved else [],
        "referral_form": forms.get("referral_form") or ReferralForm(),
        "follow_ups": list(plan.follow_ups.all()) if saved else [],
        "follow_up_form": forms.get("follow_up_form") or FollowUpForm(),
        "log_form": forms.get("log_form") or CallLogForm(instance=plan, now=now),
        "skipped": [
            skipped[check.name] for check in readiness if not check.done and check.name in skipped
        ],
        "promptness": timing.promptness(
            decision.decided_at,
            plan.scheduled_at,
            timezone.get_current_timezone(),
            now,
            answer_by=timing.answer_deadline(decision.chosen_offer),
        ),
        "offer_checks": [check for check in readiness if check.offer == decision.chosen_offer][:2],
        **_leaving_cost(decision, plan),
        "why_delay_hurts": script.WHY_DELAY_HURTS,
        "channel_advice": script.channel_advice(channel),
        "time_zone": timezone.get_current_timezone_name(),
        # After a failed referral or follow-up form the address is that form's POST-only one:
        # the checklist returns to the plan instead.
        "plan_url": plan_url(decision),
    }
    return render(request, "decisions/call/plan.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def call_plan(request, pk):
    """GET shows the plan (a draft until first saved; GET never writes); POST saves it."""
    decision = get_decision_for_user(request.user, pk, PLAN_QUERYSET)
    if not decision.backs_out():
        return render(request, "decisions/call/not_needed.html", {"decision": decision})
    plan = plan_or_draft(decision)
    # The form edits a copy, so a refused POST leaves the plan's status as it is stored.
    form = CallPlanForm(
        decision,
        request.POST if request.method == "POST" else None,
        instance=copy.copy(plan),
        answers=answers_for(plan),
        now=timezone.now(),
    )
    if not form.is_valid():
        return render_plan(request, decision, plan, form=form)
    try:
        form.save()
        messages.success(request, "Your call plan is saved.")
    except IntegrityError:
        messages.error(request, SAVED_ELSEWHERE)
    return redirect(plan_url(decision))


@login_required
@require_GET
def call_print(request, pk):
    decision = get_leaving_decision_for_user(request.user, pk)
    plan = plan_or_draft(decision)
    answers = answers_for(plan)
    readiness = readiness_checks(decision.committed_offer, decision.chosen_offer)
    skipped = skipped_checks(plan)
    context = {
        "decision": decision,
        "committed": decision.committed_offer,
        "plan": plan,
        "not_done": [(check, skipped.get(check.name)) for check in readiness if not check.done],
        "printed_on": timezone.localdate(),
        **_leaving_cost(decision, plan),
        "script": [
            (CallPlan._meta.get_field(name).verbose_name, getattr(plan, name))
            for name in script.SCRIPT_SECTIONS
        ],
        "answers": [(r.label, answers.get(r.value, "")) for r in PreparedAnswer.Reaction],
        "referrals": list(plan.referrals.all()) if plan.pk else [],
        "time_zone": timezone.get_current_timezone_name(),
    }
    return render(request, "decisions/call/print.html", context)


@login_required
@require_GET
def call_ics(request, pk):
    decision = get_leaving_decision_for_user(request.user, pk)
    plan = saved_plan(decision)
    if plan is None or plan.scheduled_at is None:
        messages.warning(request, "Set a time for the call and save the plan first.")
        return redirect(plan_url(decision, "when"))
    cal = call_calendar(
        plan,
        timezone.get_current_timezone(),
        timezone.now(),
        plan_link=request.build_absolute_uri(plan_url(decision)),
        print_link=request.build_absolute_uri(reverse("decisions:call_print", args=[pk])),
    )
    return ics_response(cal, f"call-plan-{pk}.ics")
