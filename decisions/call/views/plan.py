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
from decisions.call.page import plan_url, print_page, render_plan
from decisions.call.plans import answers_for, plan_or_draft, saved_plan
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
@require_http_methods(["GET", "POST"])
def call_plan(request, pk):
    """GET shows the plan (a draft until first saved; GET never writes); POST saves it."""
    decision = get_decision_for_user(request.user, pk, Decision.objects.with_call_plan())
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
    context = print_page(decision, plan_or_draft(decision), timezone.localdate())
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
