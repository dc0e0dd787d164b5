import logging

from django.conf import settings
from django.core import checks
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# With no mail server set up (EMAIL_HOST unset), e-mails are printed in the terminal the app runs
# in: sign-up then makes the account at once instead of sending a link that cannot arrive.
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"


def is_delivered() -> bool:
    """Whether e-mails reach people's mailboxes (not only the terminal the app runs in)."""
    return settings.EMAIL_BACKEND != CONSOLE_BACKEND


@checks.register(checks.Tags.security, deploy=True)
def check_mail_server(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """`check --deploy`: a public site with e-mail off makes accounts for addresses unconfirmed."""
    if is_delivered():
        return []
    return [
        checks.Warning(
            "EMAIL_HOST is unset: e-mails are printed in the terminal, so sign-up makes accounts "
            "at once without confirming the address and says which addresses have one, and "
            "password resets and reminders reach no one.",
            hint="Set EMAIL_HOST (and EMAIL_HOST_USER, EMAIL_HOST_PASSWORD) to an SMTP server.",
            id="crossroads.W001",
        )
    ]


def templated_mail(template: str, email: str, context: dict) -> EmailMessage:
    """``<template>_subject.txt`` and ``<template>_email.txt`` written for ``email``."""
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    body = render_to_string(f"{template}_email.txt", context)
    return EmailMessage(subject, body, None, [email])


def send_quietly(message: EmailMessage, template: str) -> None:
    """A mail server that fails is logged, not shown: the page a person sees must not depend on
    whether the e-mail went out (nor say anything about the address)."""
    try:
        message.send()
    except Exception:
        logger.exception("Could not send the %s e-mail", template)


def send_templated_mail(template: str, email: str, context: dict) -> None:
    """Send ``<template>_subject.txt`` and ``<template>_email.txt`` to ``email``, quietly."""
    send_quietly(templated_mail(template, email, context), template)
