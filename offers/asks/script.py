"""Whom to speak to, and short honest words for the conversations that resolve a clash.

Plain functions over offers and contacts, free of requests and templates. The drafts never
claim what is not so, and name the other company only when the user chooses to.
"""

from urllib.parse import quote

from crossroads.formats import format_date

RECRUITER, HIRING_MANAGER = "recruiter", "hiring_manager"

WHY_CALL = (
    "A short call is the best way to ask: it is warmer than an e-mail and you hear the answer "
    "at once. Afterwards, an e-mail that confirms what you agreed leaves no doubt about the date."
)


def default_contact(contacts):
    """The person to speak to about timing: the recruiter, otherwise the hiring manager."""
    for role in (RECRUITER, HIRING_MANAGER):
        for contact in contacts:
            if contact.role == role:
                return contact
    return None


def _other(other, names_other: bool) -> str:
    return f"from {other.company}" if names_other and other is not None else "from another company"


def more_time(offer, other, until, names_other: bool = False) -> str:
    """Asking ``offer``'s company to wait for an answer until ``until``."""
    lines = [
        f"Thank you again for the offer for the {offer.role} role. I am very interested, and I "
        "want to give you a considered answer.",
    ]
    if other is not None and other.expected_on:
        lines.append(
            f"I am also expecting an offer {_other(other, names_other)} around "
            f"{format_date(other.expected_on)}, and I would like to compare them properly before "
            "I decide."
        )
    else:
        lines.append(
            "I am still in another process, and I would like to decide with all the facts."
        )
    if offer.respond_by:
        lines.append(
            f"Could I have until {format_date(until)} to give you my answer, instead of "
            f"{format_date(offer.respond_by)}?"
        )
    else:
        lines.append(f"Could I have until {format_date(until)} to give you my answer?")
    lines.append(
        "If that is not possible, please tell me what would work for you. Either way, I will "
        "keep you posted and will not keep you waiting past that date."
    )
    return "\n\n".join(lines)


def heads_up(offer, held, names_other: bool = False) -> str:
    """Telling the recruiter of ``offer`` (still expected) about ``held``'s deadline."""
    lines = [f"I wanted to keep you up to date about my timing for the {offer.role} role."]
    if held is not None and held.respond_by:
        lines.append(
            f"I have an offer {_other(held, names_other)} that I need to answer by "
            f"{format_date(held.respond_by)}."
        )
    else:
        lines.append(f"I have an offer {_other(held, names_other)} that I need to answer soon.")
    lines.append(
        "Your role is one I am keen on, so I wanted you to know before that date rather than "
        "after it. Is there any chance your offer could come before then? If not, a rough idea "
        "of when it will come would help me a lot."
    )
    return "\n\n".join(lines)


def start_later(offer, free, start_on) -> str:
    """Asking ``offer``'s company to let the user start on ``start_on``, after the notice at
    the current job (``free``: ``offers.terms.page.free_day``, or None) ends."""
    lines = [f"Thank you again for the offer for the {offer.role} role. I am keen to join you."]
    if free is not None:
        lines.append(
            f"My notice period at my current job ends on {format_date(free['last_day'])}, "
            "so I cannot start before then."
        )
    else:
        lines.append("I have a notice period to work at my current job first.")
    asked = f"Could my start date be {format_date(start_on)}"
    if offer.start_date:
        asked += f", instead of {format_date(offer.start_date)}"
    lines.append(asked + "?")
    lines.append("If that does not work for you, please tell me what would. Thank you.")
    return "\n\n".join(lines)


def confirmation(ask) -> str:
    """A short e-mail after the conversation, confirming what was agreed."""
    offer = ask.offer
    if ask.kind == "more_time":
        agreed = f"giving me until {format_date(ask.new_date)} to answer your offer"
    elif ask.kind == "start_later":
        agreed = f"agreeing that I start on {format_date(ask.new_date)}"
    else:
        agreed = f"aiming to send your offer by {format_date(ask.new_date)}"
    closing = (
        "I look forward to it." if ask.kind == "start_later" else "I will be in touch by then."
    )
    return f"Thank you for speaking with me, and for {agreed} for the {offer.role} role. {closing}"


def confirmation_mailto(ask) -> str:
    """A mailto: address that opens the confirmation e-mail, written, for the contact; "" when
    there is nobody to write to."""
    if ask.contact is None or not ask.contact.email:
        return ""
    subject = f"Confirming our conversation about the {ask.offer.role} offer"
    return (
        f"mailto:{quote(ask.contact.email, safe='@')}?subject={quote(subject)}"
        f"&body={quote(confirmation(ask))}"
    )
