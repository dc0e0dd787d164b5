"""The job that sends reminder e-mails, safe to run on several machines at once.

For each batch of due reminders: (1) make sure a row exists for each (INSERT ... ON CONFLICT DO
NOTHING on the unique key), (2) claim the rows still waiting or failed, skipping any another run
holds (SELECT ... FOR UPDATE SKIP LOCKED, then mark them "sending" and commit), (3) check again that
each object is still open, (4) send, (5) mark each row sent, or failed to be retried next run.
A reminder is therefore sent at most once: a row marked "sending" is never claimed again.

One person's data never stops anyone else's reminders: a reminder whose message cannot be made,
or a kind of reminder that cannot be looked up, is logged (the user's id and the kind), counted,
marked failed to be tried again on the next run, and the rest go out.
"""

import datetime
import functools
import logging
import operator
import os
import smtplib
import socket
import uuid
from dataclasses import dataclass

from django.core import mail
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from reminders import rules
from reminders.mail import message
from reminders.models import SentReminder

BATCH_SIZE = 500
# A reminder the mail server refused this many times is given up.
MAX_ATTEMPTS = 5
# A claim older than this whose run never said how it went: that run died mid-send.
STUCK_AFTER = datetime.timedelta(hours=1)
Status = SentReminder.Status
logger = logging.getLogger(__name__)


@dataclass
class Summary:
    due: int = 0
    sent: int = 0
    failed: int = 0
    taken: int = 0
    cancelled: int = 0
    stuck: int = 0
    # Reminders, or whole kinds of reminder, that could not be made: a fault in the data or the
    # code, not the mail server (logged, retried on the next run).
    broken: int = 0
    error: str = ""

    def line(self) -> str:
        parts = [f"{self.due} due", f"{self.sent} sent"]
        if self.failed:
            parts.append(
                f"{self.failed} not sent ({self.error}): they will be tried again on the next run"
            )
        parts.append(f"{self.taken} already sent or taken by another run")
        parts.append(f"{self.cancelled} dropped (closed or deleted meanwhile)")
        if self.broken:
            parts.append(
                f"{self.broken} could not be made (see the log): they will be tried again on the "
                "next run"
            )
        if self.stuck:
            parts.append(
                f"{self.stuck} left by a run that stopped mid-send (not resent, to avoid "
                "sending twice)"
            )
        return "Reminders: " + ", ".join(parts) + "."


def run(now=None, batch_size=BATCH_SIZE) -> Summary:
    now = now or timezone.now()
    claimant = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"[:100]
    summary = Summary()
    for finder in rules.FINDERS:
        try:
            reminders = finder(now)
        except Exception:
            logger.exception("Reminders of kind %s could not be looked up", finder.__name__)
            summary.broken += 1
            continue
        summary.due += len(reminders)
        for start in range(0, len(reminders), batch_size):
            _send_batch(finder, reminders[start : start + batch_size], now, claimant, summary)
    summary.stuck = SentReminder.objects.filter(
        status=Status.SENDING, claimed_at__lt=timezone.now() - STUCK_AFTER
    ).count()
    return summary


def _send_batch(finder, batch, now, claimant, summary) -> None:
    claimed = _claim(batch, claimant)
    summary.taken += len(batch) - len(claimed)
    if not claimed:
        return
    ids = {reminder.object_id for reminder in batch if reminder.key in claimed}
    try:
        still_due = {reminder.key: reminder for reminder in finder(now, ids=ids)}
    except Exception:
        logger.exception("Reminders of kind %s could not be checked again", finder.__name__)
        _mark_failed(list(claimed.values()), "could not be checked again")
        summary.broken += len(claimed)
        return
    gone = [pk for key, pk in claimed.items() if key not in still_due]
    SentReminder.objects.filter(pk__in=gone).update(status=Status.CANCELLED)
    summary.cancelled += len(gone)
    _deliver([(still_due[key], pk) for key, pk in claimed.items() if key in still_due], summary)


def _claim(batch, claimant) -> dict:
    """The rows of ``batch`` this run now owns, by reminder key."""
    SentReminder.objects.bulk_create(
        [
            SentReminder(user=r.user, kind=r.kind, object_id=r.object_id, due_on=r.due_on)
            for r in batch
        ],
        ignore_conflicts=True,
    )
    exactly = functools.reduce(
        operator.or_, (Q(kind=k, object_id=o, due_on=d) for k, o, d in (r.key for r in batch))
    )
    with transaction.atomic():
        rows = list(
            SentReminder.objects.select_for_update(skip_locked=True)
            .filter(exactly, status__in=[Status.PENDING, Status.FAILED], attempts__lt=MAX_ATTEMPTS)
            .values_list("pk", "kind", "object_id", "due_on")
        )
        SentReminder.objects.filter(pk__in=[row[0] for row in rows]).update(
            status=Status.SENDING, claimed_by=claimant, claimed_at=timezone.now()
        )
    return {(kind, object_id, due_on): pk for pk, kind, object_id, due_on in rows}


def _deliver(items, summary) -> None:
    """Send over one connection; every claimed row ends sent or failed, whatever happens."""
    sent, failed, broken = [], [], []
    try:
        connection = mail.get_connection()
        connection.open()
        try:
            for reminder, pk in items:
                made = _made(reminder, connection)
                if made is None:
                    broken.append(pk)
                    continue
                try:
                    delivered = connection.send_messages([made])
                except (smtplib.SMTPException, OSError) as exc:
                    delivered, summary.error = 0, summary.error or _describe(exc)
                (sent if delivered else failed).append(pk)
        finally:
            _close(connection)
    except (smtplib.SMTPException, OSError) as exc:
        summary.error = summary.error or _describe(exc)
    finally:
        done = {*sent, *failed, *broken}
        failed += [pk for _, pk in items if pk not in done]
        SentReminder.objects.filter(pk__in=sent).update(
            status=Status.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1
        )
        _mark_failed(failed, summary.error)
        _mark_failed(broken, "the message could not be made (see the log)")
        summary.sent += len(sent)
        summary.failed += len(failed)
        summary.broken += len(broken)


def _made(reminder, connection):
    """The e-mail for ``reminder``, or None when it cannot be made from this user's data (logged
    with the user and the kind, so the rest still go out)."""
    try:
        return message(reminder, connection)
    except Exception:
        logger.exception(
            "The %s reminder for user %s could not be made", reminder.kind, reminder.user.pk
        )
        return None


def _mark_failed(pks, error: str) -> None:
    SentReminder.objects.filter(pk__in=pks).update(
        status=Status.FAILED, attempts=F("attempts") + 1, last_error=error[:300]
    )


def _close(connection) -> None:
    try:
        connection.close()
    except (smtplib.SMTPException, OSError):
        pass  # the server went away after taking the messages: nothing to undo


def _describe(exc: Exception) -> str:
    return f"mail server: {type(exc).__name__}: {exc}".replace("\n", " ")[:300]
