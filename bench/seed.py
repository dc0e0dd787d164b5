"""The people the benchmark signs in as, and their data. Deterministic: the same data every run.

- small: 3 offers, 1 decision (2 offers x 5 factors, a few pros and cons) that backs out, with a
  call plan;
- large: 30 offers with 3 contacts each, 10 decisions of 5 offers x 10 factors x 40 pros and
  cons, each backing out with a call plan of 10 referrals and 10 follow-ups;
- offers_3, offers_30, offers_500: only offers, the same mix of kinds, to see how the dashboard,
  the offers list and the timeline grow with the number of offers.
"""

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import transaction
from django.utils import timezone

from crossroads.models import User
from decisions.call import script
from decisions.models import (
    DEFAULT_FACTORS,
    CallPlan,
    Consideration,
    Decision,
    Factor,
    FollowUp,
    PreparedAnswer,
    Rating,
    Referral,
)
from offers.asks.records import draft_ask
from offers.models import Contact, Offer, TimeAsk
from reminders.mail import unsubscribe_token
from reminders.models import CalendarFeed, ReminderSettings

COMPANIES = (
    "Northwind",
    "Globex",
    "Initech",
    "Umbrella Labs",
    "Hooli",
    "Vandelay",
    "Stark Freight",
    "Wayne Health",
    "Acme Analytics",
    "Bluebird",
)
ROLES = ("Data Engineer", "Platform Engineer", "Analytics Lead", "Staff Engineer")


@dataclass
class Persona:
    label: str
    user: User
    session_key: str = ""
    offer_ids: list[int] = field(default_factory=list)
    decision_id: int | None = None
    contact_id: int | None = None
    ask_id: int | None = None  # a conversation about an offer's timing
    calendar_token: str = ""  # the private calendar subscription's address
    unsubscribe_token: str = ""  # the link in a reminder e-mail


def _days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def _offer(owner, i: int, today: datetime.date) -> Offer:
    """Offer number ``i`` of a user: most are received and waiting for an answer, one in ten is
    expected, a few are committed, some are closed. Dates spread over the next months."""
    spread = (i * 37) % 150
    fields = {
        "owner": owner,
        "company": f"{COMPANIES[i % len(COMPANIES)]} {i}",
        "role": ROLES[i % len(ROLES)],
        "location": "Lisbon" if i % 2 else "",
        "currency": "USD",
        "base_salary": Decimal(90000 + (i * 1733) % 60000),
        "target_bonus_percent": Decimal(10) if i % 3 == 0 else None,
        "signing_bonus": Decimal(5000 * (i % 4)),
        "equity_value": Decimal(20000 * (i % 5)),
        "vesting_percentages": [10, 20, 30, 40] if i % 7 == 0 else [],
        "vesting_schedule": "custom" if i % 7 == 0 else "even",
        "benefits_value": Decimal(3000),
        "yearly_raise_percent": Decimal(3),
        "agency_name": "Bright Recruiters" if i % 6 == 0 else "",
        "notice_period": "One month",
        "repayment_terms": "Signing bonus repayable within a year" if i % 4 else "",
        "repayment_amount": Decimal(5000 * (i % 4)),
    }
    if i % 100 in (0, 10):
        # A job already accepted or signed, starting in a few months: what decisions leave.
        fields.update(
            status=Offer.Status.SIGNED if i % 100 == 0 else Offer.Status.ACCEPTED,
            accepted_on=today - _days(20),
            start_date=today + _days(150 + i // 10),
        )
    elif i % 10 == 2:
        fields.update(
            status=Offer.Status.EXPECTED,
            expected_on=today + _days(1 + spread % 12),
            respond_by=today + _days(20 + spread % 12),
            start_date=today + _days(60 + spread),
        )
    elif i % 10 == 9:
        fields.update(
            status=Offer.Status.DECLINED,
            received_on=today - _days(60),
            respond_by=today - _days(40),
        )
    else:
        fields.update(
            status=Offer.Status.RECEIVED,
            received_on=today - _days(3),
            respond_by=today + _days(spread - 10),
            start_date=today + _days(spread + 30),
        )
    return Offer(**fields)


def _user(label: str) -> User:
    user = User(username=f"bench-{label}", email=f"{label}@bench.example.com")
    user.set_unusable_password()
    user.save()
    return user


def _signed_in(persona: Persona) -> Persona:
    """A session as logging in leaves it, so every page is fetched as that person; and the
    addresses of their calendar subscription and of a reminder e-mail's unsubscribe link."""
    persona.calendar_token = CalendarFeed.issue(persona.user, timezone.now())
    persona.unsubscribe_token = unsubscribe_token(persona.user.pk, ReminderSettings.SWITCHES[0])
    session = SessionStore()
    session[SESSION_KEY] = str(persona.user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = persona.user.get_session_auth_hash()
    session.create()
    persona.session_key = session.session_key
    return persona


def _offers(persona: Persona, count: int, today, contacts_each: int = 0) -> list[Offer]:
    offers = Offer.objects.bulk_create(_offer(persona.user, i, today) for i in range(count))
    roles = [Contact.Role.HIRING_MANAGER, Contact.Role.RECRUITER, Contact.Role.AGENCY]
    contacts = Contact.objects.bulk_create(
        Contact(
            offer=offer,
            name=f"Person {n} of {offer.company}",
            role=roles[n % len(roles)],
            phone=f"+1 555 01{n:02d}",
            email=f"person{n}@example.com",
        )
        for offer in offers
        for n in range(contacts_each)
    )
    persona.offer_ids = [offer.pk for offer in offers]
    if contacts:
        persona.contact_id = contacts[0].pk
    if count >= 3:  # asked the received one for more time, before the expected one arrives
        ask = draft_ask(offers[1], TimeAsk.Kind.MORE_TIME, offers[2], False, today)
        ask.save()
        persona.ask_id = ask.pk
    return offers


def _decision(persona, number, offers, factors, considerations, rng, extras) -> Decision:
    """A decision recorded a day ago that backs out of ``offers[0]`` (committed) for the
    leader, with a saved call plan of ``extras`` referrals and follow-ups."""
    committed, chosen = offers[0], offers[1]
    decision = Decision.objects.create(
        owner=persona.user,
        title=f"Decision {number}: stay at {committed.company} or switch?",
        committed_offer=committed,
        chosen_offer=chosen,
        close_knit_field=Decision.Answer.YES,
        could_commit_fully=Decision.Answer.NOT_SURE,
        horizon_years=3,
        step_reached=Decision.Step.RESULT,
        reasoning="Closer to the work I want to do.",
        decided_at=timezone.now() - _days(1),
    )
    decision.offers.set(offers)
    names = [*DEFAULT_FACTORS, *(f"Own factor {n}" for n in range(factors - len(DEFAULT_FACTORS)))]
    made = Factor.objects.bulk_create(
        Factor(
            decision=decision,
            name=name,
            weight=1 + (n * 2) % 5,
            position=n,
            is_compensation=n == 0,
        )
        for n, name in enumerate(names)
    )
    Rating.objects.bulk_create(
        Rating(factor=factor, offer=offer, score=rng.randint(1, 5))
        for factor in made
        for offer in offers
    )
    Consideration.objects.bulk_create(
        Consideration(
            decision=decision,
            offer=offers[n % len(offers)],
            kind=Consideration.Kind.PRO if n % 2 else Consideration.Kind.CON,
            term=Consideration.Term.IMMEDIATE if n % 3 else Consideration.Term.LONG_TERM,
            text=f"Point {n}: a thing that matters about this offer",
        )
        for n in range(considerations)
    )
    contact = committed.contacts.filter(role=Contact.Role.HIRING_MANAGER).first()
    plan = CallPlan.objects.create(
        decision=decision,
        contact=contact,
        scheduled_at=(timezone.now() + _days(1)).replace(second=0, microsecond=0),
        **script.draft_script(committed, contact),
    )
    PreparedAnswer.objects.bulk_create(
        PreparedAnswer(call_plan=plan, reaction=reaction, answer=text)
        for reaction, text in script.draft_answers(committed).items()
    )
    Referral.objects.bulk_create(
        Referral(
            call_plan=plan,
            name=f"Referral {n}",
            how_to_reach=f"referral{n}@example.com",
            why_they_fit="Led a similar team for three years.",
        )
        for n in range(extras)
    )
    FollowUp.objects.bulk_create(
        FollowUp(call_plan=plan, text=f"Follow-up {n}", due_on=timezone.localdate() + _days(n))
        for n in range(extras)
    )
    return decision


def seed() -> dict[str, Persona]:
    """Make every persona afresh (the benchmark database is emptied first)."""
    today = timezone.localdate()
    rng = random.Random(15)
    personas = {}
    with transaction.atomic():
        small = Persona("small", _user("small"))
        offers = _offers(small, 3, today, contacts_each=2)
        small.decision_id = _decision(small, 1, offers[:2], 5, 4, rng, extras=1).pk
        personas["small"] = small

        large = Persona("large", _user("large"))
        offers = _offers(large, 30, today, contacts_each=3)
        others = [offer for offer in offers if not offer.is_committed()]
        for number in range(10):
            # Each leaves the signed offer (or the accepted one) for one of four others.
            picked = [offers[0] if number % 2 else offers[10]]
            picked += [others[(number * 4 + k) % len(others)] for k in range(4)]
            decision = _decision(large, number, picked, 10, 40, rng, extras=10)
        large.decision_id = decision.pk
        personas["large"] = large

        for count in (3, 30, 500):
            persona = Persona(f"offers_{count}", _user(f"offers-{count}"))
            _offers(persona, count, today)
            personas[persona.label] = persona
    return {label: _signed_in(persona) for label, persona in personas.items()}
