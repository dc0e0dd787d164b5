"""The planned calls as calendar events: the employer first, then the agency if one placed you."""

import datetime

from decisions.models import CallPlan
from offers.calendar import new_calendar, reminder_event

CALL_LENGTH = datetime.timedelta(minutes=20)
REMIND_BEFORE = datetime.timedelta(minutes=30)


def _who(contact) -> str:
    if contact is None:
        return "(nobody chosen yet)"
    return f"{contact.name}, {contact.get_role_display()}, phone {contact.phone or 'not recorded'}"


def _call_event(uid, summary, start, contact, description, now, by_phone=True):
    event = reminder_event(
        uid, summary, start, description, now, length=CALL_LENGTH, remind_before=REMIND_BEFORE
    )
    if by_phone and contact and contact.phone:
        event.add("location", f"Phone: {contact.phone}")
    return event


def call_calendar(plan: CallPlan, zone, now, plan_link: str, print_link: str):
    """The call to the employer (and to the agency, when there is one and a time is set)."""
    offer = plan.decision.committed_offer
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
            f"Call {_who(plan.contact)}.\n"
            f"Tell them you will not continue as {offer.role} at {offer.company}: early, "
            "plainly, humbly and briefly. Offer names of people who could fill the role.\n"
            f"Your script: {print_link}\nYour plan: {plan_link}",
            now,
            by_phone=plan.channel == CallPlan.Channel.PHONE,
        )
    )
    if offer.agency_name and plan.agency_call_at:
        cal.add_component(
            _call_event(
                f"call-plan-{plan.pk}-agency@crossroads",
                f"Call {offer.agency_name} about {offer.company}",
                plan.agency_call_at.astimezone(zone),
                plan.agency_contact,
                f"Call {_who(plan.agency_contact)}.\nTell the agency you will not continue as "
                f"{offer.role} at {offer.company}, and thank them.\nYour plan: {plan_link}",
                now,
            )
        )
    cal.add_missing_timezones()
    return cal
