"""Which reminder e-mails are due at a given moment, in each user's own calendar.

Every rule finds its candidates in one query over all users (a date window wide enough for every
time zone on Earth), then keeps those due in the owner's zone. A reminder for a day goes out on
the first run from 07:00 that day, local time; a call's reminder earlier when the call is early.
The same functions, given ``ids``, check again just before sending that nothing was closed or
deleted meanwhile.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse

from decisions.call import timing
from decisions.dashboard import LOOK_BACK_AFTER
from decisions.models import Decision, FollowUp
from offers.models import Offer
from reminders.models import SentReminder

Kind = SentReminder.Kind
DAY = datetime.timedelta(days=1)
SEND_FROM = datetime.time(7, 0)
# A call's e-mail comes at least this long before the call, even before 07:00.
CALL_NOTICE = datetime.timedelta(hours=2)
# Days after its first day that a reminder of something already overdue may still go out, in
# case the job did not run (a late offer, a look back). Reminders of "tomorrow" or "today" have
# none: a day late, their words would be wrong.
OFFER_LATE_GRACE = 2
LOOK_BACK_GRACE = 6
# Kind of reminder -> the switch on ReminderSettings that turns it on or off.
SWITCH = {
    Kind.ANSWER_DUE: "answer_due",
    Kind.OFFER_LATE: "offer_late",
    Kind.CALL_DUE: "call_due",
    Kind.CALL_LATE: "call_due",
    Kind.FOLLOW_UP_DUE: "follow_up_due",
    Kind.LOOK_BACK: "look_back",
}


@dataclass(frozen=True)
class Reminder:
    kind: str
    object_id: int
    due_on: datetime.date  # the day of the thing reminded of: a changed date is a new reminder
    user: object
    subject: str
    path: str  # the page it links to
    context: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> tuple:
        return (self.kind, self.object_id, self.due_on)


def is_due(now, zone, day, grace_days=0, send_from=SEND_FROM) -> bool:
    """Whether a reminder for ``day`` goes out at ``now`` for someone living in ``zone``: on
    that day from ``send_from`` (local wall-clock time), or up to ``grace_days`` days later."""
    local = now.astimezone(zone)
    today = local.date()
    if today == day:
        return local.time() >= send_from
    return day < today <= day + datetime.timedelta(days=grace_days)


def _utc_day(now) -> datetime.date:
    """Every local "today" on Earth is within a day of this one."""
    return now.astimezone(datetime.UTC).date()


def _wanting(owner: str, switch: str) -> Q:
    """Owners with an address, still active, who left this kind of reminder on."""
    return Q(**{f"{owner}__is_active": True, f"{owner}__reminder_settings__{switch}": True}) & ~Q(
        **{f"{owner}__email": ""}
    )


def _only(queryset, ids):
    return queryset if ids is None else queryset.filter(pk__in=ids)


def answers_due(now, ids=None) -> list[Reminder]:
    """An open offer whose answer is due tomorrow."""
    day = _utc_day(now)
    offers = Offer.objects.filter(
        _wanting("owner", "answer_due"),
        status__in=Offer.OPEN_STATUSES,
        respond_by__range=(day, day + 2 * DAY),
    )
    return [
        Reminder(
            Kind.ANSWER_DUE,
            offer.pk,
            offer.respond_by,
            offer.owner,
            f"Tomorrow: your answer to {offer.company} is due",
            offer.get_absolute_url(),
            {"offer": offer},
        )
        for offer in _only(offers.select_related("owner"), ids)
        if is_due(now, offer.owner.zone(), offer.respond_by - DAY)
    ]


def offers_late(now, ids=None) -> list[Reminder]:
    """An offer still marked expected the day after it should have arrived."""
    day = _utc_day(now)
    offers = Offer.objects.filter(
        _wanting("owner", "offer_late"),
        status=Offer.Status.EXPECTED,
        expected_on__range=(day - (OFFER_LATE_GRACE + 2) * DAY, day),
    )
    return [
        Reminder(
            Kind.OFFER_LATE,
            offer.pk,
            offer.expected_on,
            offer.owner,
            f"Has the offer from {offer.company} arrived?",
            offer.get_absolute_url(),
            {"offer": offer},
        )
        for offer in _only(offers.select_related("owner"), ids)
        if is_due(now, offer.owner.zone(), offer.expected_on + DAY, OFFER_LATE_GRACE)
    ]


def calls(now, ids=None) -> list[Reminder]:
    """The call to the employer being left: on its day (the planned one, else the last prompt
    day) and once more the day after while it is neither logged nor done."""
    decisions = (
        Decision.objects.backing_out()
        .filter(_wanting("owner", "call_due"))
        .filter(
            Q(call_plan__isnull=False, call_plan__done_at__isnull=True)
            & Q(call_plan__called_at__isnull=True)
            | Q(call_plan__isnull=True, committed_offer__status__in=Offer.COMMITTED_STATUSES)
        )
        .filter(
            Q(call_plan__scheduled_at__range=(now - 3 * DAY, now + 2 * DAY))
            | Q(call_plan__scheduled_at__isnull=True, decided_at__gte=now - 8 * DAY)
        )
        .select_related(
            "owner", "committed_offer", "call_plan__contact", "call_plan__agency_contact"
        )
    )
    found = []
    for decision in _only(decisions, ids):
        zone = decision.owner.zone()
        plan = getattr(decision, "call_plan", None)  # no plan yet raises an AttributeError
        scheduled_at = plan.scheduled_at if plan else None
        promptness = timing.promptness(decision.decided_at, scheduled_at, zone, now)
        day = promptness.planned_on or promptness.call_by
        send_from = SEND_FROM
        if scheduled_at:
            send_from = min(SEND_FROM, _time_on(scheduled_at.astimezone(zone) - CALL_NOTICE, day))
        company = decision.committed_offer.company
        context = {"decision": decision, "plan": plan, "offer": decision.committed_offer}
        path = reverse("decisions:call", args=[decision.pk])
        if is_due(now, zone, day, send_from=send_from):
            subject = f"Today: call {company}"
            # On the day, the link opens the call card: the number, the words, the answers.
            card = reverse("decisions:call_card", args=[decision.pk])
            found.append(
                Reminder(Kind.CALL_DUE, decision.pk, day, decision.owner, subject, card, context)
            )
        elif is_due(now, zone, day + DAY):
            subject = f"Your call to {company} was due yesterday"
            found.append(
                Reminder(Kind.CALL_LATE, decision.pk, day, decision.owner, subject, path, context)
            )
    return found


def _time_on(moment: datetime.datetime, day: datetime.date) -> datetime.time:
    """The wall-clock time of ``moment`` if it falls on ``day``, else midnight (it is earlier)."""
    return moment.time() if moment.date() == day else datetime.time(0, 0)


def follow_ups(now, ids=None) -> list[Reminder]:
    """A follow-up after the call, on the day it is due, while it is not ticked done."""
    day = _utc_day(now)
    items = FollowUp.objects.filter(
        _wanting("call_plan__decision__owner", "follow_up_due"),
        done=False,
        due_on__range=(day - DAY, day + DAY),
    ).select_related("call_plan__decision__owner", "call_plan__decision__committed_offer")
    found = []
    for item in _only(items, ids):
        decision = item.call_plan.decision
        if is_due(now, decision.owner.zone(), item.due_on):
            path = reverse("decisions:call", args=[decision.pk]) + "#follow-ups"
            found.append(
                Reminder(
                    Kind.FOLLOW_UP_DUE,
                    item.pk,
                    item.due_on,
                    decision.owner,
                    f"Due today: {item.text}",
                    path,
                    {"follow_up": item, "decision": decision},
                )
            )
    return found


def look_backs(now, ids=None) -> list[Reminder]:
    """Thirty days after a decision was recorded, while how it turned out is not written."""
    window = (now - LOOK_BACK_AFTER - (LOOK_BACK_GRACE + 2) * DAY, now - LOOK_BACK_AFTER + 2 * DAY)
    decisions = Decision.objects.filter(
        _wanting("owner", "look_back"), outcome="", decided_at__range=window
    ).select_related("owner", "chosen_offer")
    found = []
    for decision in _only(decisions, ids):
        zone = decision.owner.zone()
        day = decision.decided_at.astimezone(zone).date() + LOOK_BACK_AFTER
        if is_due(now, zone, day, LOOK_BACK_GRACE):
            path = reverse("decisions:result", args=[decision.pk]) + "#outcome"
            found.append(
                Reminder(
                    Kind.LOOK_BACK,
                    decision.pk,
                    day,
                    decision.owner,
                    f"A month on: how did “{decision.title}” turn out?",
                    path,
                    {"decision": decision},
                )
            )
    return found


# Each finder, with the kinds of reminder it makes.
FINDERS = (answers_due, offers_late, calls, follow_ups, look_backs)


def due(now) -> list[Reminder]:
    """Every reminder due at ``now``, for every user."""
    return [reminder for finder in FINDERS for reminder in finder(now)]
