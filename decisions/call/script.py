"""The apology call: whom to call, how soon, what to say, and what changes once it is done.

Plain functions over offers, contacts and dates, free of requests and templates, so the views,
the dashboard and the tests share one set of rules.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from offers.models import Contact, Offer

# A call planned more than this many working days (Monday to Friday) after the decision is late.
PROMPT_WORKING_DAYS = 2

SCRIPT_SECTIONS = ("opening", "news", "reason", "apology", "help_offer", "logistics", "closing")

WHY_DELAY_HURTS = (
    "Every day you wait costs them more: they keep preparing for your arrival (equipment, "
    "accounts, onboarding, the work they planned around you), and the other candidates they "
    "could still hire take other jobs. Changing your mind early is widely forgiven; the later "
    "they hear it, the harder it lands and the more people talk."
)

WHY_CALL_NOT_EMAIL = (
    "An e-mail is easy to send and easy to resent: it reads as cold, it cannot answer their "
    "questions, and it can be forwarded. A live conversation shows respect for the people who "
    "chose you and lets you apologise in your own voice. Call first; afterwards, a short e-mail "
    "confirming what you agreed (the date, what you will return or repay) is a good idea."
)


# Whom to call ----------------------------------------------------------------------------------


def default_contact(contacts) -> Contact | None:
    """The person to tell: the hiring manager, otherwise the recruiter, otherwise nobody yet."""
    for role in (Contact.Role.HIRING_MANAGER, Contact.Role.RECRUITER):
        for contact in contacts:
            if contact.role == role:
                return contact
    return None


def default_agency_contact(contacts) -> Contact | None:
    """The agency's own contact, for the second call when an agency placed the user."""
    return next((c for c in contacts if c.role == Contact.Role.AGENCY), None)


# How soon --------------------------------------------------------------------------------------


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5


def call_by(decided_on: datetime.date) -> datetime.date:
    """The last day of a prompt call: the second working day after the decision was recorded."""
    day, counted = decided_on, 0
    while counted < PROMPT_WORKING_DAYS:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def working_days_after(start: datetime.date, end: datetime.date) -> int:
    """How many working days lie after ``start`` up to and including ``end``."""
    if end <= start:
        return 0
    days = (end - start).days
    full_weeks, rest = divmod(days, 7)
    count = full_weeks * 5
    for offset in range(1, rest + 1):
        if is_working_day(start + datetime.timedelta(days=full_weeks * 7 + offset)):
            count += 1
    return count


@dataclass(frozen=True)
class Promptness:
    decided_on: datetime.date
    call_by: datetime.date
    planned_on: datetime.date | None
    today: datetime.date

    @property
    def late(self) -> bool:
        """The call is planned after the prompt window, or nothing is planned and it has passed."""
        if self.planned_on is not None:
            return self.planned_on > self.call_by
        return self.today > self.call_by

    @property
    def working_days_planned(self) -> int | None:
        if self.planned_on is None:
            return None
        return working_days_after(self.decided_on, self.planned_on)


def promptness(
    decided_at: datetime.datetime | None,
    scheduled_at: datetime.datetime | None,
    zone: datetime.tzinfo,
    now: datetime.datetime,
) -> Promptness | None:
    """How the planned call compares with the two working days, in the user's own calendar."""
    if decided_at is None:
        return None
    return Promptness(
        decided_on=decided_at.astimezone(zone).date(),
        call_by=call_by(decided_at.astimezone(zone).date()),
        planned_on=scheduled_at.astimezone(zone).date() if scheduled_at else None,
        today=now.astimezone(zone).date(),
    )


# Ready to call -----------------------------------------------------------------------------------

_SHORT_CHECKS = {
    "terms_reviewed": "a legal review of your terms with {company}",
    "written_offer_in_hand": "the offer from {company} in writing",
    "conditions_cleared": "{company}’s conditions cleared",
    "start_date_confirmed": "your start date at {company} confirmed",
}


def call_gaps(checks, contact_chosen: bool, time_set: bool) -> list[str]:
    """What still keeps the user from making the call, as short phrases: the readiness checks
    not done (``decisions.call.readiness``), then whom to call and when."""
    gaps = [
        _SHORT_CHECKS.get(check.name, check.label).format(company=check.offer.company)
        for check in checks
        if not check.done
    ]
    if not contact_chosen:
        gaps.append("someone to call")
    if not time_set:
        gaps.append("a time for the call")
    return gaps


# How ---------------------------------------------------------------------------------------------


def channel_advice(channel: str) -> str | None:
    """What to say about the chosen channel; only e-mail needs a word."""
    if channel == "email":
        return WHY_CALL_NOT_EMAIL
    return None


# What to say -------------------------------------------------------------------------------------


def format_money(amount: Decimal | None, currency: str) -> str:
    value = Decimal(amount or 0)
    digits = 0 if value == value.to_integral_value() else 2
    return f"{currency} {value:,.{digits}f}"


def format_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _has_started(offer: Offer) -> bool:
    return offer.status == Offer.Status.STARTED


def _mentions_relocation(offer: Offer) -> bool:
    text = f"{offer.repayment_terms} {offer.notes}".lower()
    return "relocat" in text or "moving" in text


def _repayment_sentence(offer: Offer) -> str:
    amount = format_money(offer.repayment_amount, offer.currency) if offer.repayment_amount else ""
    terms = offer.repayment_terms.strip().rstrip(".")
    if terms[1:2].islower():
        terms = terms[0].lower() + terms[1:]
    what = amount or "what my agreement asks"
    if terms:
        what += f" ({terms})"
    until = ""
    if offer.repayment_until:
        until = f", as agreed for leaving before {format_date(offer.repayment_until)}"
    return f"I will repay {what}{until}. Who should I arrange that with?"


def draft_logistics(offer: Offer) -> str:
    """The practical loose ends, from what the offer records."""
    lines = []
    if _has_started(offer):
        notice = offer.notice_period.strip()
        if notice:
            lines.append(
                f"I will of course work my notice period ({notice}) unless you prefer "
                "otherwise, and hand over my work properly."
            )
        lines.append(
            "I will return my laptop, badge and anything else I was given, on a day that suits you."
        )
    else:
        lines.append(
            "If anything was sent to me for my first day, such as a laptop or a badge, "
            "I will return it this week."
        )
        lines.append(
            "Please cancel my onboarding and any benefits enrolment, so nothing starts in my name."
        )
    if _mentions_relocation(offer):
        lines.append("Please stop any relocation arrangements made for me.")
    if offer.repayment_amount or offer.repayment_terms.strip():
        lines.append(_repayment_sentence(offer))
    elif offer.signing_bonus:
        lines.append(
            f"If the signing bonus of {format_money(offer.signing_bonus, offer.currency)} "
            "has been paid, I will return it. Who should I arrange that with?"
        )
    return "\n".join(lines)


def draft_script(offer: Offer, contact: Contact | None) -> dict[str, str]:
    """A short, humble script in the user's own voice, one entry per section."""
    hello = f"Hello {contact.name.split()[0]}," if contact and contact.name.strip() else "Hello,"
    role, company = offer.role, offer.company
    if _has_started(offer):
        news = (
            f"I am calling to tell you that I have decided to leave my role as {role}. "
            "I wanted you to hear it from me directly, and as early as possible."
        )
    else:
        news = (
            f"I am calling to tell you that I will not be joining {company} as {role} "
            "after all. I wanted you to hear it from me directly, and as early as possible."
        )
    return {
        "opening": f"{hello} thank you for taking my call. I also want to thank you for the "
        f"time and trust you have given me during the process at {company}.",
        "news": news,
        "reason": "It was a hard decision. I have accepted another position that I believe is "
        "the right step for my career.",
        "apology": "I am truly sorry for the trouble this causes you and the team, and for "
        "going back on my word. That was not easy for me, and I know it is not easy for you.",
        "help_offer": "If it helps, I would be glad to suggest a few people who could be a good "
        "fit for the role, and to introduce them to you.",
        "logistics": draft_logistics(offer),
        "closing": "Thank you again for understanding. I have a lot of respect for you and the "
        f"team at {company}, and I hope our paths cross again.",
    }


def draft_answers(offer: Offer) -> dict[str, str]:
    """Calm, short answers to the reactions most likely during the call, by reaction."""
    if offer.repayment_amount or offer.repayment_terms.strip():
        repayment = _repayment_sentence(offer).replace(" Who should I arrange that with?", "")
        repayment += " Tell me what you need from me and I will settle it promptly."
    else:
        repayment = (
            "I will honour everything my agreement says. Could you tell me who to "
            "contact, so I can settle anything that is owed promptly?"
        )
    return {
        "counter_offer": "Thank you, that is generous. My decision is not about money, and it "
        "is final. I would not want to accept and then not give the role everything it needs.",
        "why": "It was a hard decision: the other position is the right step for my career. "
        "I would rather not compare the two; it is not a judgement of you or the team.",
        "anger": "I understand, and you have every right to be disappointed. I am sorry. I "
        "wanted to tell you myself, as soon as I knew, so you can move on as quickly as possible.",
        "reconsider": "I have thought about it carefully and my decision is final. Taking the "
        "role without being fully committed would not be fair to you.",
        "repayment": repayment,
    }


# After the call --------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusChange:
    """A change of an offer's status proposed after the call; applied only once confirmed."""

    offer: Offer
    status: str
    description: str

    def apply(self, today: datetime.date) -> None:
        self.offer.status = self.status
        if self.status == Offer.Status.ACCEPTED and self.offer.accepted_on is None:
            self.offer.accepted_on = today


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
