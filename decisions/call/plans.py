"""A decision's call plan as it changes: drafted, saved, done, reopened, and the offers' statuses
that follow the call. Each change that writes several rows does so in one transaction."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.utils import timezone

from decisions.call import script
from decisions.models import CallPlan, PreparedAnswer, SkippedCheck
from offers import changes as offer_changes
from offers.models import Offer


def saved_plan(decision) -> CallPlan | None:
    try:
        plan = decision.call_plan
    except ObjectDoesNotExist:
        return None
    # Building a draft caches it on the decision too: only a stored plan counts.
    return plan if plan.pk is not None else None


def call_day(plan) -> datetime.date:
    """The day the call is planned for, in the user's time zone; today until a time is set.
    What leaving costs, and the stage of the commitment, are read for that day."""
    return day_of_call(plan.scheduled_at if plan is not None else None)


def day_of_call(scheduled_at: datetime.datetime | None) -> datetime.date:
    """``call_day`` of a plan's ``scheduled_at`` (None: no plan, or no time set), for a page that
    reads only that column of the plan."""
    if scheduled_at is not None:
        return timezone.localtime(scheduled_at).date()
    return timezone.localdate()


def draft_plan(decision, contacts) -> CallPlan:
    """An unsaved plan drafted from what the app knows; nothing is written."""
    contact = script.default_contact(contacts)
    agency_contact = None
    if decision.committed_offer.agency_name:
        agency_contact = script.default_agency_contact(contacts)
    return CallPlan(
        decision=decision,
        contact=contact,
        agency_contact=agency_contact,
        **script.draft_script(
            decision.committed_offer, contact, decision.chosen_offer, timezone.localdate()
        ),
    )


def plan_or_draft(decision) -> CallPlan:
    """The saved plan, or else a fresh unsaved draft."""
    return saved_plan(decision) or draft_plan(decision, decision.committed_offer.contacts.all())


def answers_for(plan, saved=None) -> dict[str, str]:
    """The prepared answers by reaction: the saved ones (``saved`` when read already), drafts
    for any missing."""
    drafted = script.draft_answers(plan.decision.committed_offer, call_day(plan))
    if plan.pk is None:
        return drafted
    if saved is None:
        # By reaction: read in no particular order.
        saved = dict(plan.answers.order_by().values_list("reaction", "answer"))
    return {**drafted, **saved}


def save_plan(decision) -> CallPlan:
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
                for reaction, text in script.draft_answers(
                    decision.committed_offer, timezone.localdate()
                ).items()
            )
    except IntegrityError:
        # Another tab created the plan a moment ago: use that one.
        plan = CallPlan.objects.get(decision=decision)
    decision.call_plan = plan
    return plan


def add_to_plan(decision, item) -> None:
    """Save ``item`` (a referral, a follow-up) on the decision's plan, saving the plan first."""
    with transaction.atomic():
        item.call_plan = save_plan(decision)
        item.save()


def log_call(decision, called_at: datetime.datetime, how_it_went: str) -> None:
    with transaction.atomic():
        plan = save_plan(decision)
        plan.called_at, plan.how_it_went = called_at, how_it_went
        plan.save(update_fields=["called_at", "how_it_went", "updated"])


def skipped_checks(plan) -> dict[str, SkippedCheck]:
    """The recorded choices to go ahead without a readiness check, by check name."""
    if plan is None or plan.pk is None:
        return {}
    return {skip.check_name: skip for skip in plan.skipped_checks.all()}


def _record_skips(plan, checks, now: datetime.datetime) -> None:
    SkippedCheck.objects.bulk_create(
        [
            SkippedCheck(
                call_plan=plan, check_name=check.name, acknowledgement=check.skip, skipped_at=now
            )
            for check in checks
        ],
        ignore_conflicts=True,
    )


def skip_accepting_first(decision, accepting, now: datetime.datetime) -> None:
    """The user chose, through the gate, to call before accepting the new offer (``accepting``,
    ``readiness.accept_first``): the choice is recorded on the plan, saved first if need be."""
    with transaction.atomic():
        plan = save_plan(decision)
        _record_skips(plan, [accepting], now)
        # The plan changed: its calendar event says so (its SEQUENCE follows ``updated``).
        plan.save(update_fields=["updated"])


def skipped_at(plan) -> dict:
    """When the user chose to go ahead without each step skipped, by the step's name."""
    if plan is None or plan.pk is None:
        return {}
    # By name: read in no particular order.
    return dict(plan.skipped_checks.order_by().values_list("check_name", "skipped_at"))


def saved_answers_and_skips(plan) -> tuple[dict[str, str], dict]:
    """The plan's saved answers by reaction (for ``answers_for``) and ``skipped_at(plan)``, in
    one query, for the page that shows both: the plan joined to both, a row for each pair of an
    answer and a skip (a plan has one answer at most a reaction and one skip at most a step, so
    a few dozen rows at most)."""
    if plan.pk is None:
        return {}, {}
    answers, skipped = {}, {}
    rows = CallPlan.objects.filter(pk=plan.pk).values_list(
        "answers__reaction",
        "answers__answer",
        "skipped_checks__check_name",
        "skipped_checks__skipped_at",
    )
    for reaction, answer, check_name, when in rows:
        if reaction is not None:
            answers[reaction] = answer
        if check_name is not None:
            skipped[check_name] = when
    return answers, skipped


def mark_done(
    decision,
    changes: list["StatusChange"],
    now: datetime.datetime,
    today,
    skipped=(),
    go_ahead=False,
) -> None:
    """The call is done; the choices to go ahead without open checks are recorded and the
    confirmed status changes of both offers go with it (each through ``offers.changes``, whose
    guard may refuse accepting without ``go_ahead``), or nothing."""
    with transaction.atomic():
        plan = save_plan(decision)
        _record_skips(plan, skipped, now)
        plan.done_at = now
        plan.save(update_fields=["done_at", "updated"])
        for change in changes:
            offer_changes.change_status(
                change.offer, change.status, go_ahead=go_ahead, today=today, now=now, fields=[]
            )


def accept_new_offer(
    decision, accepted_on: datetime.date, now: datetime.datetime, skipped=(), go_ahead=False
):
    """The step before the call: the new offer is accepted on ``accepted_on`` (through
    ``offers.changes.accept``, guard and consequences included); the choices to go ahead without
    open checks are recorded with it, or nothing."""
    with transaction.atomic():
        offer_changes.accept(
            decision.chosen_offer, on=accepted_on, go_ahead=go_ahead, now=now, fields=[]
        )
        # A plan drafted now says the new position is accepted.
        _record_skips(save_plan(decision), skipped, now)


def reopen(decision) -> bool:
    """Open a done plan again (the offers' statuses stay). False when it was not done."""
    plan = saved_plan(decision)
    if plan is None or plan.done_at is None:
        return False
    plan.done_at = None
    plan.save(update_fields=["done_at", "updated"])
    return True


# The offers' statuses after the call -------------------------------------------------------------


@dataclass(frozen=True)
class StatusChange:
    """A change of an offer's status proposed after the call; made only once confirmed, by
    ``offers.changes``."""

    offer: Offer
    status: str
    description: str


def back_out_change(committed: Offer) -> StatusChange | None:
    if committed.status == Offer.Status.BACKED_OUT:
        return None
    return StatusChange(
        committed,
        Offer.Status.BACKED_OUT,
        f"Set {committed.role} at {committed.company} to “Backed out” "
        f"(now “{committed.get_status_display()}”).",
    )


def accept_change(chosen: Offer) -> StatusChange | None:
    if chosen.is_committed():
        return None
    return StatusChange(
        chosen,
        Offer.Status.ACCEPTED,
        f"Mark {chosen.role} at {chosen.company} as “Accepted” "
        f"(now “{chosen.get_status_display()}”)"
        + (", accepted today." if chosen.accepted_on is None else "."),
    )


def status_changes(decision) -> dict[str, StatusChange]:
    """The changes to propose once the call is done, by name; those already true are left out."""
    changes = {
        "back_out": back_out_change(decision.committed_offer),
        "accept": accept_change(decision.chosen_offer),
    }
    return {name: change for name, change in changes.items() if change is not None}
