import datetime
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404

from crossroads.formats import DEFAULT_NUMBER_FORMAT


class CaseInsensitiveUserManager(UserManager):
    def get_by_natural_key(self, username):
        # "Alice" signs in as alice: a username is one name, however it is capitalised.
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


def username_for_lockouts(request, credentials=None) -> str | None:
    """The username django-axes counts failed logins against, in one case, so "Alice" and
    "alice" share one count."""
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get("username") if source else None
    return username.strip().casefold() if isinstance(username, str) else username


class User(AbstractUser):
    """A job seeker. E-mail is asked for at sign-up so a forgotten password can be reset."""

    time_zone = models.CharField(
        max_length=64,
        default=settings.TIME_ZONE,
        help_text="Deadlines, calendar events and call times are shown in this time zone.",
    )
    home_currency = models.CharField(
        max_length=3,
        blank=True,
        help_text="The currency offers in other currencies are converted into, with the rates "
        "you set. Left empty, it is the currency most of your offers use.",
    )

    number_format = models.CharField(
        max_length=16,
        default=DEFAULT_NUMBER_FORMAT,
        help_text="How you write numbers and amounts: the app reads and shows them this way.",
    )

    objects = CaseInsensitiveUserManager()

    class Meta(AbstractUser.Meta):
        constraints = [
            models.UniqueConstraint(
                Lower("username"),
                name="username_unique_ignoring_case",
                violation_error_message="A user with that username already exists.",
            )
        ]

    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)


# How long the link that confirms a sign-up works; the pending sign-up is removed after it.
LINK_LIFETIME = datetime.timedelta(days=3)


class PendingSignup(models.Model):
    """A sign-up waiting for the owner of its e-mail address to open the link sent there.

    The account is created only then, so an address can be claimed only by whoever reads its
    mail. The password is kept hashed, as on ``User``. ``manage.py expire_records`` removes
    pending sign-ups once their link has expired.
    """

    username = models.CharField(max_length=150)
    email = models.EmailField()
    password = models.CharField(max_length=128)
    time_zone = models.CharField(max_length=64, default=settings.TIME_ZONE)
    number_format = models.CharField(max_length=16, default=DEFAULT_NUMBER_FORMAT)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.username} (not yet confirmed)"


class PendingImport(models.Model):
    """An export file, checked, waiting for its owner to confirm the import on the preview page.

    ``manage.py expire_records`` removes those left unconfirmed for a day.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_imports"
    )
    data = models.JSONField()
    counts = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"import for {self.owner} from {self.created_at:%Y-%m-%d %H:%M}"


class ImportedFile(models.Model):
    """An export file imported into an account, known by a digest of its content: the same file
    imported again is refused rather than adding every record twice."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="imported_files"
    )
    digest = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "digest"], name="file_imported_once_per_account"
            )
        ]

    def __str__(self):
        return f"file imported by {self.owner} on {self.imported_at:%Y-%m-%d %H:%M}"


class SubmittedForm(models.Model):
    """A create form the server has carried out, known by the token of the page it was on
    (``crossroads/once.py``): the same form sent again lands on what it made, never making a
    second one. ``manage.py expire_records`` removes those older than ``SUBMITTED_FORM_LIFETIME``.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submitted_forms"
    )
    token = models.UUIDField()
    made_url = models.CharField(max_length=500)
    made_name = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "token"], name="form_submitted_once_per_owner")
        ]

    def __str__(self):
        return f"{self.made_name} (saved {self.created_at:%Y-%m-%d %H:%M})"


# How long a sent form is remembered: longer than a tab is left open before Back and Save.
SUBMITTED_FORM_LIFETIME = datetime.timedelta(days=30)


def get_pending_import_for_user(user, pk) -> PendingImport:
    return get_object_or_404(PendingImport, pk=pk, owner=user)
