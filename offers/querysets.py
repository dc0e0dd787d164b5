"""Which of a user's offers, and in which order: the QuerySet behind ``Offer.objects``. It reads
the model's own status rules through ``self.model``; ``offers/models.py`` attaches it."""

import datetime

from django.db import models
from django.db.models import Case, F, Q, When
from django.db.models.functions import Coalesce

from offers import calendar, compensation

# The list's filter for the offers still open or committed, beside one status at a time.
IN_PLAY = "in_play"


def figures_entered() -> Q:
    """``compensation.has_figures`` as a condition for the database: some money entered."""
    entered = Q()
    for name in compensation.MONEY_FIELDS:
        entered |= Q(**{f"{name}__gt": 0})
    return entered


class OfferQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(owner=user)

    def committed(self):
        return self.filter(status__in=self.model.COMMITTED_STATUSES)

    def examples(self):
        """The offers of the example a user loaded to try the app (``accounts/example.py``)."""
        return self.filter(is_example=True)

    def with_figures(self):
        """Offers with money entered: ``compensation.has_figures`` asked of the database."""
        return self.filter(figures_entered())

    def in_play(self):
        """Offers still open or committed: the ones whose dates matter."""
        return self.filter(status__in=self.model.IN_PLAY_STATUSES)

    def outlines(self, with_totals=True) -> list:
        """The offers as :class:`OfferOutline`: what the timeline and the dashboard read. The
        dashboard compares every offer's four years, and asks whether any owes a withdrawal
        not told yet; the timeline shows the money of a few clashes only (``headlines()``), so
        it leaves them out (``four_year_headline`` None)."""
        # It borrows Offer's methods, and its SQL is made from Offer's fields: made after Offer.
        from offers.outlines import OfferOutline, has_figures, untold_withdrawal

        if not with_totals:
            return [OfferOutline(*row) for row in self.values_list(*OfferOutline.FIELDS)]
        rows = self.with_four_year_headline().annotate(
            has_figures=has_figures(), owes_withdrawal=untold_withdrawal()
        )
        columns = (*OfferOutline.FIELDS, *OfferOutline.ASKED)
        return [OfferOutline(*row) for row in rows.values_list(*columns)]

    def headlines(self, pks) -> dict:
        """The four-year headline (``with_four_year_headline``) of each offer in ``pks``, by pk:
        one query, for the few offers a page shows."""
        found = self.filter(pk__in=pks).with_four_year_headline()
        return dict(found.values_list("pk", "four_year_headline"))

    def with_four_year_headline(self):
        """Each offer's four years as its table prints them (``compensation.headline``), added
        up by the database as ``four_year_headline`` (tests/offers/test_four_year_total.py
        checks they agree), so the offer worth most is found without pricing each in Python."""
        from offers.outlines import four_year_headline  # the SQL is made from Offer's fields

        return self.annotate(four_year_headline=four_year_headline())

    def in_calendar(self, now: datetime.datetime):
        """The offers a calendar file is made of: those in play, and those changed lately, whose
        closed dates are still sent as cancelled (``calendar.KEEP_CANCELLED``)."""
        recent = now - calendar.KEEP_CANCELLED
        return self.filter(Q(status__in=self.model.IN_PLAY_STATUSES) | Q(updated__gte=recent))

    def shown_by(self, status_filter: str):
        """The offers a list filter asks for: "" for all, ``IN_PLAY``, or one status."""
        return self.filter(self.shown_by_condition(status_filter))

    def shown_by_condition(self, status_filter: str) -> Q:
        """``shown_by`` as a condition (empty for all), to count what a filter shows in a query
        that reads every offer."""
        if not status_filter:
            return Q()
        if status_filter == IN_PLAY:
            return Q(status__in=self.model.IN_PLAY_STATUSES)
        return Q(status=status_filter)

    def by_nearest_date(self, today: datetime.date):
        """Offers whose next date is soonest first, then those whose date has passed (the most
        recent first), then those with no date at all. The date that counts depends on the
        status: arrival for an expected offer, the deadline for one received, the start date
        for one accepted, signed or started."""
        key_date = Case(
            When(status=self.model.Status.EXPECTED, then=Coalesce("expected_on", "respond_by")),
            When(status=self.model.Status.RECEIVED, then=F("respond_by")),
            When(status__in=self.model.COMMITTED_STATUSES, then=F("start_date")),
            default=None,
            output_field=models.DateField(),
        )
        # The dates to come, soonest first; then (none to come: null, after them) the dates
        # passed, the most recent first; then the offers with no date at all.
        to_come = Case(When(key_date__gte=today, then="key_date"), output_field=models.DateField())
        return (
            self.annotate(key_date=key_date)
            .annotate(date_to_come=to_come)
            .order_by(
                F("date_to_come").asc(nulls_last=True),
                F("key_date").desc(nulls_last=True),
                "company",
                "role",
                "pk",
            )
        )
