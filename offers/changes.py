"""Every change of an offer's status, one function each, with its guard and its consequences.

Every path that changes a status calls one of these: the offer form, the call plan's "Record
that you accepted" and "Mark the call as done", the withdraw page, the import and the example. A
path shows the user what a function refuses (``AcceptingTooEarly``) in the same words; none
repeats a rule of its own.

- Committing (``accept``, ``sign``, ``start``) from an offer still open is refused while another
  offer is expected before its deadline, or within a week after it, unless the user chose to go
  ahead (``go_ahead``): that choice is recorded on the offer. Its consequence: every other offer
  still open is owed a withdrawal (``offers/withdrawals/``), until the user tells that company.
- ``withdraw`` records what the user told a company, and declines its offer.
- ``add`` and ``record_history`` write offers as they already are (the add form; the import
  and the example): an offer added as accepted records the past, so it owes only the withdrawals
  the dates make sure of; the import and the example cannot ask, so they carry the go-ahead the
  file or the story recorded.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from offers.asks import rules as ask_rules
from offers.models import Offer
from offers.withdrawals.models import Withdrawal

TICK_TO_GO_AHEAD = "Tick this box to accept anyway, or ask for more time first."


class AcceptingTooEarly(Exception):
    """Committing to ``offer`` now would close the door on ``expected`` (soonest first), which
    should come before its answer is due (``deadline``) or soon after."""

    message = TICK_TO_GO_AHEAD

    def __init__(self, offer, expected: list, deadline: datetime.date | None):
        super().__init__(TICK_TO_GO_AHEAD)
        self.offer, self.expected, self.deadline = offer, expected, deadline

    def arrivals(self) -> list[tuple]:
        """(offer expected, whether it comes before the deadline), for the warning's sentences."""
        deadline = self.deadline
        return [
            (other, deadline is None or other.expected_on <= deadline) for other in self.expected
        ]


def commits(status, before) -> bool:
    """Whether going to ``status`` from ``before`` commits the user to an offer."""
    return status in Offer.COMMITTED_STATUSES and before not in Offer.COMMITTED_STATUSES


_AS_SAVED = object()


def check_committing(
    offer, status, before, today: datetime.date, go_ahead=False, deadline=_AS_SAVED
) -> list:
    """The guard before committing: raises ``AcceptingTooEarly`` unless ``go_ahead``; returns
    the offers expected soon (none when nothing is in the way). ``deadline``: the answer's day
    as it will be saved, when a form changes it too."""
    if not commits(status, before):
        return []
    deadline = offer.respond_by if deadline is _AS_SAVED else deadline
    others = Offer.objects.filter(owner_id=offer.owner_id, status=Offer.Status.EXPECTED)
    expected = ask_rules.expected_soon_after(offer, deadline, others, today)
    if expected and not go_ahead:
        raise AcceptingTooEarly(offer, expected, deadline)
    return expected


def accept(offer, **how) -> None:
    """The user accepted ``offer`` (on ``on``, by default the day recorded or today)."""
    _change(offer, Offer.Status.ACCEPTED, **how)


def sign(offer, **how) -> None:
    _change(offer, Offer.Status.SIGNED, **how)


def start(offer, **how) -> None:
    _change(offer, Offer.Status.STARTED, **how)


def decline(offer, **how) -> None:
    _change(offer, Offer.Status.DECLINED, **how)


def back_out(offer, **how) -> None:
    """The user backs out of a job they had accepted: the withdrawals owed because of it are
    no longer pending (``Withdrawal.objects.pending``)."""
    _change(offer, Offer.Status.BACKED_OUT, **how)


VERBS = {
    Offer.Status.ACCEPTED: accept,
    Offer.Status.SIGNED: sign,
    Offer.Status.STARTED: start,
    Offer.Status.DECLINED: decline,
    Offer.Status.BACKED_OUT: back_out,
}


def change_status(offer, status, **how) -> None:
    """The change to ``status``, by its own function where it has one (the offer form's status
    field can make any change); otherwise the offer is saved as it is."""
    verb = VERBS.get(status)
    if verb is None:
        _change(offer, status, **how)
    else:
        verb(offer, **how)


def _change(
    offer,
    status,
    *,
    before=None,
    on: datetime.date | None = None,
    go_ahead: bool = False,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
    fields=None,
) -> None:
    """Set ``offer``'s status and save it (``fields`` only, when given), with the guard and the
    consequences of committing. ``before``: the status it had, when the caller (a form) has set
    the new one already."""
    before = offer.status if before is None else before
    today, now = today or timezone.localdate(), now or timezone.now()
    expected = check_committing(offer, status, before, today, go_ahead)
    offer.status = status
    if status in Offer.COMMITTED_STATUSES:
        offer.accepted_on = on or offer.accepted_on or today
    if expected:
        offer.accepted_despite_expected_at = now
        offer.accepted_despite_expected_offer = expected[0]
    with transaction.atomic():
        if fields is None:
            offer.save()
        else:
            go_ahead_fields = ["accepted_despite_expected_at", "accepted_despite_expected_offer"]
            extra = ["status", "accepted_on", "updated", *(go_ahead_fields if expected else [])]
            offer.save(update_fields=sorted({*fields, *extra}))
        if commits(status, before):
            others = Offer.objects.filter(owner_id=offer.owner_id, status__in=Offer.OPEN_STATUSES)
            _owe_withdrawals(offer, others.exclude(pk=offer.pk), now)


def _owe_withdrawals(accepted, others, now: datetime.datetime) -> None:
    Withdrawal.objects.bulk_create(
        [Withdrawal(offer=other, accepted_offer=accepted, owed_since=now) for other in others],
        ignore_conflicts=True,
    )


def withdraw(withdrawal, *, message: str, names_new_employer: bool, now=None) -> None:
    """The user told the company they are withdrawing: recorded with what they said, and its
    offer declined."""
    with transaction.atomic():
        withdrawal.told_at = now or timezone.now()
        withdrawal.message, withdrawal.names_new_employer = message, names_new_employer
        withdrawal.save(update_fields=["told_at", "message", "names_new_employer"])
        decline(withdrawal.offer, fields=["status"])


def add(offer, *, go_ahead: bool = False, today=None, now=None) -> None:
    """A new offer, saved with its status. One added as already accepted records the past: it is
    guarded like any acceptance, but it owes withdrawals only as ``record_history`` says."""
    today, now = today or timezone.localdate(), now or timezone.now()
    expected = check_committing(offer, offer.status, None, today, go_ahead)
    if expected:
        offer.accepted_despite_expected_at = now
        offer.accepted_despite_expected_offer = expected[0]
    with transaction.atomic():
        offer.save()
        others = Offer.objects.filter(owner_id=offer.owner_id, status__in=Offer.OPEN_STATUSES)
        _owe_withdrawals(offer, _owed_by_history(offer, others), now)


def record_history(offers, now: datetime.datetime | None = None) -> None:
    """Offers written as they were (the import, the example): nothing can be asked, so a
    recorded go-ahead is carried as it is; each committed offer owes the withdrawals the past
    makes sure of (``_owed_by_history``)."""
    now, offers = now or timezone.now(), list(offers)
    for accepted in offers:
        _owe_withdrawals(accepted, _owed_by_history(accepted, offers), now)


def _owed_by_history(accepted, others) -> list:
    """The open offers that committing to ``accepted`` leaves to withdraw from, as far as the
    dates tell: those already received the day it was accepted, and the one its go-ahead names.
    An offer received later came after the choice: weighing it is what the app is for."""
    if not accepted.is_committed() or accepted.accepted_on is None:
        return []
    return [
        other
        for other in others
        if other.pk != accepted.pk
        and other.is_open()
        and (
            (other.received_on is not None and other.received_on <= accepted.accepted_on)
            or other.pk == accepted.accepted_despite_expected_offer_id
        )
    ]
