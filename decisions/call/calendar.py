"""The planned calls as calendar events: the employer first, then the agency if one placed you.

A call marked done, or one whose decision no longer backs out, keeps its UIDs and is sent as
``STATUS:CANCELLED`` without its alarm (the SEQUENCE rises with the plan's last change), so a
calendar that imported or subscribed to it stops reminding.
"""

import datetime

from decisions.call.steps import steps_of_plan
from decisions.models import CallPlan
from offers.calendar import new_calendar, reminder_event, sequence

CALL_LENGTH = datetime.timedelta(minutes=20)
REMIND_BEFORE = datetime.timedelta(minutes=30)


def _who(contact) -> str:
    if contact is None:
        return "(nobody chosen yet)"
    return f"{contact.name}, {contact.get_role_display()}, phone {contact.phone or 'not recorded'}"


def _call_event(uid, summary, start, contact, description, now, *, by_phone, changed, closed):
    if closed:
        summary = f"{closed}: {summary}"
    event = reminder_event(
        uid,
        summary,
        start,
        description,
        now,
        length=CALL_LENGTH,
        remind_before=REMIND_BEFORE,
        sequence=changed,
        cancelled=bool(closed),
    )
    if by_phone and contact and contact.phone:
        event.add("location", f"Phone: {contact.phone}")
    return event


def _closed(plan: CallPlan, still_backing_out: bool) -> str:
    """ "Done" or "Cancelled" for a call no longer to make, else ""."""
    if plan.done_at is not None:
        return "Done"
    return "" if still_backing_out else "Cancelled"


def steps_text(steps) -> str:
    """The steps in order with their state, as lines of the event's description."""
    lines = [f"{n}. {step.text}: {step.state_words.lower()}" for n, step in enumerate(steps, 1)]
    return "Your steps, in order:\n" + "\n".join(lines) + "\n"


def call_calendar(
    plan: CallPlan,
    zone,
    now,
    plan_link: str,
    print_link: str,
    skipped,
    still_backing_out=True,
    card_link: str = "",
):
    """The call to the employer (and to the agency, when there is one and a time is set), with
    the plan's steps (``decisions.call.steps``; ``skipped``: the names of those the user chose to
    go ahead without). ``still_backing_out`` False: the decision changed, the calls are
    cancelled. ``card_link``: the call card, named first among the links and opened from the
    event when given."""
    decision, offer = plan.decision, plan.decision.committed_offer
    closed = _closed(plan, still_backing_out)
    steps = steps_of_plan(decision, plan, dict.fromkeys(skipped))
    changed = sequence(plan.updated, decision.updated, offer.updated, decision.chosen_offer.updated)
    first = {
        "Done": "You made this call and marked it done: nothing more to do.\n",
        "Cancelled": "Your decision no longer backs out of this offer: no call to make.\n",
        "": "",
    }[closed]
    # The call card first: what to open on the phone when the reminder rings.
    card = ""
    if card_link and not closed:
        card = f"Your call card (number, opening words, answers): {card_link}\n"
    cal = new_calendar("-//Crossroads//Call plan//EN")
    summary = (
        f"Call {plan.contact.name} ({offer.company})" if plan.contact else f"Call {offer.company}"
    )
    cal.add_component(
        _call_event(
            f"call-plan-{plan.pk}@crossroads",
            summary,
            plan.scheduled_at.astimezone(zone),
            plan.contact,
            f"{first}Call {_who(plan.contact)}.\n"
            f"Tell them you will not continue as {offer.role} at {offer.company}: early, "
            "plainly, humbly and briefly. Offer names of people who could fill the role.\n"
            f"{steps_text(steps)}"
            f"{card}"
            f"Your script: {print_link}\nYour plan: {plan_link}",
            now,
            by_phone=plan.channel == CallPlan.Channel.PHONE,
            changed=changed,
            closed=closed,
        )
    )
    if offer.agency_name and plan.agency_call_at:
        cal.add_component(
            _call_event(
                f"call-plan-{plan.pk}-agency@crossroads",
                f"Call {offer.agency_name} about {offer.company}",
                plan.agency_call_at.astimezone(zone),
                plan.agency_contact,
                f"{first}Call {_who(plan.agency_contact)}.\nTell the agency you will not "
                f"continue as {offer.role} at {offer.company}, and thank them.\n"
                f"{card}Your plan: {plan_link}",
                now,
                by_phone=True,
                changed=changed,
                closed=closed,
            )
        )
    for event in cal.walk("VEVENT"):
        # The card while the call is to make; the plan (its follow-ups) once it is done.
        event.add("url", plan_link if closed else card_link or plan_link)
    cal.add_missing_timezones()
    return cal
