"""The apology call: whom to call, what stands in the way, and what to say.

Plain functions over offers and contacts, free of requests and templates, so the views,
the dashboard and the tests share one set of words.
"""

import datetime

from crossroads.formats import format_money
from decisions.wizard.risk import STARTED, commitment_stage
from offers import leaving_cost
from offers.models import Contact, Offer

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


# How ---------------------------------------------------------------------------------------------


def channel_advice(channel: str) -> str | None:
    """What to say about the chosen channel; only e-mail needs a word."""
    if channel == "email":
        return WHY_CALL_NOT_EMAIL
    return None


# What to say -------------------------------------------------------------------------------------
# The stage of the commitment on the day of the call decides every sentence about it, and money
# is mentioned only when leaving that day costs some (``offers.leaving_cost``).


def _has_started(offer: Offer, call_day: datetime.date) -> bool:
    stage = commitment_stage(offer.status, offer.start_date, call_day)
    return stage is not None and stage.kind == STARTED


def _mentions_relocation(offer: Offer) -> bool:
    if offer.has_repayment_clause() and offer.repayment_for == Offer.RepaymentFor.RELOCATION:
        return True
    text = f"{offer.repayment_terms} {offer.notes}".lower()
    return "relocat" in text or "moving" in text


def _owed_sentence(offer: Offer, call_day: datetime.date) -> str:
    """What the user owes if they leave on the day of the call; "" when nothing is owed."""
    owed = offer.owed_if_leaving_on(call_day)
    if not owed:
        return ""
    what = offer.get_repayment_for_display().lower()
    return f"Under my agreement I owe {format_money(owed, offer.currency)} back for the {what}."


def _nothing_owed_sentence(offer: Offer, call_day: datetime.date) -> str:
    """Why nothing is owed, in words that match the facts."""
    if offer.has_repayment_clause():
        if offer.why_nothing_owed(call_day) == leaving_cost.RUN_OUT:
            return (
                "As I read my agreement, the time in which it would have to be paid back is "
                "over, so nothing is owed. If you see it differently, tell me and I will look "
                "at it promptly."
            )
        return "Nothing has been paid to me yet, so there is nothing to return."
    if _has_started(offer, call_day):
        return (
            "I am not aware of anything I must pay back. If my agreement says otherwise, tell "
            "me and I will settle it promptly."
        )
    return "Nothing has been paid to me yet, so there is nothing to return."


def draft_logistics(offer: Offer, call_day: datetime.date | None = None) -> str:
    """The practical loose ends, from what the offer records, for a call on ``call_day``."""
    call_day = call_day or datetime.date.today()
    lines = []
    if _has_started(offer, call_day):
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
    if owed := _owed_sentence(offer, call_day):
        lines.append(f"{owed} Who should I arrange that with?")
    return "\n".join(lines)


def draft_script(
    offer: Offer,
    contact: Contact | None,
    new_offer: Offer | None = None,
    call_day: datetime.date | None = None,
) -> dict[str, str]:
    """A short, humble script in the user's own voice, one entry per section."""
    call_day = call_day or datetime.date.today()
    hello = f"Hello {contact.name.split()[0]}," if contact and contact.name.strip() else "Hello,"
    role, company = offer.role, offer.company
    if _has_started(offer, call_day):
        news = (
            f"I am calling to tell you that I have decided to leave my role as {role}. "
            "I wanted you to hear it from me directly, and as early as possible."
        )
    else:
        news = (
            f"I am calling to tell you that I will not be joining {company} as {role} "
            "after all. I wanted you to hear it from me directly, and as early as possible."
        )
    if new_offer is not None and new_offer.is_committed():
        took = "I have accepted another position"
    else:
        took = "I have decided to take another position"
    return {
        "opening": f"{hello} thank you for taking my call. I also want to thank you for the "
        f"time and trust you have given me during the process at {company}.",
        "news": news,
        "reason": f"It was a hard decision. {took} that I believe is the right step for my career.",
        "apology": "I am truly sorry for the trouble this causes you and the team, and for "
        "going back on my word. That was not easy for me, and I know it is not easy for you.",
        "help_offer": "If it helps, I would be glad to suggest a few people who could be a good "
        "fit for the role, and to introduce them to you.",
        "logistics": draft_logistics(offer, call_day),
        "closing": "Thank you again for understanding. I have a lot of respect for you and the "
        f"team at {company}, and I hope our paths cross again.",
    }


def draft_answers(offer: Offer, call_day: datetime.date | None = None) -> dict[str, str]:
    """Calm, short answers to the reactions most likely during the call, by reaction.

    They claim nothing about the user's reasons (money, the people, the work) that their own
    ratings or pros could contradict: the reason stays short and compares no employers."""
    call_day = call_day or datetime.date.today()
    started = _has_started(offer, call_day)
    if owed := _owed_sentence(offer, call_day):
        repayment = f"{owed} I will settle it promptly: tell me whom to arrange it with."
    else:
        repayment = _nothing_owed_sentence(offer, call_day)
    staying = "stay on" if started else "join"
    return {
        "counter_offer": "Thank you, that is kind of you. I have thought it through carefully "
        f"and my decision is final. I would not want to {staying} without being able to give "
        "the role everything it needs.",
        "why": "It was a hard decision: the other position is the right step for my career. "
        "I would rather not compare the two; it is not a judgement of you or the team.",
        "anger": "I understand, and you have every right to be disappointed. I am sorry. I "
        "wanted to tell you myself, as soon as I knew, so you can move on as quickly as possible.",
        "reconsider": "I have thought about it carefully and my decision is final. "
        + ("Staying" if started else "Taking the role")
        + " without being fully committed would not be fair to you.",
        "repayment": repayment,
    }
