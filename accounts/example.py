"""The example a new user can load to try Crossroads in their own account, and remove again.

Three offers tell the story the app is for: a job accepted that starts soon (with a hiring
manager to call and a signing bonus to repay), a better offer received whose answer is due in a
few days, and a third still expected, after that deadline. Every one is marked ``is_example``,
so pages badge it and ``remove_example`` finds exactly what to delete. Plain logic, no HTTP.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from crossroads.formats import local_currency
from crossroads.models import User
from decisions.models import Decision
from offers import changes
from offers.models import Contact, Offer


def _days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


# Units of each currency worth about one euro: rough example rates (December 2026), used only to
# give the example amounts that make sense in the user's currency. A currency not listed gets the
# example in euros, never euro figures under another currency's code.
EXAMPLE_RATES = {
    "EUR": 1, "USD": 1.1, "GBP": 0.85, "CHF": 0.95, "CZK": 25, "PLN": 4.3, "HUF": 400,
    "RON": 5, "BGN": 1.96, "SEK": 11.5, "NOK": 11.7, "DKK": 7.46, "ISK": 150, "CAD": 1.5,
    "AUD": 1.65, "NZD": 1.8, "JPY": 160, "CNY": 7.8, "INR": 90, "SGD": 1.45, "KRW": 1450,
    "BRL": 6, "MXN": 20, "ZAR": 20, "TRY": 35, "ILS": 4,
}  # fmt: skip
RATE_DATE = "December 2026"


def example_currency(user) -> str:
    """The user's home currency, else their country's, if the example has a rate for it."""
    currency = user.home_currency or local_currency(user.number_format)
    return currency if currency in EXAMPLE_RATES else "EUR"


def _in_currency(currency: str):
    """Euro amounts in ``currency`` at its example rate, to two significant figures."""
    rate = Decimal(str(EXAMPLE_RATES[currency]))

    def money(euros: int) -> Decimal:
        value = Decimal(euros) * rate
        rounded = value.quantize(Decimal(1).scaleb(value.adjusted() - 1), rounding=ROUND_HALF_UP)
        return rounded.quantize(Decimal(1))

    return money


def _offers(owner, today: datetime.date, currency: str) -> list[tuple[Offer, list[Contact]]]:
    start = today + _days(16)
    money = _in_currency(currency)
    accepted = Offer(
        company="Harbor Analytics",
        role="Data Engineer",
        location="Rotterdam",
        work_mode=Offer.WorkMode.HYBRID,
        status=Offer.Status.ACCEPTED,
        received_on=today - _days(24),
        respond_by=today - _days(17),
        accepted_on=today - _days(18),
        start_date=start,
        base_salary=money(82000),
        target_bonus_percent=Decimal(8),
        signing_bonus=money(6000),
        benefits_value=money(4000),
        yearly_raise_percent=Decimal(3),
        repayment_terms="The signing bonus must be paid back in full if I leave within the "
        "first twelve months.",
        repayment_amount=money(6000),
        repayment_until=start + _days(365),
        notice_period="One month",
        written_offer_in_hand=True,
        start_date_confirmed=True,
        notes="Example: the job you said yes to. It starts soon, and its signing bonus comes "
        "with strings attached."
        + (
            ""
            if currency == "EUR"
            else f" The example's amounts are euro figures at a rough example rate of "
            f"1 EUR = {EXAMPLE_RATES[currency]} {currency} ({RATE_DATE})."
        ),
    )
    better = Offer(
        company="Lumen Health",
        role="Senior Data Engineer",
        location="Amsterdam",
        work_mode=Offer.WorkMode.REMOTE,
        status=Offer.Status.RECEIVED,
        received_on=today - _days(2),
        respond_by=today + _days(3),
        start_date=start + _days(14),
        base_salary=money(96000),
        target_bonus_percent=Decimal(10),
        equity_value=money(40000),
        vesting_years=4,
        cliff_months=12,
        benefits_value=money(5000),
        yearly_raise_percent=Decimal(4),
        equity_discount_percent=Decimal(30),
        written_offer_in_hand=True,
        notes="Example: the better offer that arrived after you accepted. Its answer is due "
        "in three days.",
    )
    expected = Offer(
        company="Fieldstone Labs",
        role="Analytics Engineer",
        location="Utrecht",
        work_mode=Offer.WorkMode.ON_SITE,
        status=Offer.Status.EXPECTED,
        expected_on=today + _days(6),
        base_salary=money(90000),
        notes="Example: the recruiter said an offer should come next week, after Lumen "
        "Health's deadline.",
    )
    for offer in (accepted, better, expected):
        offer.owner, offer.currency, offer.is_example = owner, currency, True
    return [
        (
            accepted,
            [
                Contact(
                    name="Dana Whitfield",
                    role=Contact.Role.HIRING_MANAGER,
                    phone="+31 10 555 0134",
                    email="dana@harbor.example",
                    notes="Example: the person to call first if you change your mind.",
                )
            ],
        ),
        (
            better,
            [
                Contact(
                    name="Sam Okafor",
                    role=Contact.Role.RECRUITER,
                    phone="+31 20 555 0178",
                    email="sam@lumen.example",
                )
            ],
        ),
        (expected, [Contact(name="Noor Jansen", role=Contact.Role.RECRUITER)]),
    ]


@dataclass(frozen=True)
class Loaded:
    offers: list[Offer]
    added: bool  # False: the example was there already, nothing was added


def load_example(user, today: datetime.date) -> Loaded:
    """Add the example to ``user``'s account, in one transaction; if it is there already (a
    second click, a second tab), add nothing. Amounts are in the currency of the user's number
    format."""
    with transaction.atomic():
        # One load at a time per user: two posts at once would both find no example.
        User.objects.select_for_update().filter(pk=user.pk).get()
        existing = list(Offer.objects.for_user(user).examples())
        if existing:
            return Loaded(existing, added=False)
        made = _offers(user, today, example_currency(user))
        offers = Offer.objects.bulk_create(offer for offer, _ in made)
        # Its story is the past: what the offers owe follows from it (``offers.changes``).
        changes.record_history(offers)
        Contact.objects.bulk_create(
            _on(contact, offer)
            for offer, (_, contacts) in zip(offers, made, strict=True)
            for contact in contacts
        )
    return Loaded(offers, added=True)


def _on(contact: Contact, offer: Offer) -> Contact:
    contact.offer = offer
    return contact


def example_decisions(user):
    """The user's decisions that compare example offers only: they go with the example."""
    return (
        Decision.objects.for_user(user)
        .filter(offers__is_example=True)
        .exclude(offers__is_example=False)
        .distinct()
    )


@dataclass(frozen=True)
class Removed:
    offers: int
    decisions: int


def remove_example(user) -> Removed:
    """Delete the example offers (their contacts, asks, ratings and pros and cons go with
    them) and the decisions that compare only example offers, in one transaction. Nothing of
    the user's own is touched: a decision that also compares a real offer stays, without the
    example offers."""
    with transaction.atomic():
        decisions = list(example_decisions(user).values_list("pk", flat=True))
        Decision.objects.filter(pk__in=decisions).delete()
        _, deleted = Offer.objects.for_user(user).examples().delete()
    return Removed(offers=deleted.get(Offer._meta.label, 0), decisions=len(decisions))
