import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.shortcuts import get_object_or_404


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class User(AbstractUser):
    """A job seeker. E-mail is asked for at sign-up so a forgotten password can be reset."""

    time_zone = models.CharField(
        max_length=64,
        default=settings.TIME_ZONE,
        help_text="Deadlines, calendar events and call times are shown in this time zone.",
    )

    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class PendingSignup(models.Model):
    """A sign-up waiting for the owner of its e-mail address to open the link sent there.

    The account is created only then, so an address can be claimed only by whoever reads its
    mail. The password is kept hashed, as on ``User``. ``manage.py expire_records`` removes
    pending sign-ups once their link has expired.
    """

    username = models.CharField(max_length=150)
    email = models.EmailField()
    password = models.CharField(max_length=128)
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


def get_pending_import_for_user(user, pk) -> PendingImport:
    return get_object_or_404(PendingImport, pk=pk, owner=user)
