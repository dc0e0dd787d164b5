"""The letter that confirms in writing the notice given in the call: its draft (the date, the
notice period, the last day, thanks) and recording that it was sent. Where the law or the
contract says notice is given in writing (``steps.needs_letter``), the plan ends with it."""

import datetime

from django import forms
from django.db import transaction

from crossroads.dates import limit_dates
from crossroads.errors import require, use_own_messages
from crossroads.formats import format_date
from decisions.call.models import NoticeLetter
from decisions.call.plans import call_day, plan_or_draft
from decisions.call.steps import needs_letter
from offers.fields import DayField
from offers.terms.page import free_day


def notice_day(plan, today: datetime.date) -> datetime.date:
    """The day the notice is given: the day of the call once it is planned, never before today."""
    if plan is not None and plan.scheduled_at is not None:
        return max(call_day(plan), today)
    return today


def draft(decision, plan, given_on: datetime.date, signature: str = "") -> str:
    """The letter, in plain words; the user prints it, signs it and sends it."""
    offer = decision.committed_offer
    contact = plan.contact if plan is not None else None
    greeting = f"Dear {contact.name}," if contact else f"Dear {offer.company} team,"
    free = free_day(offer, given_on)
    if free is None:
        notice = (
            "with the notice period set out in my contract. Please confirm my last day under "
            "the contract"
        )
    else:
        notice = (
            f"with the notice period of {free['period']}. By my count, my last day under the "
            f"contract is {format_date(free['last_day'])}, unless we agree on an earlier one"
        )
    lines = [
        format_date(given_on),
        greeting,
        f"As I told you when we spoke, I am ending my employment contract for the {offer.role} "
        f"role at {offer.company}, {notice}.",
        "Thank you for your trust and for the time you have given me. I am sorry to bring you "
        "this news, and I wish you and the team all the best.",
        "Yours sincerely,",
        signature or "[your name and handwritten signature]",
    ]
    return "\n\n".join(lines)


def record_sent(decision, sent_on: datetime.date, text: str, now) -> NoticeLetter:
    """Log that the letter was sent (once: sending it again changes the day and the words)."""
    with transaction.atomic():
        letter, _ = NoticeLetter.objects.update_or_create(
            decision=decision, defaults={"sent_on": sent_on, "text": text, "logged_at": now}
        )
    decision.notice_letter = letter
    return letter


class LetterSentForm(forms.Form):
    """When the letter was sent; the letter itself is the one the page shows."""

    sent_on = DayField(
        label="The day you sent it",
        help_text=NoticeLetter._meta.get_field("sent_on").help_text,
    )

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.initial.setdefault("sent_on", today)
        use_own_messages(self)
        require(self, {"sent_on": "Enter the day you sent the letter."})
        limit_dates(self)

    def clean_sent_on(self):
        day = self.cleaned_data["sent_on"]
        if day > self.today:
            raise forms.ValidationError(
                "The day you sent it cannot be in the future: record it once it is sent."
            )
        return day


def letter_page(decision, user, form, today: datetime.date) -> dict:
    """The printable letter with the form that logs it sent."""
    # A draft plan suggests whom to call: the letter goes to them too.
    plan = plan_or_draft(decision)
    sent = getattr(decision, "notice_letter", None)
    given_on = notice_day(plan, today)
    offer = decision.committed_offer
    return {
        "decision": decision,
        "committed": offer,
        "new_offer": decision.chosen_offer,
        "sent": sent,
        "letter": sent.text if sent else draft(decision, plan, given_on, user.get_full_name()),
        "free": free_day(offer, given_on),
        "needed": needs_letter(offer),
        "form": form,
    }
