"""What reminders need to remember: the secret calendar address (only its hash), which e-mails
the user wants, and one row per reminder e-mail, claimed before it is sent."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction

# A hash no token can have: a lookup that finds nothing still runs one constant-time compare.
_NO_MATCH = "0" * 64


def token_digest(token: str) -> str:
    """The token is 256 random bits, so a fast hash is enough: nobody can guess a preimage."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class CalendarFeedQuerySet(models.QuerySet):
    def find(self, token: str) -> "CalendarFeed | None":
        """The feed whose secret address ends in ``token``, or None. Wrong, truncated and revoked
        tokens all take the same path: one indexed lookup by hash, one constant-time compare."""
        digest = token_digest(token)
        feed = self.select_related("user").filter(token_hash=digest).first()
        matches = hmac.compare_digest(feed.token_hash if feed else _NO_MATCH, digest)
        if feed is None or not matches or not feed.user.is_active:
            return None
        return feed


class CalendarFeed(models.Model):
    """A user's private calendar subscription. The address's token is shown once and never
    stored: only its SHA-256, so a leaked database does not leak anyone's calendar."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField()

    objects = CalendarFeedQuerySet.as_manager()

    def __str__(self):
        return f"Calendar subscription of {self.user}"

    @classmethod
    def issue(cls, user, now) -> str:
        """Turn the subscription on, or replace its address: the old token stops working at
        once. Returns the new token, the only time it exists in plain text."""
        token = secrets.token_urlsafe(32)
        with transaction.atomic():
            cls.objects.update_or_create(
                user=user,
                defaults={"token_hash": token_digest(token), "created": now},
            )
        return token


def _switch(verbose_name, help_text):
    """One kind of reminder e-mail, on unless turned off."""
    return models.BooleanField(verbose_name, default=True, help_text=help_text)


class ReminderSettings(models.Model):
    """Which reminder e-mails a user wants: one switch per kind. Accounts made before reminders
    existed have no row and get none (they signed up when the address was for password resets
    only); new accounts start with every switch on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    answer_due = _switch(
        "an answer is due tomorrow",
        "The day before an offer's answer deadline.",
    )
    offer_late = _switch(
        "an expected offer has not arrived",
        "The day after an offer was expected, while it is still marked expected.",
    )
    call_due = _switch(
        "a call is due",
        "On the day of a planned call (or the last prompt day to call), and once more "
        "the next day if it is not done.",
    )
    follow_up_due = _switch("a follow-up is due", "On the day a follow-up after a call is due.")
    look_back = _switch(
        "time to look back",
        "Thirty days after you recorded a decision, to write how it turned out.",
    )

    SWITCHES = ("answer_due", "offer_late", "call_due", "follow_up_due", "look_back")

    class Meta:
        verbose_name_plural = "reminder settings"

    def __str__(self):
        return f"Reminder settings of {self.user}"

    @classmethod
    def for_user(cls, user) -> "ReminderSettings":
        """The saved settings, or (for an account that never had any) every switch off."""
        found = cls.objects.filter(user=user).first()
        return found or cls(user=user, **dict.fromkeys(cls.SWITCHES, False))

    @classmethod
    def turn_off(cls, user_id: int, switches) -> bool:
        """Turn ``switches`` off for the user with this id; False if there is no such user.
        An account without settings gets them with every switch off, as it had."""
        if not get_user_model().objects.filter(pk=user_id).exists():
            return False
        cls.objects.get_or_create(user_id=user_id, defaults=dict.fromkeys(cls.SWITCHES, False))
        cls.objects.filter(user_id=user_id).update(**dict.fromkeys(switches, False))
        return True


class SentReminder(models.Model):
    """One reminder e-mail: claimed in the database before it is sent, so two copies of the job
    running at once (on two machines) send it at most once."""

    class Kind(models.TextChoices):
        ANSWER_DUE = "answer_due", "Answer due tomorrow"
        OFFER_LATE = "offer_late", "Expected offer not arrived"
        CALL_DUE = "call_due", "Call due today"
        CALL_LATE = "call_late", "Call one day late"
        FOLLOW_UP_DUE = "follow_up_due", "Follow-up due"
        LOOK_BACK = "look_back", "Look back after thirty days"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be claimed"
        SENDING = "sending", "Claimed by a run, being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Mail server refused it: retried on the next run"
        CANCELLED = "cancelled", "Not sent: closed or deleted meanwhile"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_reminders"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # The offer, call plan, follow-up or decision it is about (which one depends on the kind).
    object_id = models.PositiveBigIntegerField()
    # The day it is for: a changed date is a new reminder.
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_by = models.CharField(max_length=100, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "due_on"], name="one_reminder_per_object_and_day"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.user} on {self.due_on}"
