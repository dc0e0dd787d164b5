import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from crossroads import dates
from crossroads.text import LONG_TEXT_LIMIT
from offers import compensation, exchange, fields, leaving_cost, rules, timeline

# Each feature's models live in its package, imported here so that Django finds them.
from offers.asks.models import TimeAsk  # noqa: F401
from offers.contacts.models import Contact, get_contact_for_user  # noqa: F401
from offers.promises.models import Promise  # noqa: F401
from offers.querysets import IN_PLAY, OfferQuerySet  # noqa: F401
from offers.rates.models import ExchangeRate  # noqa: F401
from offers.terms.models import LeavingTerms  # noqa: F401
from offers.withdrawals.models import Withdrawal  # noqa: F401

# The days a person enters (``fields.day_field``): the database keeps them in range too.
DAYS = ["expected_on", "received_on", "respond_by", "accepted_on", "start_date"]
DAYS += ["repayment_paid_on", "repayment_until", "terms_reviewed_on"]


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
    location = fields.text_field(None, "City or office. Leave empty for fully remote work.")
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

    expected_on = fields.day_field(
        "offer expected on",
        "Needed when the offer is still expected: the day the recruiter said it would come.",
    )
    received_on = fields.day_field("offer received on", "Needed once the offer is received.")
    respond_by = fields.day_field(
        "answer needed by",
        "How long the offer stays open: the day it expires. If they have not said, ask the "
        "recruiter; it cannot be before you received it.",
    )
    accepted_on = fields.day_field(None, "Needed once you have accepted, signed or started.")
    start_date = fields.day_field(None, "Your first day. It cannot be before you accepted.")

    currency = models.CharField(
        max_length=3,
        default="USD",
        help_text="Every amount below is in it. Type its code or name to jump to it.",
    )
    base_salary = fields.amount_field(
        "base salary per year",
        "Before tax, in the offer's currency. Leave empty if you do not know it yet.",
    )
    target_bonus = fields.optional_number_field(
        "target bonus per year, as an amount",
        "Fill in this or the percentage below, not both.",
        **fields.MONEY_DIGITS,
    )
    target_bonus_percent = fields.optional_number_field(
        "target bonus per year, as a % of base salary",
        f"For example 10 for a bonus of 10% of base salary; at most {rules.MAX_BONUS_PERCENT}.",
        max_digits=7,
        decimal_places=2,
    )
    signing_bonus = fields.amount_field(None, "Paid once, counted in the first year.")
    equity_value = fields.amount_field(
        "equity grant value",
        "The value of the whole grant (shares or options) when it was offered.",
    )
    vesting_years = models.PositiveSmallIntegerField(
        "vesting period (years)",
        default=4,
        help_text="How many years until the whole grant is yours ({} to {}).".format(
            *rules.VESTING_YEARS
        ),
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
    benefits_value = fields.amount_field(
        "benefits value per year",
        "What pension, health cover and other perks are worth to you each year.",
    )
    yearly_raise_percent = fields.percentage_field(
        "expected yearly raise (%)", "Used to project salary over four years; 0 if unsure."
    )
    equity_discount_percent = fields.percentage_field(
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

    # The repayment clause: its wording as the contract puts it, and what ``leaving_cost`` reads.
    repayment_amount = fields.amount_field(
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
    repayment_paid_on = fields.day_field(
        "paid on", "Only when the money is paid on a date of its own."
    )
    repayment_ends = models.CharField(
        "how the obligation runs out",
        max_length=12,
        choices=RepaymentEnds.choices,
        default=RepaymentEnds.UNTIL_DATE,
        help_text="All of it until a date, or a share that shrinks each month you stay.",
    )
    repayment_until = fields.day_field(
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
    repayment_terms = fields.notes_field(
        "the clause's wording",
        "The sentence from the contract, word for word, if you have it. Signing or relocation "
        "bonuses often have to be paid back if you leave within a year or two.",
    )
    notice_period = fields.text_field(
        None, "For example: one month, or two weeks during probation.", max_length=100
    )
    written_offer_in_hand = fields.tick_field(
        "I have the offer in writing", "A formal offer by letter or e-mail, not a phone call."
    )
    conditions_cleared = fields.tick_field(
        "its conditions are cleared (background check, references)",
        "Tick once nothing can still hold the offer back.",
    )
    start_date_confirmed = fields.tick_field(
        "the start date is confirmed",
        "Tick once the employer has confirmed your first day in writing.",
    )
    terms_reviewed = fields.tick_field(
        "a lawyer or adviser has reviewed the terms",
        "Worth doing before you back out of a signed contract.",
    )
    terms_reviewed_on = fields.day_field("reviewed on", "When the review happened.")
    agency_name = fields.text_field(
        "recruiting agency",
        "If a recruiting or staffing agency placed you, its name: you would call them too if you "
        "changed your mind.",
    )
    notes = fields.notes_field(
        None, f"Anything else worth remembering (up to {LONG_TEXT_LIMIT:,} characters)."
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

    # Part of the example loaded from the empty dashboard: badged everywhere, removed in one go.
    is_example = models.BooleanField(default=False, editable=False)

    cost_of_living_factor = fields.optional_number_field(
        "cost of living there, as a factor",
        "Optional, your own estimate from {} to {}: how much living where this job is costs "
        "compared with a place you know. 1.15 means 15% dearer, so the money is shown divided by "
        "1.15 beside the real figures.".format(*exchange.COST_OF_LIVING_RANGE),
        max_digits=4,
        decimal_places=2,
    )
    tax_rate_percent = fields.optional_number_field(
        "estimated tax rate (%)",
        "Optional, your own rough estimate from {} to {}: the share of this money you expect to "
        "pay in tax, for a rough after-tax line. Not tax advice.".format(
            *exchange.TAX_PERCENT_RANGE
        ),
        max_digits=4,
        decimal_places=1,
    )

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["company", "role"]
        constraints = [
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
                condition=fields.within(
                    "target_bonus_percent", 0, rules.MAX_BONUS_PERCENT, empty=True
                ),
            ),
            models.CheckConstraint(
                name="offer_one_kind_of_bonus",
                condition=Q(target_bonus__isnull=True) | Q(target_bonus_percent__isnull=True),
            ),
            models.CheckConstraint(
                name="offer_vesting_in_range",
                condition=fields.within("vesting_years", *rules.VESTING_YEARS)
                & Q(cliff_months__lte=models.F("vesting_years") * 12),
            ),
            models.CheckConstraint(
                name="offer_repayment_months_in_range",
                condition=fields.within(
                    "repayment_months", 1, leaving_cost.MAX_PRO_RATA_MONTHS, empty=True
                ),
            ),
            models.CheckConstraint(
                name="offer_percentages_in_range",
                condition=fields.within("yearly_raise_percent", *rules.PERCENT)
                & fields.within("equity_discount_percent", *rules.PERCENT),
            ),
            models.CheckConstraint(
                name="offer_adjustments_in_range",
                condition=fields.within(
                    "cost_of_living_factor", *exchange.COST_OF_LIVING_RANGE, empty=True
                )
                & fields.within("tax_rate_percent", *exchange.TAX_PERCENT_RANGE, empty=True),
            ),
            *dates.in_range("offer", days=DAYS, moments=["accepted_despite_expected_at"]),
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


def get_offer_for_user(user, pk, queryset=None) -> Offer:
    """One of the user's offers (with its contacts, or what ``queryset`` loads); else a 404."""
    queryset = Offer.objects.prefetch_related("contacts") if queryset is None else queryset
    return get_object_or_404(queryset, pk=pk, owner=user)
