"""The call plan page: its address, what it shows, and drawing it again with a form that was
refused just now; and what its printable script shows. The plan's own views and the small
actions on it (decisions.call.views) share these; they read what the view loaded
(``Decision.objects.with_call_plan()``)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from decisions.call import script, timing
from decisions.call.forms import CallLogForm, CallPlanForm, FollowUpForm, ReferralForm
from decisions.call.plans import answers_for, call_day, skipped_checks
from decisions.call.readiness import is_ready, readiness_checks
from decisions.models import CallPlan, PreparedAnswer


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


def render_plan(request, decision, plan, **refused):
    """The plan page; ``refused`` holds any form refused just now, to show with its messages:
    ``form``, ``referral_form``, ``follow_up_form`` or ``log_form``."""
    context = plan_page(decision, plan, refused, timezone.now())
    return render(request, "decisions/call/plan.html", context)


def plan_page(decision, plan, refused: dict, now) -> dict:
    readiness = readiness_checks(decision.committed_offer, decision.chosen_offer)
    saved = plan.pk is not None
    gaps = script.call_gaps(readiness, plan.contact_id is not None, plan.scheduled_at is not None)
    skipped = skipped_checks(plan)
    return {
        "decision": decision,
        "committed": decision.committed_offer,
        "new_offer": decision.chosen_offer,
        "readiness": readiness,
        "ready": is_ready(readiness),
        "gaps": gaps,
        "ready_to_call": not gaps,
        "plan": plan,
        "saved": saved,
        **_forms(decision, plan, refused, now),
        "referrals": list(plan.referrals.all()) if saved else [],
        "follow_ups": list(plan.follow_ups.all()) if saved else [],
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
        "time_zone": timezone.get_current_timezone_name(),
        # After a failed referral or follow-up form the address is that form's POST-only one:
        # the checklist returns to the plan instead.
        "plan_url": plan_url(decision),
    }


def _forms(decision, plan, refused: dict, now) -> dict:
    """The page's forms: the refused one as it was posted, the others fresh; and the advice for
    the channel chosen, as posted when the plan's form was refused."""
    form = refused.get("form") or CallPlanForm(
        decision, instance=plan, answers=answers_for(plan), now=now
    )
    channel = form.data.get("channel", plan.channel) if form.is_bound else plan.channel
    return {
        "form": form,
        "failed_form": next((f for f in refused.values() if f.is_bound and f.errors), None),
        "referral_form": refused.get("referral_form") or ReferralForm(),
        "follow_up_form": refused.get("follow_up_form") or FollowUpForm(),
        "log_form": refused.get("log_form") or CallLogForm(instance=plan, now=now),
        "channel_advice": script.channel_advice(channel),
    }


def print_page(decision, plan, today) -> dict:
    """The printable script: the plan, its prepared answers, and the checks still open."""
    answers = answers_for(plan)
    readiness = readiness_checks(decision.committed_offer, decision.chosen_offer)
    skipped = skipped_checks(plan)
    return {
        "decision": decision,
        "committed": decision.committed_offer,
        "plan": plan,
        "not_done": [(check, skipped.get(check.name)) for check in readiness if not check.done],
        "printed_on": today,
        **_leaving_cost(decision, plan),
        "script": [
            (CallPlan._meta.get_field(name).verbose_name, getattr(plan, name))
            for name in script.SCRIPT_SECTIONS
        ],
        "answers": [(r.label, answers.get(r.value, "")) for r in PreparedAnswer.Reaction],
        "referrals": list(plan.referrals.all()) if plan.pk else [],
        "time_zone": timezone.get_current_timezone_name(),
    }
