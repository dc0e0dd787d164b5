import functools
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


@functools.cache
def time_zone_choices() -> tuple:
    """Every time zone the system knows. Listing them walks the time zone database on disk
    (several milliseconds), and the list does not change while the app runs: so, once."""
    return tuple((name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones()))


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
