import datetime
import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Case, F, IntegerField, Q, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from offers import compensation, timeline

MONEY = {"max_digits": 14, "decimal_places": 2}


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

    def open(self):
        """Offers still waiting for the user's answer."""
        return self.filter(status__in=[Offer.Status.EXPECTED, Offer.Status.RECEIVED])

    def committed(self):
        return self.filter(status__in=Offer.COMMITTED_STATUSES)

    def in_play(self):
        """Offers still open or committed: the ones whose dates matter."""
        return self.filter(status__in=[*Offer.OPEN_STATUSES, *Offer.COMMITTED_STATUSES])

    def shown_by(self, status_filter: str):
        """The offers a list filter asks for: "" for all, "in_play", or one status."""
        if not status_filter:
            return self
        if status_filter == "in_play":
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
        SIGNED = "signed", "Signed"
        STARTED = "started", "Started"
        DECLINED = "declined", "Declined"
        BACKED_OUT = "backed_out", "Backed out"
        WITHDRAWN = "withdrawn", "Withdrawn by employer"
        EXPIRED = "expired", "Expired"

    class WorkMode(models.TextChoices):
        ON_SITE = "on_site", "On-site"
        HYBRID = "hybrid", "Hybrid"
        REMOTE = "remote", "Remote"

    class VestingSchedule(models.TextChoices):
        EVEN = "even", "Even: the same share every year"
        CUSTOM = "custom", "My own yearly percentages"

    OPEN_STATUSES = (Status.EXPECTED, Status.RECEIVED)
    COMMITTED_STATUSES = (Status.ACCEPTED, Status.SIGNED, Status.STARTED)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="offers"
    )
    company = models.CharField(max_length=200)
    role = models.CharField(max_length=200)
    location = models.CharField(max_length=200, blank=True)
    work_mode = models.CharField(max_length=10, choices=WorkMode.choices, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RECEIVED)

    expected_on = models.DateField("offer expected on", null=True, blank=True)
    received_on = models.DateField("offer received on", null=True, blank=True)
    respond_by = models.DateField("answer needed by", null=True, blank=True)
    accepted_on = models.DateField(null=True, blank=True)
    start_date = models.DateField(null=True, blank=True)

    currency = models.CharField(max_length=3, default="USD")
    base_salary = models.DecimalField("base salary per year", default=Decimal(0), **MONEY)
    target_bonus = models.DecimalField("target bonus per year", null=True, blank=True, **MONEY)
    target_bonus_percent = models.DecimalField(
        "target bonus as % of base", max_digits=7, decimal_places=2, null=True, blank=True
    )
    signing_bonus = models.DecimalField(default=Decimal(0), **MONEY)
    equity_value = models.DecimalField("equity grant value", default=Decimal(0), **MONEY)
    vesting_years = models.PositiveSmallIntegerField(default=4)
    cliff_months = models.PositiveSmallIntegerField(default=12)
    vesting_schedule = models.CharField(
        max_length=10, choices=VestingSchedule.choices, default=VestingSchedule.EVEN
    )
    # Yearly percentages for a custom schedule, such as [5, 15, 40, 40]; they add up to 100.
    vesting_percentages = models.JSONField(default=list, blank=True)
    benefits_value = models.DecimalField("benefits value per year", default=Decimal(0), **MONEY)
    yearly_raise_percent = models.DecimalField(
        "expected yearly raise (%)", max_digits=5, decimal_places=2, default=Decimal(0)
    )
    equity_discount_percent = models.DecimalField(
        "discount on equity not yet liquid (%)", max_digits=5, decimal_places=2, default=Decimal(0)
    )

    repayment_terms = models.TextField("what must be paid back if you leave early", blank=True)
    repayment_amount = models.DecimalField("amount at stake", default=Decimal(0), **MONEY)
    repayment_until = models.DateField("repayable until", null=True, blank=True)
    notice_period = models.CharField(max_length=100, blank=True)
    written_offer_in_hand = models.BooleanField("offer in writing", default=False)
    conditions_cleared = models.BooleanField(
        "conditions cleared (background check, references)", default=False
    )
    start_date_confirmed = models.BooleanField(default=False)
    terms_reviewed = models.BooleanField("terms legally reviewed", default=False)
    terms_reviewed_on = models.DateField("terms reviewed on", null=True, blank=True)
    agency_name = models.CharField("recruiting agency", max_length=200, blank=True)
    notes = models.TextField(blank=True)

    # The one-time token of the add form this offer came from: posting that form again (Back and
    # Save, a double click, a second tab) finds this offer instead of adding another.
    form_token = models.UUIDField(null=True, blank=True, editable=False)

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
                name="offer_percentages_in_range",
                condition=Q(yearly_raise_percent__gte=0, yearly_raise_percent__lte=100)
                & Q(equity_discount_percent__gte=0, equity_discount_percent__lte=100),
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

    def days_until_deadline(self, today: datetime.date | None = None) -> int | None:
        if self.respond_by is None:
            return None
        return (self.respond_by - (today or timezone.localdate())).days

    def deadline_state(self, today: datetime.date | None = None) -> str | None:
        """ "soon" (within 48 hours) or "passed" while the answer is still owed, else None."""
        if not self.is_open():
            return None
        return timeline.deadline_state(self.days_until_deadline(today))

    def dates_in_play(self, today: datetime.date | None = None) -> list[timeline.Event]:
        return timeline.events_for(self, today or timezone.localdate())

    def vesting_percentages_text(self) -> str:
        """The custom schedule as people type it: "5/15/40/40"."""
        return "/".join(str(p) for p in self.vesting_percentages)

    def first_year_total(self):
        return compensation.first_year_total(self.package())

    def four_year_total(self):
        return compensation.four_year_total(self.package())

    def package(self) -> compensation.Package:
        """The money of this offer, for the framework-free compensation module."""
        return compensation.Package(
            currency=self.currency,
            base_salary=self.base_salary,
            target_bonus=self.target_bonus,
            target_bonus_percent=self.target_bonus_percent,
            signing_bonus=self.signing_bonus,
            equity_value=self.equity_value,
            vesting_years=self.vesting_years,
            cliff_months=self.cliff_months,
            vesting_percentages=tuple(Decimal(str(p)) for p in self.vesting_percentages)
            if self.vesting_schedule == self.VestingSchedule.CUSTOM
            else (),
            benefits_value=self.benefits_value,
            yearly_raise_percent=self.yearly_raise_percent,
            equity_discount_percent=self.equity_discount_percent,
        )


class Contact(models.Model):
    class Role(models.TextChoices):
        RECRUITER = "recruiter", "Recruiter"
        HIRING_MANAGER = "hiring_manager", "Hiring manager"
        HR = "hr", "HR"
        AGENCY = "agency", "Agency"
        OTHER = "other", "Other"

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.RECRUITER)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"
