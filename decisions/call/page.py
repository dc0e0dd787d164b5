"""What the call plan's pages show: the plan (a summary of each part, read top to bottom), the
pages that edit one part of it, and the printable script. The views (decisions.call.views) share
these; they read what the view loaded (``Decision.objects.with_call_plan()``)."""

from django.urls import reverse
from django.utils import timezone

from crossroads.reversing import each_address
from decisions.call import letter, script, steps, timing
from decisions.call.gate import ReadinessForm
from decisions.call.plans import (
    answers_for,
    call_day,
    plan_or_draft,
    saved_answers_and_skips,
    skipped_at,
)
from decisions.call.readiness import CHECK_NAMES, PROMISES_IN_WRITING, is_ready, promises_check
from decisions.models import CallPlan, PreparedAnswer
from offers.terms.clashes import notice_clash
from offers.terms.countries import country_name
from offers.terms.models import terms_of
from offers.terms.page import free_day


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


def notice_facts(decision, plan) -> dict:
    """Notice given on the day of the call: the first day free of the committed offer, a clash
    with the new start date, and the committed offer's country notes."""
    committed, new_offer = decision.committed_offer, decision.chosen_offer
    given_on = letter.notice_day(plan, timezone.localdate())
    terms = terms_of(committed)
    return {
        "notice_given_on": given_on,
        "notice_free": free_day(committed, given_on),
        "notice_clash": notice_clash(committed, new_offer, given_on),
        "country_notes": terms.notes() if terms else [],
        "country_name": country_name(terms.country) if terms and terms.country else "",
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


def _answers(plan, saved=None) -> list[tuple[str, str]]:
    """The prepared answers: (the reaction, the answer), saved (``saved`` when read already) or
    drafted."""
    answers = answers_for(plan, saved)
    return [
        (reaction.label, answers.get(reaction.value, "")) for reaction in PreparedAnswer.Reaction
    ]


# The plan's names and follow-ups as plain rows, each with the addresses of its buttons: read
# and linked here once, so the template only writes them out.


class _Links(dict):
    """The addresses of the plan's pages and actions by view name (``{{ links.call_words }}``
    for ``decisions:call_words``), each reversed when the template first writes it: the
    ``{% url %}`` tag costs twice what it reverses."""

    def __init__(self, decision):
        super().__init__()
        self.args = [decision.pk]

    def __missing__(self, name: str) -> str:
        self[name] = address = reverse(f"decisions:{name}", args=self.args)
        return address


def _referrals(decision, plan) -> dict:
    """Each name to suggest: (pk, name, how to reach them, why they fit, removing it), and the
    names in a line."""
    if plan.pk is None:
        return {"referrals": [], "referral_names": ""}
    rows = plan.referrals.values_list("pk", "name", "how_to_reach", "why_they_fit")
    remove = each_address("decisions:remove_referral", decision.pk)
    referrals = [(str(pk), *rest, remove(pk)) for pk, *rest in rows]
    return {"referrals": referrals, "referral_names": ", ".join(row[1] for row in referrals)}


def _due(day) -> str:
    """A follow-up's day as the plan writes it: ``Tuesday 8 December 2026`` (as Django's
    ``date:"l j F Y"``, by an f-string: the same words, a fraction of the time)."""
    return f"{day:%A} {day.day} {day:%B %Y}" if day else ""


def _follow_ups(decision, plan) -> dict:
    """Each follow-up: (pk, text, due on, done, ticking it, removing it), and how many are open."""
    rows = plan.follow_ups.values_list("pk", "text", "due_on", "done") if plan.pk else ()
    toggle = each_address("decisions:toggle_follow_up", decision.pk)
    remove = each_address("decisions:remove_follow_up", decision.pk)
    follow_ups = [
        (str(pk), text, _due(due_on), done, toggle(pk), remove(pk))
        for pk, text, due_on, done in rows
    ]
    return {
        "follow_ups": follow_ups,
        "follow_ups_open": sum(1 for row in follow_ups if not row[3]),
    }


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


def plan_steps(decision, plan, promises=None, skipped=None) -> dict:
    """The steps in order with their state (``decisions.call.steps``) and what still keeps the
    user from calling; the plan page and the printed script show the same. ``promises``: the new
    offer's, and ``skipped`` (``plans.skipped_at``), when read already."""
    skipped = skipped_at(plan) if skipped is None else skipped
    ordered = steps.steps_of_plan(decision, plan, skipped, promises)
    gaps = steps.plan_gaps(ordered, plan)
    return {
        "steps": ordered,
        "gaps": gaps,
        "ready_to_call": not gaps,
        "steps_done": sum(1 for step in ordered if step.state == steps.DONE),
        # Whom to call and when, for the printed page that lists the steps beside them.
        "missing_besides_steps": steps.plan_gaps([], plan),
    }


def _promises(new_offer) -> list:
    """The new offer's promises (none for an offer not saved): read once, for its check and for
    the list under it (no query when prefetched)."""
    return list(new_offer.promises.all()) if new_offer.pk is not None else []


def readiness_page(committed, new_offer, form=None, promises=None) -> dict:
    """The readiness checklist (``_readiness.html``): its form, unbound unless refused, and what
    was promised, in writing (no tick: each promise is ticked on the offer's page)."""
    form = form or ReadinessForm.for_offers(committed, new_offer)
    promises = _promises(new_offer) if promises is None else promises
    in_writing = promises_check(new_offer, promises)
    checks = [*form.checks, in_writing]
    return {
        "readiness_form": form,
        "promises_check": in_writing,
        "promises": promises,
        "ready": is_ready(checks),
        "new_offer": new_offer,
        "checks_done": sum(1 for check in checks if check.done),
        "checks_total": len(checks),
    }


def readiness_saved(decision, new_offer) -> str:
    """What to say once the checklist is saved: ready to call only when every step before the
    call is settled and the plan says whom to call and when."""
    # The plan as its page shows it: a draft suggests whom to call.
    plan = plan_or_draft(decision) if decision.backs_out() else None
    done = plan is not None and plan.done_at is not None
    sent = getattr(decision, "notice_letter", None) is not None
    ordered = steps.call_steps(decision.committed_offer, new_offer, skipped_at(plan), done, sent)
    checks = [step for step in ordered if step.name in (*CHECK_NAMES, PROMISES_IN_WRITING)]
    return steps.saved_message(
        steps.plan_gaps(ordered, plan), all(s.state == steps.DONE for s in checks)
    )


def _step_rows(ordered) -> list[tuple]:
    """The plan's steps as ``_steps.html`` writes them: (name, state, the badge's colour and
    words, what to do, whether it is ticked in the checklist below, when it was skipped and the
    words of that choice), read here once rather than looked up on each step by the template."""
    return [
        (
            *(step.name, step.state, step.badge_class, step.state_words, step.text),
            step.is_open and step.name in CHECK_NAMES,
            *(step.skipped_at, step.check.skip if step.state == steps.SKIPPED else ""),
        )
        for step in ordered
    ]


def plan_page(decision, plan, now) -> dict:
    """The plan: where it stands, the steps and checks, then a summary of each part."""
    words, promises = _words(plan), _promises(decision.chosen_offer)
    answers, skipped = saved_answers_and_skips(plan)
    ordered = plan_steps(decision, plan, promises, skipped)
    ordered["step_rows"] = _step_rows(ordered["steps"])
    # The checklist ticks the steps' own checks, worked out once.
    checks = [step.check for step in ordered["steps"] if step.name in CHECK_NAMES]
    return {
        **_common(decision, plan),
        **ordered,
        **readiness_page(
            decision.committed_offer, decision.chosen_offer, ReadinessForm(checks), promises
        ),
        **notice_facts(decision, plan),
        "words": words,
        "words_said": sum(1 for _, text in words if text),
        "answers": _answers(plan, answers),
        **_referrals(decision, plan),
        **_follow_ups(decision, plan),
        "promptness": _promptness(decision, plan, now),
        "channel_advice": script.channel_advice(plan.channel),
        "why_delay_hurts": script.WHY_DELAY_HURTS,
        "plan_url": plan_url(decision),
        "links": _Links(decision),
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
    """The printable script: the plan, its prepared answers, and the steps in order."""
    answers, skipped = saved_answers_and_skips(plan)
    return {
        **_common(decision, plan),
        **plan_steps(decision, plan, _promises(decision.chosen_offer), skipped),
        "printed_on": today,
        "script": _words(plan),
        "answers": _answers(plan, answers),
        "referrals": _names(plan),
    }


def _names(plan) -> list[tuple[str, str, str]]:
    """The names to suggest, as the printed script lists them: (name, how to reach them, why
    they fit)."""
    if plan.pk is None:
        return []
    return list(plan.referrals.values_list("name", "how_to_reach", "why_they_fit"))
