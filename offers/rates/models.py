"""An exchange rate the user set, from one currency into their home currency."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.shortcuts import get_object_or_404

from crossroads import dates
from offers import exchange


class ExchangeRateQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(owner=user)

    def as_rates(self) -> exchange.Rates:
        return exchange.Rates(rate.as_rate() for rate in self)


class ExchangeRate(models.Model):
    """One rate the user set: one unit of ``currency`` is ``rate`` of ``home_currency``."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exchange_rates"
    )
    currency = models.CharField(
        "currency", max_length=3, help_text="The three-letter ISO code, such as USD."
    )
    home_currency = models.CharField(
        "worth in", max_length=3, help_text="Your home currency when you set the rate."
    )
    rate = models.DecimalField(
        "rate",
        max_digits=20,
        decimal_places=10,
        help_text="How much of your home currency one unit of this currency is worth, such as "
        "0.92. Use a point or a comma for the decimals.",
    )
    taken_on = models.DateField(
        "rate taken on",
        help_text="The day you looked the rate up; after 30 days the pages remind you it may "
        "have moved.",
        validators=[dates.validate_day],
    )
    source = models.CharField(
        "where it came from",
        max_length=200,
        blank=True,
        help_text="Optional: your bank, a newspaper, a currency site.",
    )
    updated = models.DateTimeField(auto_now=True)

    objects = ExchangeRateQuerySet.as_manager()

    class Meta:
        ordering = ["currency", "home_currency"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "currency", "home_currency"], name="exchange_rate_one_per_pair"
            ),
            models.CheckConstraint(name="exchange_rate_positive", condition=Q(rate__gt=0)),
            *dates.in_range("exchange_rate", days=["taken_on"]),
            models.CheckConstraint(
                name="exchange_rate_two_currencies",
                condition=~Q(currency=F("home_currency")),
            ),
        ]

    def __str__(self):
        return str(self.as_rate())

    def as_rate(self) -> exchange.Rate:
        return exchange.Rate(
            self.currency, self.home_currency, self.rate, self.taken_on, self.source
        )


def get_rate_for_user(user, pk) -> ExchangeRate:
    """One of the user's rates; anyone else's is a 404."""
    return get_object_or_404(ExchangeRate, pk=pk, owner=user)
