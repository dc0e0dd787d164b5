"""What the offer list and the timeline show: each page's context, assembled from the user's
offers in a fixed number of queries. Plain functions, no HTTP."""

import datetime

from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, ExpressionWrapper, Q, Value, When
from django.utils.html import format_html

from crossroads.formats import format_money
from offers import compensation, exchange, timeline
from offers.asks import records as ask_records
from offers.asks import rules as ask_rules
from offers.models import Offer
from offers.outlines import four_year_headline
from offers.querysets import figures_entered
from offers.rates import money_terms
from offers.templatetags import offer_badges, offer_dates
from offers.terms.clashes import notice_clashes
from offers.terms.models import LeavingTerms
from offers.withdrawals import records as withdrawal_records

OFFERS_PER_PAGE = 20
# What a row of the list reads of an offer: its names, status, dates and money.
LIST_FIELDS = (
    *("role", "company", "location", "status", "is_example"),
    *("expected_on", "respond_by", "start_date", *compensation.PACKAGE_FIELDS),
)
# What a notice clash reads of an offer to leave: its names, status, start date and location
# (the country's default notice), and all of its leaving terms.
NOTICE_FIELDS = (
    *("role", "company", "location", "status", "start_date"),
    *(f"leaving_terms__{field.name}" for field in LeavingTerms._meta.concrete_fields),
)


def offer_list(user, status: str, page_number, today: datetime.date) -> dict:
    """The page ``page_number`` of the user's offers shown by ``status``, nearest date first,
    with every offer in play's money compared."""
    # Every offer's currency (the comparison's currency depends on them all), whether the
    # filter shows it (the pages are counted from these) and, for the offers in play with
    # figures only, their four years added up by the database: one query. The best two in each
    # currency are compared (``exchange.leaders``), which finds the best of them all.
    compared = Q(status__in=Offer.IN_PLAY_STATUSES) & figures_entered()
    shown = Offer.objects.shown_by_condition(status)
    mine = (
        Offer.objects.for_user(user)
        .order_by()
        .annotate(
            total=Case(When(compared, then=four_year_headline())),
            shown=ExpressionWrapper(shown, output_field=BooleanField()) if shown else Value(True),
        )
    )
    money = list(mine.values_list("pk", "total", "currency", "shown"))
    offers = Offer.objects.for_user(user).filter(shown).by_nearest_date(today)
    paginator = Paginator(offers.only(*LIST_FIELDS), OFFERS_PER_PAGE)
    paginator.count = sum(1 for *_money, is_shown in money if is_shown)  # no query of its own
    page = paginator.get_page(page_number)
    totals = {pk: (total, cur) for pk, total, cur, _shown in money if total is not None}
    # Money in one currency converts nothing: the rates are read only for several.
    currencies = [currency for _pk, _total, currency, _shown in money]
    terms = money_terms(user, currencies, shown=[cur for _total, cur in totals.values()])
    comparison = terms.compare(exchange.leaders(totals))
    best = comparison.best()
    return {
        "status": status,
        "page": page,
        "rows": [_list_row(offer, today, comparison, terms, best, totals) for offer in page],
        "has_example": any(offer.is_example for offer in page),
        # With a filter on, "nothing matches" is said instead of inviting a first offer.
        "has_any": bool(status) or page.paginator.count > 0,
        "comparison": comparison,
        "best": best,
        "today": today,
    }


def _list_row(offer, today, comparison, terms, best, totals) -> dict:
    """One row of the list, its words and money written once here rather than by tags and
    filters in each cell (a page shows twenty rows). ``totals``: the four years the database
    added up for the offers compared (the same as ``compensation.headline``'s, which
    tests/offers/test_four_year_total.py checks), so only the others are priced here."""
    package = offer.package()
    figures = compensation.has_figures(package)
    first_year = four_years = None
    if figures:
        first_year = compensation.first_year(package)
        summed = totals.get(offer.pk)
        four_years = summed[0] if summed else compensation.headline(package)[1]
    # An offer in play with figures in another currency than the comparison's: every money
    # column converted, the same way.
    converts = figures and offer.is_in_play() and offer.currency != comparison.currency

    def converted(value):
        return terms.rates.convert(value, offer.currency, comparison.currency) if converts else None

    place = f"{offer.company}, {offer.location}" if offer.location else offer.company
    return {
        "offer": offer,
        "url": offer.get_absolute_url(),
        "place": place,
        "example_badge": offer_badges.example_badge(offer),
        "status_badge": offer_badges.status_badge(offer),
        "dates": [
            (event.label, offer_dates.event_when(event)) for event in offer.dates_in_play(today)
        ],
        "has_figures": figures,
        "first_year": format_money(first_year, offer.currency) if figures else None,
        "four_years": format_money(four_years, offer.currency) if figures else None,
        "first_year_converted": converted(first_year),
        "converted": converted(four_years),
        "is_best": offer.pk == best,
    }


def offer_timeline(user, page_number: int, every_clash: bool, today: datetime.date) -> dict:
    """The timeline's page ``page_number`` (0 has today) of the dates of the offers in play,
    with its clashes (all of them if ``every_clash``), their money and the asks about them."""
    everything = Offer.objects.for_user(user).outlines(with_totals=False)
    withdrawals = withdrawal_records.pending_among(user, everything)
    offers = withdrawal_records.still_weighed(
        [offer for offer in everything if offer.is_in_play()], withdrawals
    )
    page = timeline.window(offers, today, page_number, every_clash)
    # The money of the offers this page shows (its clashes compare it), not of every offer.
    totals = Offer.objects.for_user(user).headlines({o.pk for o in page.offers})
    asks = ask_records.asks_about(user, offers)
    # The clashes' money in one currency converts nothing: the rates are read only for several.
    clashing = [o.currency for clash in page.clashes for o in (clash.offer, clash.other)]
    terms = money_terms(user, [offer.currency for offer in everything], shown=clashing)
    leaving = Offer.objects.for_user(user).committed().filter(leaving_terms__isnull=False)
    leaving = leaving.select_related("leaving_terms").only(*NOTICE_FIELDS)
    notice = notice_clashes(leaving, offers, today)
    return {
        "notice_clashes": notice,
        "clash_total": page.clash_count + len(notice),
        "window": page,
        "events": page.events,
        "clash_rows": [
            (clash, clash_asks, clash.four_year_money(totals, terms.home, terms.rates))
            for clash, clash_asks in ask_rules.clashes_with_asks(page.clashes, asks)
        ],
        "asks": asks,
        "withdrawals": withdrawals,
        "rows": [_timeline_row(event, clash_number) for event, clash_number in page.rows()],
        "today": today,
        "today_index": page.today_index,
        "clashes": page.clashes,
        "in_play_count": len(offers),
        "has_any": bool(everything),
    }


def _timeline_row(event, clash_number) -> dict:
    """One date of the timeline, its day, link and badges written once here (a page shows
    fifteen)."""
    offer = event.offer
    return {
        "event": event,
        "clash_number": clash_number,
        "day": offer_dates.timeline_day(event),
        "url": offer.get_absolute_url(),
        "badges": format_html(
            "{}\n{}\n{}",
            offer_badges.status_badge(offer),
            offer_badges.example_badge(offer),
            offer_badges.deadline_badge(event.deadline_state),
        ),
    }
