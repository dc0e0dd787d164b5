import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def send_templated_mail(template: str, email: str, context: dict) -> None:
    """Send ``<template>_subject.txt`` and ``<template>_email.txt`` to ``email``.

    A mail server that fails is logged, not shown: the page a person sees must not depend on
    whether the e-mail went out (nor say anything about the address).
    """
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    body = render_to_string(f"{template}_email.txt", context)
    try:
        send_mail(subject, body, None, [email])
    except Exception:
        logger.exception("Could not send the %s e-mail", template)
