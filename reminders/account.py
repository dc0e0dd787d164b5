"""The reminders' part of the account page."""

from django.urls import reverse

from reminders.forms import ReminderSettingsForm
from reminders.models import CalendarFeed, ReminderSettings

# The new address lives in the session only until the account page has shown it once.
NEW_TOKEN_KEY = "reminders_new_feed_token"


def feed_addresses(request, token: str) -> dict:
    https = request.build_absolute_uri(reverse("reminders:feed", args=[token]))
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}


def account_context(request) -> dict:
    token = request.session.pop(NEW_TOKEN_KEY, None)
    return {
        "calendar_feed": CalendarFeed.objects.filter(user=request.user).first(),
        "new_feed": feed_addresses(request, token) if token else None,
        "reminder_form": ReminderSettingsForm(instance=ReminderSettings.for_user(request.user)),
    }
