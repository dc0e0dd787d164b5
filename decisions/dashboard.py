import datetime
import functools
import heapq
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Count, OuterRef, Q, Window
from django.utils import timezone

from crossroads import formats
from crossroads.reversing import each_address
from decisions.call import steps, timing
from decisions.call.readiness import READ_FIELDS
from decisions.models import CallPlan, Decision, FollowUp, SkippedCheck
from offers.models import Promise

LOOK_BACK_AFTER = datetime.timedelta(days=30)
DRAFTS_SHOWN = 5
# What the dashboard reads of the two offers of a decision, and of the committed one's terms.
_OFFERS = ("committed_offer", "chosen_offer")
_OFFER_FIELDS = ("respond_by", *READ_FIELDS)
_TERMS_FIELDS = ("country", "notice_in_writing")


def _decisions_listed(user) -> list[Decision]:
    """Every decision the dashboard lists, in one query, the latest changed first: drafts,
    recorded decisions due a look back, and those backing out of an offer whose call is not
    made yet (no plan, or one not done), with what their calls' steps read. The condition is
    kept short, cheaper to build (no outcome yet, or no call made): it also finds a few recent
    decisions that no list shows, and each list picks its own in Python."""
    listed, promises_found, skipped = _listed_reads()
    return list(
        Decision.objects.for_user(user)
        .filter(listed)
        .select_related(
            "committed_offer__leaving_terms", "chosen_offer", "call_plan__contact", "notice_letter"
        )
        # What the lists show and the readiness checks read: a few of the many columns of two
        # offers, a plan and its contact.
        .only(
            "title",
            "step_reached",
            "decided_at",
            "outcome",
            *(f"{offer}__{name}" for offer in _OFFERS for name in _OFFER_FIELDS),
            "call_plan__scheduled_at",
            "call_plan__done_at",
            "call_plan__contact__name",
            # Whether the plan ends with a letter (``steps.needs_letter``), and if it was sent.
            "committed_offer__location",
            *(f"committed_offer__leaving_terms__{name}" for name in _TERMS_FIELDS),
            "notice_letter__id",
        )
        .annotate(promises_found=promises_found, skipped=skipped)
        .order_by("-updated")
    )


@functools.cache
def _listed_reads() -> tuple:
    """The condition and the two subqueries of ``_decisions_listed``, the same for everyone:
    made once a process (Django copies an expression as it adds it to a query, so the one made
    here is never changed), rather than built again, lookup by lookup, on every request."""
    return (
        Q(outcome="") | Q(call_plan__done_at__isnull=True),
        # The new offers' promises, which one step counts (found in writing or not), in the same
        # query: whether each was found.
        ArraySubquery(
            Promise.objects.filter(offer=OuterRef("chosen_offer"))
            .order_by()
            .values("found_in_writing")
        ),
        # The steps the user chose to go ahead without, in the same query.
        ArraySubquery(
            SkippedCheck.objects.filter(call_plan=OuterRef("call_plan"))
            .order_by()
            .values("check_name")
        ),
    )


def _drafts_and_look_backs(decisions) -> dict:
    """Drafts to resume (the latest changed first), and recorded decisions due a look back (the
    oldest first), of ``_decisions_listed``."""
    due = timezone.now() - LOOK_BACK_AFTER
    drafts = [decision for decision in decisions if decision.decided_at is None]
    look_backs = sorted(
        (
            d
            for d in decisions
            if d.decided_at is not None and d.decided_at <= due and not d.outcome
        ),
        key=lambda decision: decision.decided_at,
    )
    return {"decision_drafts": drafts[:DRAFTS_SHOWN], "decisions_to_look_back": look_backs}


@dataclass(frozen=True)
class CallToMake:
    """A call as the dashboard lists it, its names, links and planned time worked out here
    rather than looked up, item by item, by the template."""

    decision: Decision
    plan: CallPlan | None
    promptness: timing.Promptness | None
    steps: list[steps.Step]
    ready: bool
    company: str  # the committed offer's, which the user calls
    new_company: str  # the chosen offer's
    contact_name: str  # whom to call, "" when no one is chosen yet
    planned: str  # when the call is planned (``formats.format_datetime``), "" when not set
    url: str  # the call plan
    card_url: str  # the call card


# The dashboard lists this many calls to make, the soonest first, each with its steps; the rest
# are counted, with a link to the decisions, so the page does not grow with them.
CALLS_SHOWN = 5


def _calls_to_make(user, decisions=None) -> dict:
    """Call plans not yet done, and decisions to back out of an offer with no plan yet: the
    soonest ``CALLS_SHOWN``, and how many more there are. ``decisions``: those listed
    (``_decisions_listed``), when read already."""
    if decisions is None:
        decisions = _decisions_listed(user)
    zone, now = timezone.get_current_timezone(), timezone.now()
    timed = []
    for decision in decisions:
        if not decision.backs_out():
            continue
        # A decision without a plan raises a subclass of AttributeError here.
        plan = getattr(decision, "call_plan", None)
        if plan is not None and plan.done_at is not None:
            continue  # the call is made
        if plan is None and not decision.committed_offer.is_committed():
            continue  # no plan, and the offer is no longer committed to
        promptness = timing.promptness(
            decision.decided_at,
            plan.scheduled_at if plan else None,
            zone,
            now,
            answer_by=timing.answer_deadline(decision.chosen_offer),
        )
        timed.append((_soonest_first(promptness, decision.pk), decision, plan, promptness))
    # Only the calls shown have their steps worked out.
    urls = each_address("decisions:call"), each_address("decisions:call_card")
    soonest = [
        _call_to_make(decision, plan, promptness, zone, urls)
        for _, decision, plan, promptness in heapq.nsmallest(
            CALLS_SHOWN, timed, key=lambda row: row[0]
        )
    ]
    return {"calls_to_make": soonest, "calls_to_make_more": len(timed) - len(soonest)}


def _soonest_first(promptness: timing.Promptness, pk: int) -> tuple:
    """The planned day or the day to call by, whichever comes first; then the older decision."""
    planned = promptness.planned_on
    return (min(planned, promptness.call_by) if planned else promptness.call_by, pk)


def _call_to_make(decision, plan, promptness, zone, urls) -> CallToMake:
    promises = [
        Promise(offer_id=decision.chosen_offer_id, found_in_writing=found)
        for found in decision.promises_found
    ]
    skipped = dict.fromkeys(decision.skipped)
    ordered = steps.steps_of_plan(decision, plan, skipped, promises)
    contact = plan.contact if plan is not None and plan.contact_id is not None else None
    scheduled = plan.scheduled_at if plan is not None else None
    return CallToMake(
        decision=decision,
        plan=plan,
        promptness=promptness,
        steps=ordered,
        ready=not steps.plan_gaps(ordered, plan),
        company=decision.committed_offer.company,
        new_company=decision.chosen_offer.company,
        contact_name=contact.name if contact else "",
        planned=formats.format_datetime(scheduled, zone) if scheduled else "",
        url=urls[0](decision.pk),
        card_url=urls[1](decision.pk),
    )


# The dashboard and the timeline list this many follow-ups, the soonest first; the rest are a
# link away (the timeline's ``?follow_ups=all``), so neither page grows with them.
FOLLOW_UPS_SHOWN = 5


class DueFollowUp(NamedTuple):
    """A follow-up as the lists show it: what, by when, and after the call to which company,
    its day in words and its plan's address written here rather than by the template."""

    text: str
    due_on: datetime.date
    day: str  # ``due_on`` in words: "Saturday 5 December 2026"
    overdue: bool
    company: str
    url: str  # the plan's follow-ups


@dataclass(frozen=True)
class FollowUpsDue:
    shown: list[DueFollowUp]
    total: int


def follow_ups_due(user, every=False) -> FollowUpsDue:
    """Follow-ups with a due date not ticked yet, soonest first, with their decision: the first
    ``FOLLOW_UPS_SHOWN`` (all of them if ``every``) and how many there are, in one query. The
    dashboard and the timeline list them until they are ticked."""
    today, plan_url = timezone.localdate(), each_address("decisions:call")
    due = (
        FollowUp.objects.filter(call_plan__decision__owner=user, done=False, due_on__isnull=False)
        .annotate(total=Window(Count("pk")))
        .order_by("due_on", "pk")
        .values_list(
            "text",
            "due_on",
            "call_plan__decision_id",
            "call_plan__decision__committed_offer__company",
            "total",
        )
    )
    rows = list(due if every else due[:FOLLOW_UPS_SHOWN])
    shown = [
        DueFollowUp(text, day, formats.long_date(day), day < today, company, plan_url(pk))
        for text, day, pk, company, _ in rows
    ]
    return FollowUpsDue(shown, rows[0][-1] if rows else 0)


def dashboard_context(user) -> dict:
    """The decisions' part of the dashboard."""
    decisions = _decisions_listed(user)
    return {
        **_drafts_and_look_backs(decisions),
        **_calls_to_make(user, decisions),
        "follow_ups_due": follow_ups_due(user),
    }
