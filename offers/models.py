import datetime
import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Case, F, IntegerField, Q, When
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from crossroads.text import LONG_TEXT_LIMIT
from offers import calendar, compensation, exchange, leaving_cost, timeline

# A feature's models live in its package. Imported here so that Django finds them, and so that
# ``from offers.models import TimeAsk`` works as it always has.
from offers.asks.models import TimeAsk  # noqa: F401
from offers.rates.models import ExchangeRate  # noqa: F401

MONEY = {"max_digits": 14, "decimal_places": 2}
# The list's filter for the offers still open or committed, beside one status at a time.
IN_PLAY = "in_play"


def _amount(verbose_name, help_text):
    """An amount of money in the offer's currency; 0 until it is known."""
    return models.DecimalField(verbose_name, default=Decimal(0), help_text=help_text, **MONEY)


def _percentage(verbose_name, help_text):
    """A percentage from 0 to 100 with two decimals; 0 unless given."""
    return models.DecimalField(
        verbose_name, max_digits=5, decimal_places=2, default=Decimal(0), help_text=help_text
    )


def _day(verbose_name, help_text):
    """A date that may not be known yet."""
    return models.DateField(verbose_name, null=True, blank=True, help_text=help_text)


def _tick(verbose_name, help_text):
    """A step towards being ready to switch: not done until ticked."""
    return models.BooleanField(verbose_name, default=False, help_text=help_text)


class OfferQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(owner=user)

    def added_with(self, token) -> "Offer | None":
        """The offer an add form with this token already created, if any."""
        try:
            token = uuid.UUID(str(token))
        except ValueError:
            return None
        return self.filter(form_token=token).first()

    def committed(self):
        return self.filter(status__in=Offer.COMMITTED_STATUSES)

    def examples(self):
        """The offers of the example a user loaded to try the app (``offers/example.py``)."""
        return self.filter(is_example=True)

    def in_play(self):
        """Offers still open or committed: the ones whose dates matter."""
        return self.filter(status__in=Offer.IN_PLAY_STATUSES)

    def outlines(self, with_totals=True) -> list:
        """The offers as :class:`OfferOutline`: what the timeline and the dashboard read. The
        dashboard compares every offer's four years; the timeline shows the money of a few
        clashes only (``headlines()``), so it leaves them out (``four_year_headline`` None)."""
        from offers.outlines import OfferOutline  # it borrows Offer's methods: made after Offer

        if not with_totals:
            return [OfferOutline(*row) for row in self.values_list(*OfferOutline.FIELDS[:-1])]
        rows = self.with_four_year_headline().values_list(*OfferOutline.FIELDS)
        return [OfferOutline(*row) for row in rows]

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
        return self.filter(Q(status__in=Offer.IN_PLAY_STATUSES) | Q(updated__gte=recent))

    def shown_by(self, status_filter: str):
        """The offers a list filter asks for: "" for all, ``IN_PLAY``, or one status."""
        if not status_filter:
            return self
        if status_filter == IN_PLAY:
            return self.in_play()
        return self.filter(status=status_filter)

    def by_nearest_date(self, today: datetime.date):
        """Offers whose next date is soonest first, then those whose date has passed (the most
        recent first), then those with no date at all. The date that counts depends on the
        status: arrival for an expected offer, the deadline for one received, the start date
        for one accepted, signed or started."""
        key_date = Case(
            When(status=Offer.Status.EXPECTED, then=Coalesce("expected_on", "respond_by")),
            When(status=Offer.Status.RECEIVED, then=F("respond_by")),
            When(status__in=Offer.COMMITTED_STATUSES, then=F("start_date")),
            default=None,
            output_field=models.DateField(),
        )
        date_group = Case(
            When(key_date__gte=today, then=0),
            When(key_date__lt=today, then=1),
            default=2,
            output_field=IntegerField(),
        )
        return (
            self.annotate(key_date=key_date)
            .annotate(date_group=date_group)
            .order_by(
                "date_group",
                Case(When(date_group=0, then="key_date")).asc(),
                F("key_date").desc(nulls_last=True),
                "company",
                "role",
                "pk",
            )
        )


class Offer(models.Model):
    class Status(models.TextChoices):
        EXPECTED = "expected", "Expected"
        RECEIVED = "received", "Received"
        ACCEPTED = "accepted", "Accepted"
        SIGNED = leaving_cost.SIGNED, "Signed"
        STARTED = leaving_cost.STARTED, "Started"
        DECLINED = "declined", "Declined"
        BACKED_OUT = "backed_out", "Backed out"
        WITHDRAWN = "withdrawn", "Withdrawn by employer"
        EXPIRED = "expired", "Expired"

    class WorkMode(models.TextChoices):
        ON_SITE = "on_site", "On-site"
        HYBRID = "hybrid", "Hybrid"
        REMOTE = "remote", "Remote"

    class VestingSchedule(models.TextChoices):
        EVEN = compensation.EVEN, "Even: the same share every year"
        CUSTOM = compensation.CUSTOM, "My own yearly percentages"

    OPEN_STATUSES = (Status.EXPECTED, Status.RECEIVED)
    COMMITTED_STATUSES = (Status.ACCEPTED, Status.SIGNED, Status.STARTED)
    IN_PLAY_STATUSES = (*OPEN_STATUSES, *COMMITTED_STATUSES)
    # The date each status needs; closed offers need none.
    DATE_FOR_STATUS = {
        Status.EXPECTED: "expected_on",
        Status.RECEIVED: "received_on",
        **dict.fromkeys(COMMITTED_STATUSES, "accepted_on"),
    }

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="offers"
    )
    company = models.CharField(
        max_length=200, help_text="The employer's name, as you would say it."
    )
    role = models.CharField(max_length=200, help_text="The job title in the offer.")
    location = models.CharField(
        max_length=200, blank=True, help_text="City or office. Leave empty for fully remote work."
    )
    work_mode = models.CharField(
        "where you would work",
        max_length=10,
        choices=WorkMode.choices,
        blank=True,
        help_text="On-site, hybrid or remote.",
    )
    status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.RECEIVED,
        help_text="Where this offer stands now. Some answers need a date below.",
    )

    expected_on = _day(
        "offer expected on",
        "Needed when the offer is still expected: the day the recruiter said it would come.",
    )
    received_on = _day("offer received on", "Needed once the offer is received.")
    respond_by = _day(
        "answer needed by",
        "How long the offer stays open: the day it expires. If they have not said, ask the "
        "recruiter; it cannot be before you received it.",
    )
    accepted_on = _day(None, "Needed once you have accepted, signed or started.")
    start_date = _day(None, "Your first day. It cannot be before you accepted.")

    currency = models.CharField(
        max_length=3,
        default="USD",
        help_text="Every amount below is in it. Type its code or name to jump to it.",
    )
    base_salary = _amount(
        "base salary per year",
        "Before tax, in the offer's currency. Leave empty if you do not know it yet.",
    )
    target_bonus = models.DecimalField(
        "target bonus per year, as an amount",
        null=True,
        blank=True,
        help_text="Fill in this or the percentage below, not both.",
        **MONEY,
    )
    target_bonus_percent = models.DecimalField(
        "target bonus per year, as a % of base salary",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="For example 10 for a bonus of 10% of base salary; at most 1000.",
    )
    signing_bonus = _amount(None, "Paid once, counted in the first year.")
    equity_value = _amount(
        "equity grant value",
        "The value of the whole grant (shares or options) when it was offered.",
    )
    vesting_years = models.PositiveSmallIntegerField(
        "vesting period (years)",
        default=4,
        help_text="How many years until the whole grant is yours (1 to 10).",
    )
    cliff_months = models.PositiveSmallIntegerField(
        "cliff (months)",
        default=12,
        help_text="Nothing vests before the cliff; at the cliff, everything accrued so far vests "
        "at once. 0 for no cliff.",
    )
    vesting_schedule = models.CharField(
        max_length=10,
        choices=VestingSchedule.choices,
        default=VestingSchedule.EVEN,
        help_text="Even means the same share every year.",
    )
    # Yearly percentages for a custom schedule, such as [5, 15, 40, 40]; they add up to 100.
    vesting_percentages = models.JSONField(default=list, blank=True)
    benefits_value = _amount(
        "benefits value per year",
        "What pension, health cover and other perks are worth to you each year.",
    )
    yearly_raise_percent = _percentage(
        "expected yearly raise (%)", "Used to project salary over four years; 0 if unsure."
    )
    equity_discount_percent = _percentage(
        "discount on equity not yet sellable (%)",
        "For a private company, how much less than face value you think the shares are "
        "worth to you; 0 for listed shares.",
    )

    class RepaymentFor(models.TextChoices):
        SIGNING_BONUS = "signing_bonus", "Signing bonus"
        RELOCATION = "relocation", "Relocation"
        TRAINING = "training", "Training"
        OTHER = "other", "Something else"

    class RepaymentPaid(models.TextChoices):
        ON_SIGNING = leaving_cost.ON_SIGNING, "When you sign"
        ON_START = leaving_cost.ON_START, "On your first day"
        ON_DATE = leaving_cost.ON_DATE, "On a date"

    class RepaymentEnds(models.TextChoices):
        UNTIL_DATE = leaving_cost.UNTIL_DATE, "All of it, until a date"
        PRO_RATA = leaving_cost.PRO_RATA, "Less each month: pro rata over a number of months"

    # The repayment clause: what must be paid back if you leave early. The wording is the
    # clause as the contract puts it; the rest is what the app computes with
    # (``offers.leaving_cost``).
    repayment_amount = _amount(
        "amount to pay back",
        "The most you could have to pay back if you left early; leave empty if nothing has to "
        "be paid back.",
    )
    repayment_for = models.CharField(
        "what it pays back",
        max_length=20,
        choices=RepaymentFor.choices,
        default=RepaymentFor.SIGNING_BONUS,
        help_text="A signing bonus, relocation money, training paid for you, or something else.",
    )
    repayment_paid = models.CharField(
        "when that money is paid to you",
        max_length=12,
        choices=RepaymentPaid.choices,
        default=RepaymentPaid.ON_START,
        help_text="Money never paid to you is never owed: a bonus paid on your first day costs "
        "nothing if you leave before it.",
    )
    repayment_paid_on = _day("paid on", "Only when the money is paid on a date of its own.")
    repayment_ends = models.CharField(
        "how the obligation runs out",
        max_length=12,
        choices=RepaymentEnds.choices,
        default=RepaymentEnds.UNTIL_DATE,
        help_text="All of it until a date, or a share that shrinks each month you stay.",
    )
    repayment_until = _day(
        "repayable until",
        "For “all of it, until a date”: after this day nothing has to be paid back.",
    )
    repayment_months = models.PositiveSmallIntegerField(
        "over how many months from your first day",
        null=True,
        blank=True,
        help_text=f"For pro rata: 1 to {leaving_cost.MAX_PRO_RATA_MONTHS} months; after six of "
        "twelve months, half is still owed.",
    )
    repayment_terms = models.TextField(
        "the clause's wording",
        blank=True,
        help_text="The sentence from the contract, word for word, if you have it. Signing or "
        "relocation bonuses often have to be paid back if you leave within a year or two.",
    )
    notice_period = models.CharField(
        max_length=100,
        blank=True,
        help_text="For example: one month, or two weeks during probation.",
    )
    written_offer_in_hand = _tick(
        "I have the offer in writing", "A formal offer by letter or e-mail, not a phone call."
    )
    conditions_cleared = _tick(
        "its conditions are cleared (background check, references)",
        "Tick once nothing can still hold the offer back.",
    )
    start_date_confirmed = _tick(
        "the start date is confirmed",
        "Tick once the employer has confirmed your first day in writing.",
    )
    terms_reviewed = _tick(
        "a lawyer or adviser has reviewed the terms",
        "Worth doing before you back out of a signed contract.",
    )
    terms_reviewed_on = _day("reviewed on", "When the review happened.")
    agency_name = models.CharField(
        "recruiting agency",
        max_length=200,
        blank=True,
        help_text="If a recruiting or staffing agency placed you, its name: you would call them "
        "too if you changed your mind.",
    )
    notes = models.TextField(
        blank=True,
        help_text=f"Anything else worth remembering (up to {LONG_TEXT_LIMIT:,} characters).",
    )
    knows_other_processes = models.CharField(
        "does the company know you are in other processes?",
        max_length=8,
        choices=[("yes", "Yes, they know"), ("no", "No, not yet")],
        blank=True,
        help_text="Companies can often move faster, or wait a little, when they know.",
    )
    # Set when the user accepted although another offer was expected soon after the deadline
    # (the offer form warned them); the wizard's risk mentions it.
    accepted_despite_expected_at = models.DateTimeField(null=True, blank=True)
    accepted_despite_expected_offer = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # The one-time token of the add form this offer came from: posting that form again (Back and
    # Save, a double click, a second tab) finds this offer instead of adding another.
    form_token = models.UUIDField(null=True, blank=True, editable=False)
    # Part of the example loaded from the empty dashboard: badged everywhere, removed in one go.
    is_example = models.BooleanField(default=False, editable=False)

    cost_of_living_factor = models.DecimalField(
        "cost of living there, as a factor",
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Optional, your own estimate from 0.2 to 5: how much living where this job is "
        "costs compared with a place you know. 1.15 means 15% dearer, so the money is shown "
        "divided by 1.15 beside the real figures.",
    )
    tax_rate_percent = models.DecimalField(
        "estimated tax rate (%)",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Optional, your own rough estimate from 0 to 90: the share of this money you "
        "expect to pay in tax, for a rough after-tax line. Not tax advice.",
    )

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["company", "role"]
        constraints = [
            models.UniqueConstraint(fields=["form_token"], name="offer_form_token_used_once"),
            models.CheckConstraint(
                name="offer_money_not_negative",
                condition=Q(base_salary__gte=0)
                & Q(signing_bonus__gte=0)
                & Q(equity_value__gte=0)
                & Q(benefits_value__gte=0)
                & Q(repayment_amount__gte=0)
                & (Q(target_bonus__isnull=True) | Q(target_bonus__gte=0)),
            ),
            models.CheckConstraint(
                name="offer_bonus_percent_in_range",
                condition=Q(target_bonus_percent__isnull=True)
                | Q(target_bonus_percent__gte=0, target_bonus_percent__lte=1000),
            ),
            models.CheckConstraint(
                name="offer_one_kind_of_bonus",
                condition=Q(target_bonus__isnull=True) | Q(target_bonus_percent__isnull=True),
            ),
            models.CheckConstraint(
                name="offer_vesting_in_range",
                condition=Q(vesting_years__gte=1, vesting_years__lte=10)
                & Q(cliff_months__lte=models.F("vesting_years") * 12),
            ),
            models.CheckConstraint(
                name="offer_repayment_months_in_range",
                condition=Q(repayment_months__isnull=True)
                | Q(
                    repayment_months__gte=1, repayment_months__lte=leaving_cost.MAX_PRO_RATA_MONTHS
                ),
            ),
            models.CheckConstraint(
                name="offer_percentages_in_range",
                condition=Q(yearly_raise_percent__gte=0, yearly_raise_percent__lte=100)
                & Q(equity_discount_percent__gte=0, equity_discount_percent__lte=100),
            ),
            models.CheckConstraint(
                name="offer_adjustments_in_range",
                condition=(
                    Q(cost_of_living_factor__isnull=True)
                    | Q(
                        cost_of_living_factor__gte=exchange.COST_OF_LIVING_RANGE[0],
                        cost_of_living_factor__lte=exchange.COST_OF_LIVING_RANGE[1],
                    )
                )
                & (
                    Q(tax_rate_percent__isnull=True)
                    | Q(
                        tax_rate_percent__gte=exchange.TAX_PERCENT_RANGE[0],
                        tax_rate_percent__lte=exchange.TAX_PERCENT_RANGE[1],
                    )
                ),
            ),
        ]

    def __str__(self):
        return f"{self.role} at {self.company}"

    def get_absolute_url(self):
        return reverse("offers:detail", args=[self.pk])

    def is_committed(self) -> bool:
        return self.status in self.COMMITTED_STATUSES

    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def is_expected(self) -> bool:
        return self.status == self.Status.EXPECTED

    def is_in_play(self) -> bool:
        """Still open or committed: its dates matter."""
        return self.status in self.IN_PLAY_STATUSES

    def days_until_deadline(self, today: datetime.date | None = None) -> int | None:
        if self.respond_by is None:
            return None
        return (self.respond_by - (today or timezone.localdate())).days

    def deadline_state(self, today: datetime.date | None = None) -> timeline.Deadline | None:
        """Soon (within 48 hours) or passed while the answer is still owed, else None."""
        if not self.is_open():
            return None
        return timeline.deadline_state(self.days_until_deadline(today))

    def dates_in_play(self, today: datetime.date | None = None) -> list[timeline.Event]:
        return timeline.events_for(self, today or timezone.localdate())

    def has_repayment_clause(self) -> bool:
        return self.repayment_amount > 0

    def repayment_clause(self) -> leaving_cost.Clause:
        return leaving_cost.clause_of(self)

    def commitment(self) -> leaving_cost.Commitment:
        return leaving_cost.commitment_of(self)

    def owed_if_leaving_on(self, day: datetime.date) -> Decimal:
        """What leaving on ``day`` costs in money paid back (``offers.leaving_cost``)."""
        return leaving_cost.owed(self.repayment_clause(), self.commitment(), day)

    def why_nothing_owed(self, day: datetime.date) -> str | None:
        """``leaving_cost.NOT_PAID`` or ``RUN_OUT`` when leaving on ``day`` costs nothing."""
        return leaving_cost.why_nothing_owed(self.repayment_clause(), self.commitment(), day)

    def leaving_cost_table(self, today: datetime.date) -> list[leaving_cost.Moment]:
        return leaving_cost.table(self.repayment_clause(), self.commitment(), today)

    def repayment_summary(self) -> str:
        what = self.get_repayment_for_display()
        return leaving_cost.summary(self.repayment_clause(), what, self.currency)

    def package(self) -> compensation.Package:
        return compensation.package_of(self)


class Contact(models.Model):
    NOTES_LIMIT = 2000

    class Role(models.TextChoices):
        RECRUITER = "recruiter", "Recruiter"
        HIRING_MANAGER = "hiring_manager", "Hiring manager"
        HR = "hr", "HR"
        AGENCY = "agency", "Agency"
        OTHER = "other", "Other"

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200, help_text="The person's full name.")
    role = models.CharField(
        "their part in the offer",
        max_length=20,
        choices=Role.choices,
        default=Role.RECRUITER,
        help_text="Recruiter, hiring manager, HR, agency or someone else.",
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="With the country code if it is abroad. Calls beat e-mails for hard news.",
    )
    email = models.EmailField("e-mail address", blank=True, help_text="Optional.")
    notes = models.TextField(
        blank=True,
        help_text=f"What you talked about, when to call (up to {NOTES_LIMIT:,} characters).",
    )

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    def get_absolute_url(self):
        """People are shown, added and edited on their offer's page: this one's own place there,
        which the page focuses after an edit."""
        return reverse("offers:detail", args=[self.offer_id]) + f"#contact-{self.pk}"


def get_offer_for_user(user, pk) -> Offer:
    """One of the user's offers with its contacts; anyone else's is a 404."""
    return get_object_or_404(Offer.objects.prefetch_related("contacts"), pk=pk, owner=user)


def get_contact_for_user(user, offer_pk, pk) -> Contact:
    """One of the people on one of the user's offers; anyone else's is a 404."""
    return get_object_or_404(
        Contact.objects.select_related("offer"), pk=pk, offer_id=offer_pk, offer__owner=user
    )
