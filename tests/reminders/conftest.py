"""Shared pieces for the reminders tests: people who want reminders, a moment to run at, the
situations each rule is about, and a real SMTP server on a loopback port."""

import datetime
import email
import email.policy
import socket
import zoneinfo

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from decisions.models import CallPlan, Decision, FollowUp
from offers.models import Offer
from reminders.models import ReminderSettings
from tests.factories import make_contact, make_decision, make_offer, make_user

DAY = datetime.timedelta(days=1)


def wants_reminders(user, **switches):
    """``user`` with every reminder on (or as ``switches`` say)."""
    ReminderSettings.objects.update_or_create(user=user, defaults=switches)
    return user


def person(name: str, zone: str):
    """A user living in ``zone`` who wants every reminder."""
    return wants_reminders(make_user(name, time_zone=zone))


def at(zone: str, *args) -> datetime.datetime:
    """A wall-clock moment in ``zone``: ``at("Asia/Tokyo", 2026, 3, 2, 9)``."""
    return datetime.datetime(*args, tzinfo=zoneinfo.ZoneInfo(zone))


def daytime_zone(now=None) -> str:
    """A fixed-offset zone where it is around midday right now, so a test that runs the real
    command (at the real time) never falls before the 07:00 sending hour."""
    now = now or timezone.now()
    offset = max(-12, min(14, 12 - now.astimezone(datetime.UTC).hour))
    # The Etc zones count the other way round: Etc/GMT-3 is three hours ahead of UTC.
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"


def local_today(user, now=None) -> datetime.date:
    return (now or timezone.now()).astimezone(user.zone()).date()


def answer_due_tomorrow(user, now=None, **fields) -> Offer:
    fields.setdefault("company", "Globex")
    return make_offer(user, respond_by=local_today(user, now) + DAY, **fields)


def backing_out(user, decided_at, company="Northwind"):
    """A recorded decision that leaves a signed offer for another, with no call plan yet."""
    committed = make_offer(user, company=company, status=Offer.Status.SIGNED)
    chosen = make_offer(user, company="Bluebird")
    return make_decision(
        user,
        [committed, chosen],
        committed_offer=committed,
        chosen_offer=chosen,
        decided_at=decided_at,
    )


def planned_call(user, decided_at, scheduled_at, **fields) -> CallPlan:
    decision = backing_out(user, decided_at)
    contact = make_contact(decision.committed_offer, name="Morgan Lee", phone="+1 555 0142")
    return CallPlan.objects.create(
        decision=decision, contact=contact, scheduled_at=scheduled_at, **fields
    )


def follow_up(plan, due_on, text="Return the laptop", **fields) -> FollowUp:
    return FollowUp.objects.create(call_plan=plan, text=text, due_on=due_on, **fields)


def recorded(user, decided_at, title="Stay or switch?") -> Decision:
    committed = make_offer(user, company="Northwind", status=Offer.Status.ACCEPTED)
    chosen = make_offer(user, company="Bluebird")
    return make_decision(
        user, [committed, chosen], title=title, chosen_offer=committed, decided_at=decided_at
    )


class Inbox:
    """What the SMTP server received; ``refuse`` makes it answer every message with a 451."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.refuse = False

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "451 4.3.0 Mailbox busy, try again later"
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted for delivery"

    def subjects(self) -> list[str]:
        return sorted(str(m["Subject"]) for m in self.messages)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def use_smtp(settings, port: int) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = False, "", ""
    settings.EMAIL_TIMEOUT = 5


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a free loopback port; Django sends through it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    use_smtp(settings, controller.port)
    yield inbox
    controller.stop()


@pytest.fixture
def no_smtp_server(settings):
    """The mail server is down: nothing listens on its port."""
    use_smtp(settings, free_port())
