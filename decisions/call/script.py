"""The apology call: whom to call, what stands in the way, and what to say.

Plain functions over offers and contacts, free of requests and templates, so the views,
the dashboard and the tests share one set of words.
"""

from crossroads.formats import format_date, format_money
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
