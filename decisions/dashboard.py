import datetime
import heapq
from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Count, OuterRef, Prefetch, Q, Window
from django.utils import timezone

from decisions.call import steps, timing
from decisions.call.readiness import READ_FIELDS
from decisions.models import CallPlan, Decision, FollowUp, SkippedCheck
from offers.models import Offer, Promise

LOOK_BACK_AFTER = datetime.timedelta(days=30)
DRAFTS_SHOWN = 5


def _drafts_and_look_backs(user) -> dict:
    """Drafts to resume, and recorded decisions due a look back."""
    decisions = Decision.objects.for_user(user)
    due = timezone.now() - LOOK_BACK_AFTER
    return {
        "decision_drafts": list(
            decisions.filter(decided_at__isnull=True)
            .only("title", "step_reached", "decided_at")
            .order_by("-updated")[:DRAFTS_SHOWN]
        ),
        "decisions_to_look_back": list(
            decisions.filter(decided_at__lte=due, outcome="")
            .select_related("chosen_offer")
            .only("title", "decided_at", "chosen_offer__company")
            .order_by("decided_at")
        ),
    }


@dataclass(frozen=True)
class CallToMake:
    decision: Decision
    plan: CallPlan | None
    promptness: timing.Promptness | None
    steps: list[steps.Step]
    ready: bool

    @property
    def sort_key(self):
        planned = self.promptness.planned_on
        return (
            min(planned, self.promptness.call_by) if planned else self.promptness.call_by,
            self.decision.pk,
        )


_OFFERS = ("committed_offer", "chosen_offer")
_OFFER_FIELDS = ("respond_by", *READ_FIELDS)
_TERMS_FIELDS = ("country", "notice_in_writing")


# The dashboard lists this many calls to make, the soonest first, each with its steps; the rest
# are counted, with a link to the decisions, so the page does not grow with them.
CALLS_SHOWN = 5


def _calls_to_make(user) -> dict:
    """Call plans not yet done, and decisions to back out of an offer with no plan yet: the
    soonest ``CALLS_SHOWN``, and how many more there are."""
    decisions = (
        Decision.objects.for_user(user)
        .backing_out()
        .filter(
            Q(call_plan__isnull=False, call_plan__done_at__isnull=True)
            | Q(call_plan__isnull=True, committed_offer__status__in=Offer.COMMITTED_STATUSES)
        )
        .select_related(
            "committed_offer__leaving_terms", "chosen_offer", "call_plan__contact", "notice_letter"
        )
        # What the list shows and the readiness checks read: a few of the many columns of two
        # offers, a plan and its contact.
        .only(
            "decided_at",
            *(f"{offer}__{name}" for offer in _OFFERS for name in _OFFER_FIELDS),
            "call_plan__scheduled_at",
            "call_plan__done_at",
            "call_plan__contact__name",
            # Whether the plan ends with a letter (``steps.needs_letter``), and if it was sent.
            "committed_offer__location",
            *(f"committed_offer__leaving_terms__{name}" for name in _TERMS_FIELDS),
            "notice_letter__id",
        )
        # The new offers' promises, which one step counts (found in writing or not), in one
        # more query of those two columns.
        .prefetch_related(
            Prefetch(
                "chosen_offer__promises",
                queryset=Promise.objects.only("offer_id", "found_in_writing"),
            )
        )
        # The steps the user chose to go ahead without, in the same query.
        .annotate(
            skipped=ArraySubquery(
                SkippedCheck.objects.filter(call_plan__decision=OuterRef("pk")).values("check_name")
            )
        )
    )
    zone, now = timezone.get_current_timezone(), timezone.now()
    calls = []
    for decision in decisions:
        # A decision without a plan raises a subclass of AttributeError here.
        plan = getattr(decision, "call_plan", None)
        ordered = steps.steps_of_plan(decision, plan, dict.fromkeys(decision.skipped))
        calls.append(
            CallToMake(
                decision=decision,
                plan=plan,
                promptness=timing.promptness(
                    decision.decided_at,
                    plan.scheduled_at if plan else None,
                    zone,
                    now,
                    answer_by=timing.answer_deadline(decision.chosen_offer),
                ),
                steps=ordered,
                ready=not steps.plan_gaps(ordered, plan),
            )
        )
    soonest = heapq.nsmallest(CALLS_SHOWN, calls, key=lambda call: call.sort_key)
    return {"calls_to_make": soonest, "calls_to_make_more": len(calls) - len(soonest)}


# The dashboard and the timeline list this many follow-ups, the soonest first; the rest are a
# link away (the timeline's ``?follow_ups=all``), so neither page grows with them.
FOLLOW_UPS_SHOWN = 5


@dataclass(frozen=True)
class FollowUpsDue:
    shown: list[FollowUp]
    total: int


def follow_ups_due(user, every=False) -> FollowUpsDue:
    """Follow-ups with a due date not ticked yet, soonest first, with their decision: the first
    ``FOLLOW_UPS_SHOWN`` (all of them if ``every``) and how many there are, in one query. The
    dashboard and the timeline list them until they are ticked."""
    due = (
        FollowUp.objects.filter(call_plan__decision__owner=user, done=False, due_on__isnull=False)
        .select_related("call_plan__decision__committed_offer")
        .only("text", "due_on", "call_plan__decision__committed_offer__company")
        .annotate(total=Window(Count("pk")))
        .order_by("due_on", "pk")
    )
    shown = list(due if every else due[:FOLLOW_UPS_SHOWN])
    return FollowUpsDue(shown, shown[0].total if shown else 0)


def dashboard_context(user) -> dict:
    """The decisions' part of the dashboard."""
    return {
        **_drafts_and_look_backs(user),
        **_calls_to_make(user),
        "follow_ups_due": follow_ups_due(user),
        "follow_ups_today": timezone.localdate(),
    }
