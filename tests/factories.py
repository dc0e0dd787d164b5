"""Plain factory functions for tests: each makes one object with sensible defaults."""

import datetime
import uuid
from decimal import Decimal

from crossroads.models import User
from decisions.models import DEFAULT_FACTORS, Decision, Factor
from offers.models import Contact, Offer

PASSWORD = "correct-horse-battery-staple"


def make_user(username: str, **fields) -> User:
    fields.setdefault("email", f"{username}@example.com")
    return User.objects.create_user(username=username, password=PASSWORD, **fields)


def make_offer(owner, **fields) -> Offer:
    fields.setdefault("company", "Acme Analytics")
    fields.setdefault("role", "Data Engineer")
    fields.setdefault("status", Offer.Status.RECEIVED)
    fields.setdefault("currency", "USD")
    fields.setdefault("base_salary", Decimal("100000"))
    if fields["status"] in Offer.COMMITTED_STATUSES:
        fields.setdefault("accepted_on", datetime.date.today() - datetime.timedelta(days=10))
    return Offer.objects.create(owner=owner, **fields)


def make_contact(offer, **fields) -> Contact:
    fields.setdefault("name", "Jordan Reyes")
    fields.setdefault("role", Contact.Role.HIRING_MANAGER)
    fields.setdefault("phone", "+1 555 0100")
    return Contact.objects.create(offer=offer, **fields)


def make_decision(owner, offers, **fields) -> Decision:
    """A decision comparing ``offers``, with the five default factors at weight 3."""
    fields.setdefault("title", "Stay or switch?")
    fields.setdefault("committed_offer", next((o for o in offers if o.is_committed()), None))
    decision = Decision.objects.create(owner=owner, **fields)
    decision.offers.set(offers)
    Factor.objects.bulk_create(
        Factor(decision=decision, name=name, position=i, is_compensation=(i == 0))
        for i, name in enumerate(DEFAULT_FACTORS)
    )
    return decision


def signup_link(message) -> str:
    """The link in a sign-up e-mail that creates the account (opened, then confirmed by POST)."""
    import re

    return re.search(r"https?://\S+/signup/confirm/\S+/", message.body).group()


def confirm_signup(client) -> None:
    """Do what the owner of the address does: open the last sign-up e-mail's link and confirm."""
    from django.core import mail

    client.post(signup_link(mail.outbox[-1]))


def with_token(url: str) -> str:
    """A create page's address as the browser is sent to it, with its form's token
    (``crossroads/once.py``): the page itself rather than the redirect that gives one."""
    return f"{url}{'&' if '?' in url else '?'}once={uuid.uuid4()}"
