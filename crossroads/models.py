import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models

from offers.exchange import most_used_currency


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


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

    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    def comparison_currency(self, offer_currencies) -> str:
        """The home currency: the one chosen, else the one most of ``offer_currencies`` use
        (the currencies of the user's offers, loaded by the caller), else US dollars."""
        return self.home_currency or most_used_currency(offer_currencies, default="USD")
