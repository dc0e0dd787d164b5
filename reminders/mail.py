"""A reminder as an e-mail: plain text and HTML from templates, in the user's time zone, with a
link to the page it is about and a one-click unsubscribe link signed for that user and kind."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from reminders.rules import SWITCH, Reminder

UNSUBSCRIBE_SALT = "reminders.unsubscribe"


def unsubscribe_token(user_id: int, switch: str) -> str:
    return signing.dumps([user_id, switch], salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """(user id, switch) from a token this app signed, or None for anything else."""
    try:
        user_id, switch = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(user_id, int) or switch not in SWITCH.values():
        return None
    return user_id, switch


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def message(reminder: Reminder, connection=None) -> EmailMultiAlternatives:
    user = reminder.user
    zone = user.zone()
    unsubscribe = absolute(
        reverse("reminders:unsubscribe", args=[unsubscribe_token(user.pk, SWITCH[reminder.kind])])
    )
    context = {
        **reminder.context,
        "user": user,
        "subject": reminder.subject,
        "link": absolute(reminder.path),
        "settings_link": absolute(reverse("account") + "#reminders"),
        "unsubscribe_link": unsubscribe,
        "time_zone": zone.key,
    }
    with timezone.override(zone):
        text = render_to_string(f"reminders/email/{reminder.kind}.txt", context)
        html = render_to_string(f"reminders/email/{reminder.kind}.html", context)
    email = EmailMultiAlternatives(
        reminder.subject,
        text,
        to=[user.email],
        connection=connection,
        headers={
            # RFC 8058: mail apps show an "Unsubscribe" button that POSTs here, no sign-in.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    email.attach_alternative(html, "text/html")
    return email
