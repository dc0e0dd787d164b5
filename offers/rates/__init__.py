"""Exchange rates the user sets, and the home currency they convert into: the pages, and loading
them for every page that compares money (two queries, whatever the number of rates)."""

from dataclasses import dataclass

from django.db.models import Max

from offers import exchange


@dataclass(frozen=True)
class MoneyTerms:
    """What a page needs to compare money honestly: the user's home currency and rates."""

    home: str
    rates: exchange.Rates

    def compare(self, totals, no_figures=()) -> exchange.Comparison:
        return exchange.compare(totals, self.home, self.rates, no_figures)


def money_terms(user, offer_currencies=None, shown=None) -> MoneyTerms:
    """The user's home currency and rates. ``offer_currencies`` are the currencies of all the
    user's offers when the caller has them loaded already; otherwise they are read (one query).
    ``shown`` (optional) are the currencies of the money the page compares: money in one
    currency is compared in it (``exchange.compare``), nothing is converted, and the rates are
    not read (one query fewer)."""
    from offers.models import ExchangeRate, Offer

    if offer_currencies is None:
        offer_currencies = Offer.objects.for_user(user).values_list("currency", flat=True)
    home = exchange.comparison_currency(user, list(offer_currencies))
    if shown is not None and len(set(shown)) <= 1:
        return MoneyTerms(home=home, rates=exchange.Rates())
    return MoneyTerms(home=home, rates=ExchangeRate.objects.for_user(user).as_rates())


def recent_currencies(user, limit: int = 5) -> list[str]:
    """The currencies of the user's offers, the most recently added first."""
    return list(
        user.offers.values("currency")
        .annotate(last_added=Max("created"))
        .order_by("-last_added", "currency")
        .values_list("currency", flat=True)[:limit]
    )
