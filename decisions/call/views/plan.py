"""The apology call plan: the plan page, its printable script, its calendar event, and the
small actions on it (referrals, follow-ups, logging the call, marking it done)."""

import copy
import datetime

import icalendar
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from decisions.call import script as callplan
from decisions.call.forms import CallLogForm, CallPlanForm, FollowUpForm, ReferralForm
from decisions.models import CallPlan, Decision, PreparedAnswer
from decisions.call.readiness import is_ready, readiness_checks

CALL_MINUTES = 20
REMINDER_MINUTES = 30


# Lookups -----------------------------------------------------------------------------------------


def get_decision_for_user(user, pk) -> Decision:
    return get_object_or_404(
        Decision.objects.select_related(
            "committed_offer",
            "chosen_offer",
            "call_plan__contact",
            "call_plan__agency_contact",
        ),
        pk=pk,
        owner=user,
    )


def backing_out_decision(user, pk) -> Decision:
    """The user's decision, only when its recorded choice leaves the committed offer."""
    decision = get_decision_for_user(user, pk)
    if not decision.backs_out():
        raise Http404("This decision does not back out of an offer.")
    return decision


def saved_plan(decision) -> CallPlan | None:
    try:
        plan = decision.call_plan
    except ObjectDoesNotExist:
        return None
    # Building a draft caches it on the decision too: only a stored plan counts.
    return plan if plan.pk is not None else None


def draft_plan(decision, contacts) -> CallPlan:
    """An unsaved plan drafted from what the app knows; nothing is written."""
    contact = callplan.default_contact(contacts)
    agency_contact = None
    if decision.committed_offer.agency_name:
        agency_contact = callplan.default_agency_contact(contacts)
    return CallPlan(
        decision=decision,
        contact=contact,
        agency_contact=agency_contact,
        **callplan.draft_script(decision.committed_offer, contact),
    )


def plan_or_draft(decision) -> CallPlan:
    """The saved plan, or else a fresh unsaved draft."""
    return saved_plan(decision) or draft_plan(decision, decision.committed_offer.contacts.all())


def _answers(plan) -> dict[str, str]:
    """The prepared answers by reaction: the saved ones, drafts for any missing."""
    drafted = callplan.draft_answers(plan.decision.committed_offer)
    if plan.pk is None:
        return drafted
    return {**drafted, **{a.reaction: a.answer for a in plan.answers.all()}}


def ensure_plan(decision) -> CallPlan:
    """The saved plan, created from the draft (with its prepared answers) if there is none."""
    plan = saved_plan(decision)
    if plan is not None:
        return plan
    try:
        with transaction.atomic():
            plan = draft_plan(decision, list(decision.committed_offer.contacts.all()))
            plan.save()
            PreparedAnswer.objects.bulk_create(
                PreparedAnswer(call_plan=plan, reaction=reaction, answer=text)
                for reaction, text in callplan.draft_answers(decision.committed_offer).items()
            )
    except IntegrityError:
        # Another tab created the plan a moment ago: use that one.
        plan = CallPlan.objects.get(decision=decision)
    decision.call_plan = plan
    return plan


def plan_url(decision, anchor: str = "") -> str:
    return reverse("decisions:call", args=[decision.pk]) + (f"#{anchor}" if anchor else "")


# The plan page -----------------------------------------------------------------------------------


def _channel(form, plan) -> str:
    if form.is_bound:
        return form.data.get("channel", plan.channel)
    return plan.channel


def render_plan(request, decision, plan, **forms):
    now = timezone.now()
    committed, new_offer = decision.committed_offer, decision.chosen_offer
    readiness = readiness_checks(committed, new_offer)
    form = forms.get("form") or CallPlanForm(
        decision, instance=plan, answers=_answers(plan), now=now
    )
    saved = plan.pk is not None
    log_form = forms.get("log_form") or CallLogForm(instance=plan, now=now)
    failed = next((f for f in forms.values() if f.is_bound and f.errors), None)
    gaps = callplan.call_gaps(readiness, plan.contact_id is not None, plan.scheduled_at is not None)
    context = {
        "decision": decision,
        "committed": committed,
        "new_offer": new_offer,
        "readiness": readiness,
        "ready": is_ready(readiness),
        "gaps": gaps,
        "ready_to_call": not gaps,
        "plan": plan,
        "saved": saved,
        "form": form,
        "failed_form": failed,
        "referrals": list(plan.referrals.all()) if saved else [],
        "referral_form": forms.get("referral_form") or ReferralForm(),
        "follow_ups": list(plan.follow_ups.all()) if saved else [],
        "follow_up_form": forms.get("follow_up_form") or FollowUpForm(),
        "log_form": log_form,
        "promptness": callplan.promptness(
            decision.decided_at, plan.scheduled_at, timezone.get_current_timezone(), now
        ),
        "why_delay_hurts": callplan.WHY_DELAY_HURTS,
        "channel_advice": callplan.channel_advice(_channel(form, plan)),
        "time_zone": timezone.get_current_timezone_name(),
        # After a failed referral or follow-up form the address is that form's POST-only one:
        # the checklist returns to the plan instead.
        "plan_url": plan_url(decision),
    }
    return render(request, "decisions/call/plan.html", context)


@login_required
def call_plan(request, pk):
    """GET shows the plan (a draft until first saved; GET never writes); POST saves it."""
    decision = get_decision_for_user(request.user, pk)
    if not decision.backs_out():
        return render(request, "decisions/call/not_needed.html", {"decision": decision})
    plan = plan_or_draft(decision)
    data = request.POST if request.method == "POST" else None
    # The form edits a copy, so a refused POST leaves the plan's status as it is stored.
    form = CallPlanForm(
        decision, data, instance=copy.copy(plan), answers=_answers(plan), now=timezone.now()
    )
    if form.is_valid():
        try:
            form.save()
        except IntegrityError:
            messages.error(
                request,
                "This plan was first saved in another window at the same moment. Here is what "
                "was saved there; make your changes again if they are missing.",
            )
            return redirect(plan_url(decision))
        messages.success(request, "Your call plan is saved.")
        return redirect(plan_url(decision))
    return render_plan(request, decision, plan, form=form)


@login_required
@require_GET
def call_print(request, pk):
    decision = backing_out_decision(request.user, pk)
    plan = plan_or_draft(decision)
    answers = _answers(plan)
    context = {
        "decision": decision,
        "committed": decision.committed_offer,
        "plan": plan,
        "script": [
            (CallPlan._meta.get_field(name).verbose_name, getattr(plan, name))
            for name in callplan.SCRIPT_SECTIONS
        ],
        "answers": [(r.label, answers.get(r.value, "")) for r in PreparedAnswer.Reaction],
        "referrals": list(plan.referrals.all()) if plan.pk else [],
        "time_zone": timezone.get_current_timezone_name(),
    }
    return render(request, "decisions/call/print.html", context)


# The calendar event ------------------------------------------------------------------------------


def _event(uid, summary, start, contact, description, now, by_phone=True) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("duration", datetime.timedelta(minutes=CALL_MINUTES))
    if by_phone and contact and contact.phone:
        event.add("location", f"Phone: {contact.phone}")
    event.add("description", description)
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", datetime.timedelta(minutes=-REMINDER_MINUTES))
    event.add_component(alarm)
    return event


def _who(contact) -> str:
    if contact is None:
        return "(nobody chosen yet)"
    return f"{contact.name}, {contact.get_role_display()}, phone {contact.phone or 'not recorded'}"


@login_required
@require_GET
def call_ics(request, pk):
    decision = backing_out_decision(request.user, pk)
    plan = saved_plan(decision)
    if plan is None or plan.scheduled_at is None:
        messages.warning(request, "Set a time for the call and save the plan first.")
        return redirect(plan_url(decision, "when"))
    zone = timezone.get_current_timezone()
    now = timezone.now()
    offer = decision.committed_offer
    plan_link = request.build_absolute_uri(plan_url(decision))
    print_url = request.build_absolute_uri(reverse("decisions:call_print", args=[pk]))
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Crossroads//Call plan//EN")
    calendar.add("version", "2.0")
    summary = (
        f"Call {plan.contact.name} ({offer.company})" if plan.contact else f"Call {offer.company}"
    )
    calendar.add_component(
        _event(
            f"call-plan-{plan.pk}@crossroads",
            summary,
            plan.scheduled_at.astimezone(zone),
            plan.contact,
            f"Call {_who(plan.contact)}.\n"
            f"Tell them you will not continue as {offer.role} at {offer.company}: early, "
            "plainly, humbly and briefly. Offer names of people who could fill the role.\n"
            f"Your script: {print_url}\nYour plan: {plan_link}",
            now,
            by_phone=plan.channel == CallPlan.Channel.PHONE,
        )
    )
    if offer.agency_name and plan.agency_call_at:
        calendar.add_component(
            _event(
                f"call-plan-{plan.pk}-agency@crossroads",
                f"Call {offer.agency_name} about {offer.company}",
                plan.agency_call_at.astimezone(zone),
                plan.agency_contact,
                f"Call {_who(plan.agency_contact)}.\nTell the agency you will not continue as "
                f"{offer.role} at {offer.company}, and thank them.\nYour plan: {plan_link}",
                now,
            )
        )
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="call-plan-{pk}.ics"'
    return response
