import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


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
