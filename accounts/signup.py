"""Signing up: confirmed by e-mail where e-mail reaches people, made at once where it does not.

With a mail server, signing up tells no one which e-mail addresses have an account. Every sign-up
answers "check your e-mail" and sends one e-mail. To a new address it sends a link that creates
the account; to an address that already has one it sends a note to its owner instead (their
username, and how to log in or reset the password). Both do the same work, hashing the password
included, so neither the page nor the time it takes tells them apart.

With no mail server (e-mails printed in the terminal the app runs in: a first try on a laptop), a
link would never arrive: the account is made at once, and an address in use is said to be.
"""

from django.contrib.auth.hashers import make_password
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse

from crossroads import mail
from crossroads.mail import send_templated_mail
from crossroads.models import LINK_LIFETIME, PendingSignup, User
from reminders.models import ReminderSettings

TOKEN_SALT = "crossroads.signup"


class SignupRefused(Exception):
    """The account cannot be created; the message says why, in words for the person, and
    ``field`` names the sign-up form's field it is about."""

    def __init__(self, message: str, field: str = "username"):
        super().__init__(message)
        self.field = field


def sign_up(request, answers: dict) -> User | None:
    """Act on the sign-up form's ``answers`` (username, email, password1, time_zone and
    number_format): the new account when it is made at once (e-mail is off), else ``None`` once
    the e-mail is sent."""
    if mail.is_delivered():
        start_signup(request, answers)
        return None
    pending = PendingSignup(
        username=answers["username"],
        email=answers["email"],
        password=make_password(answers["password1"]),
        time_zone=answers["time_zone"],
        number_format=answers["number_format"],
    )
    return create_account(pending)


def start_signup(request, answers: dict) -> None:
    """Send the e-mail that finishes signing up with ``answers`` (see ``sign_up``)."""
    username, email = answers["username"], answers["email"]
    hashed = make_password(answers["password1"])
    owner = User.objects.filter(email__iexact=email).first()
    if owner is not None:
        context = {
            "username": owner.get_username(),
            "login_url": request.build_absolute_uri(reverse("login")),
            "reset_url": request.build_absolute_uri(reverse("password_reset")),
        }
        send_templated_mail("registration/signup_exists", email, context)
        return
    with transaction.atomic():
        # An earlier sign-up with this address, never confirmed: the newest one's link wins.
        PendingSignup.objects.filter(email__iexact=email).delete()
        pending = PendingSignup.objects.create(
            username=username,
            email=email,
            password=hashed,
            time_zone=answers["time_zone"],
            number_format=answers["number_format"],
        )
    link = reverse(
        "signup_confirm", args=[signing.TimestampSigner(salt=TOKEN_SALT).sign(pending.pk)]
    )
    send_templated_mail(
        "registration/signup_confirm",
        email,
        {
            "username": username,
            "link": request.build_absolute_uri(link),
            "days": LINK_LIFETIME.days,
        },
    )


def pending_signup(token: str) -> PendingSignup | None:
    """The sign-up a link points at, if the link is genuine, not expired and not yet used."""
    try:
        pk = signing.TimestampSigner(salt=TOKEN_SALT).unsign(token, max_age=LINK_LIFETIME)
    except signing.BadSignature:
        return None
    return PendingSignup.objects.filter(pk=pk).first()


def create_account(pending: PendingSignup) -> User:
    """Turn a confirmed sign-up into an account (an unsaved one: made at once); refused if its
    name or address was taken since."""
    try:
        with transaction.atomic():
            if User.objects.filter(username__iexact=pending.username).exists():
                raise SignupRefused(
                    f"Someone took the username {pending.username} after you signed up. "
                    "Sign up again with another one."
                )
            if User.objects.filter(email__iexact=pending.email).exists():
                raise SignupRefused(_address_in_use(pending), field="email")
            user = User.objects.create(
                username=pending.username,
                email=pending.email,
                password=pending.password,
                time_zone=pending.time_zone,
                number_format=pending.number_format,
            )
            ReminderSettings.objects.create(user=user)  # reminders on, as the sign-up page says
            if pending.pk is not None:
                pending.delete()
    except IntegrityError:  # the same username confirmed at the same moment
        raise SignupRefused(
            f"Someone took the username {pending.username} after you signed up. "
            "Sign up again with another one."
        ) from None
    return user


def _address_in_use(pending: PendingSignup) -> str:
    if pending.pk is None:  # made at once: the person is asking now
        return "An account already uses this e-mail address. Log in to it, or use another address."
    return (
        "An account with this e-mail address was created after you signed up. "
        "Log in to it, or reset its password."
    )
