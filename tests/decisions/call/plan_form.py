"""What the call plan's tests share: its addresses and its forms as a person fills them in (each
part's page takes its own fields from the whole)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from decisions.models import PreparedAnswer


def plan_url(decision):
    return reverse("decisions:call", args=[decision.pk])


def section_url(decision, section):
    """The page that edits one part of the plan: when, words or answers."""
    return reverse(f"decisions:call_{section}", args=[decision.pk])


def local(moment, user):
    return moment.astimezone(user.zone()).strftime("%Y-%m-%dT%H:%M")


def plan_data(user, contact=None, when=None, **overrides):
    data = {
        "contact": contact.pk if contact else "",
        "scheduled_at": local(when, user) if when else "",
        "channel": "phone",
        "opening": "Hello Morgan, thank you for taking my call.",
        "news": "I will not be joining Northwind Freight after all.",
        "reason": "It was a hard decision, and the right one for my career.",
        "apology": "I am sorry.",
        "help_offer": "I can suggest two people.",
        "logistics": "",
        "closing": "Thank you.",
    }
    for reaction in PreparedAnswer.Reaction:
        data[f"answer_{reaction.value}"] = f"My answer when {reaction.label.lower()}"
    data.update(overrides)
    return data


def tomorrow():
    return timezone.now() + datetime.timedelta(days=1)


def error_page(response):
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    return content
