"""The call plan page, its printable script and its calendar file."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from decisions.call.calendar import call_calendar
from decisions.call.forms import CallPlanForm
from decisions.call.page import plan_page, plan_url, print_page, section_page
from decisions.call.plans import plan_or_draft, saved_plan, skipped_at
from decisions.models import (
    Decision,
    get_decision_for_user,
    get_leaving_decision_for_user,
)
from offers.calendar import ics_response

SAVED_ELSEWHERE = (
    "This plan was first saved in another window at the same moment. Here is what was saved "
    "there; make your changes again if they are missing."
)


@login_required
@require_GET
def call_plan(request, pk):
    """The plan, a summary of each part with a link to change it (a draft until first saved;
    showing it never writes)."""
    decision = get_decision_for_user(
        request.user, pk, Decision.objects.with_call_plan(promises=False)
    )
    if not decision.backs_out():
        return render(request, "decisions/call/not_needed.html", {"decision": decision})
    context = plan_page(decision, plan_or_draft(decision), timezone.now())
    return render(request, "decisions/call/plan.html", context)


# Each part of the plan: the page that edits it, and the plan's anchor it returns to.
SECTION_ANCHORS = {"when": "when", "words": "script", "answers": "answers"}


@login_required
@require_http_methods(["GET", "POST"])
def edit_section(request, pk, section):
    """One part of the plan on a page of its own (``section``: when, words or answers)."""
    decision = get_leaving_decision_for_user(request.user, pk)
    plan = plan_or_draft(decision)
    # The form edits a copy, so a refused POST leaves the plan as it is stored.
    form = CallPlanForm(
        decision,
        request.POST if request.method == "POST" else None,
        instance=copy.copy(plan),
        section=section,
        now=timezone.now(),
    )
    if not form.is_valid():
        context = section_page(decision, plan, form, SECTION_ANCHORS[section], timezone.now())
        return render(request, f"decisions/call/edit_{section}.html", context)
    try:
        form.save()
        messages.success(request, "Your call plan is saved.")
    except IntegrityError:
        messages.error(request, SAVED_ELSEWHERE)
    return redirect(plan_url(decision, SECTION_ANCHORS[section]))


@login_required
@require_GET
def call_print(request, pk):
    # The new offer's promises are read by the page, in a plain query.
    decision = get_leaving_decision_for_user(request.user, pk, promises=False)
    context = print_page(decision, plan_or_draft(decision), timezone.localdate())
    return render(request, "decisions/call/print.html", context)


@login_required
@require_GET
def call_ics(request, pk):
    decision = get_leaving_decision_for_user(request.user, pk)
    plan = saved_plan(decision)
    if plan is None or plan.scheduled_at is None:
        messages.warning(request, "Set a time for the call and save the plan first.")
        return redirect("decisions:call_when", pk)
    cal = call_calendar(
        plan,
        timezone.get_current_timezone(),
        timezone.now(),
        plan_link=request.build_absolute_uri(plan_url(decision)),
        print_link=request.build_absolute_uri(reverse("decisions:call_print", args=[pk])),
        skipped=skipped_at(plan),
        card_link=request.build_absolute_uri(reverse("decisions:call_card", args=[pk])),
    )
    return ics_response(cal, f"call-plan-{pk}.ics")
