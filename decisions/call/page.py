"""What the call plan's pages show: the plan (a summary of each part, read top to bottom), the
pages that edit one part of it, and the printable script. The views (decisions.call.views) share
these; they read what the view loaded (``Decision.objects.with_call_plan()``)."""

from django.urls import reverse
from django.utils import timezone

from decisions.call import script, timing
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


def _promptness(decision, plan, now):
    return timing.promptness(
        decision.decided_at,
        plan.scheduled_at,
        timezone.get_current_timezone(),
        now,
        answer_by=timing.answer_deadline(decision.chosen_offer),
    )


def _words(plan) -> list[tuple[str, str]]:
    """The script, part by part: (the part's name, its text)."""
    return [
        (CallPlan._meta.get_field(name).verbose_name, getattr(plan, name))
        for name in script.SCRIPT_SECTIONS
    ]


def _answers(plan) -> list[tuple[str, str]]:
    """The prepared answers: (the reaction, the answer), saved or drafted."""
    answers = answers_for(plan)
    return [
        (reaction.label, answers.get(reaction.value, "")) for reaction in PreparedAnswer.Reaction
    ]


def _common(decision, plan) -> dict:
    return {
        "decision": decision,
        "committed": decision.committed_offer,
        "new_offer": decision.chosen_offer,
        "plan": plan,
        "saved": plan.pk is not None,
        "time_zone": timezone.get_current_timezone_name(),
        **_leaving_cost(decision, plan),
    }


def plan_page(decision, plan, now) -> dict:
    """The plan: where it stands, the steps and checks, then a summary of each part."""
    readiness = readiness_checks(decision.committed_offer, decision.chosen_offer)
    gaps = script.call_gaps(readiness, plan.contact_id is not None, plan.scheduled_at is not None)
    skipped = skipped_checks(plan)
    words = _words(plan)
    return {
        **_common(decision, plan),
        "readiness": readiness,
        "ready": is_ready(readiness),
        "gaps": gaps,
        "ready_to_call": not gaps,
        "words": words,
        "words_said": sum(1 for _, text in words if text),
        "answers": _answers(plan),
        "referrals": list(plan.referrals.all()) if plan.pk else [],
        "follow_ups": list(plan.follow_ups.all()) if plan.pk else [],
        "skipped": [
            skipped[check.name] for check in readiness if not check.done and check.name in skipped
        ],
        "promptness": _promptness(decision, plan, now),
        "offer_checks": [check for check in readiness if check.offer == decision.chosen_offer][:2],
        "channel_advice": script.channel_advice(plan.channel),
        "why_delay_hurts": script.WHY_DELAY_HURTS,
        "plan_url": plan_url(decision),
    }


def section_page(decision, plan, form, back_to: str, now) -> dict:
    """A page that edits one part of the plan (``form``), returning to the plan at ``back_to``;
    the advice for the channel chosen is for the one posted when the form was refused."""
    channel = form.data.get("channel", plan.channel) if form.is_bound else plan.channel
    return {
        **_common(decision, plan),
        "form": form,
        "back_to": back_to,
        "promptness": _promptness(decision, plan, now),
        "channel_advice": script.channel_advice(channel),
    }


def item_page(decision, plan, form, back_to: str) -> dict:
    """A page with the form that adds to the plan (a referral, a follow-up) or logs the call,
    returning to the plan at ``back_to``."""
    return {**_common(decision, plan), "form": form, "back_to": back_to}


def print_page(decision, plan, today) -> dict:
    """The printable script: the plan, its prepared answers, and the checks still open."""
    readiness = readiness_checks(decision.committed_offer, decision.chosen_offer)
    skipped = skipped_checks(plan)
    return {
        **_common(decision, plan),
        "not_done": [(check, skipped.get(check.name)) for check in readiness if not check.done],
        "printed_on": today,
        "script": _words(plan),
        "answers": _answers(plan),
        "referrals": list(plan.referrals.all()) if plan.pk else [],
    }
