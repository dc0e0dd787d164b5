"""The clauses of an offer's contract that matter for leaving it: notice periods, probation, an
exclusion of ending before the first day, a penalty for not starting, a non-compete; and where
the job is, which picks the country note (``offers/country_notes.py``). Every part is optional."""

from django.db import IntegrityError, models, transaction
from django.db.models import Q

from offers import country_notes, notice
from offers.fields import MONEY_DIGITS, within
from offers.terms.countries import validate_country

# The longest notice period people can enter, in each unit (24 months), and probation.
MAX_NOTICE = {notice.DAYS: 731, notice.WEEKS: 104, notice.MONTHS: 24}
MAX_NOTICE_MONTHS = 24
MAX_PROBATION_MONTHS = 12
MAX_NON_COMPETE_MONTHS = 60
# A penalty for not starting above this many months of base salary is a typing mistake.
MAX_PENALTY_MONTHS = 10
# The three notice periods: the prefix of their fields, and what they are called.
PERIODS = {
    "before_start": "before your first day",
    "probation_notice": "during probation",
    "notice": "after probation",
}


class Unit(models.TextChoices):
    DAYS = notice.DAYS, "days"
    WEEKS = notice.WEEKS, "weeks"
    MONTHS = notice.MONTHS, "months"


class To(models.TextChoices):
    ANY_DAY = notice.ANY_DAY, "Any day"
    MID_OR_END = notice.MID_OR_END, "15th or end of month"
    MONTH_END = notice.MONTH_END, "End of month"


def _amount(when: str, help_text: str):
    return models.PositiveSmallIntegerField(
        f"notice {when}", null=True, blank=True, help_text=help_text
    )


def _unit():
    return models.CharField("in", max_length=6, choices=Unit.choices, default=Unit.WEEKS)


def _to():
    return models.CharField(
        "ending on",
        max_length=10,
        choices=To.choices,
        default=To.ANY_DAY,
        blank=True,
        help_text="Some contracts end only on the 15th or the last day of a month.",
    )


def _period_in_range(prefix: str) -> Q:
    amount, unit = f"{prefix}_amount", f"{prefix}_unit"
    fits = Q()
    for name, most in MAX_NOTICE.items():
        fits |= Q(**{unit: name, f"{amount}__lte": most})
    return Q(**{f"{amount}__isnull": True}) | (Q(**{f"{amount}__gte": 0}) & fits)


class LeavingTerms(models.Model):
    offer = models.OneToOneField(
        "offers.Offer", on_delete=models.CASCADE, related_name="leaving_terms"
    )
    country = models.CharField(
        "country where you would work",
        max_length=2,
        blank=True,
        validators=[validate_country],
        help_text="Picks the note on how backing out usually works there.",
    )
    before_start_amount = _amount(
        PERIODS["before_start"],
        "If the contract gives a notice period for ending it before you start. Empty: the same "
        "as during probation.",
    )
    before_start_unit = _unit()
    before_start_to = _to()
    no_ending_before_start = models.BooleanField(
        "the contract rules out ending it before the first day",
        default=False,
        help_text="Then notice can only run from your first day.",
    )
    probation_months = models.PositiveSmallIntegerField(
        "probation (months)",
        null=True,
        blank=True,
        help_text=f"How long the trial period is, 0 to {MAX_PROBATION_MONTHS} months. Empty if "
        "there is none.",
    )
    probation_notice_amount = _amount(
        PERIODS["probation_notice"], "Often shorter, such as two weeks."
    )
    probation_notice_unit = _unit()
    probation_notice_to = _to()
    notice_amount = _amount(
        PERIODS["notice"],
        f"The usual notice period, such as four weeks or one month; 0 to {MAX_NOTICE_MONTHS} "
        "months.",
    )
    notice_unit = _unit()
    notice_to = _to()
    notice_in_writing = models.BooleanField(
        "the contract says notice must be in writing",
        default=False,
        help_text="Then the call alone does not end it: the plan adds a letter after the call.",
    )
    no_start_penalty = models.DecimalField(
        "penalty for not starting",
        null=True,
        blank=True,
        help_text="An amount the contract says you pay if you never start, in the offer's "
        "currency. Empty if there is none.",
        **MONEY_DIGITS,
    )
    non_compete_months = models.PositiveSmallIntegerField(
        "non-compete (months)",
        null=True,
        blank=True,
        help_text="How long after leaving you may not work for a competitor. Empty if none.",
    )
    non_compete_paid = models.BooleanField(
        "the non-compete is paid",
        default=False,
        help_text="Tick if the employer pays you while it runs.",
    )

    class Meta:
        verbose_name = "leaving terms"
        verbose_name_plural = "leaving terms"
        constraints = [
            *(
                models.CheckConstraint(
                    condition=_period_in_range(prefix),
                    name=f"leaving_{prefix}_in_range",
                    violation_error_message=f"a notice period {words} of 0 to "
                    f"{MAX_NOTICE_MONTHS} months",
                )
                for prefix, words in PERIODS.items()
            ),
            models.CheckConstraint(
                condition=within("probation_months", 0, MAX_PROBATION_MONTHS, empty=True)
                & within("non_compete_months", 0, MAX_NON_COMPETE_MONTHS, empty=True),
                name="leaving_months_in_range",
                violation_error_message=f"probation of 0 to {MAX_PROBATION_MONTHS} months and a "
                f"non-compete of 0 to {MAX_NON_COMPETE_MONTHS} months",
            ),
            models.CheckConstraint(
                condition=Q(no_start_penalty__isnull=True) | Q(no_start_penalty__gte=0),
                name="leaving_penalty_not_negative",
                violation_error_message="a penalty for not starting of zero or more",
            ),
        ]

    def __str__(self):
        return f"Leaving terms of {self.offer}"

    def period(self, prefix: str) -> notice.Period | None:
        amount = getattr(self, f"{prefix}_amount")
        if amount is None:
            return None
        return notice.Period(amount, getattr(self, f"{prefix}_unit"), getattr(self, f"{prefix}_to"))

    def notice_terms(self, start_date) -> notice.Terms:
        """What ``offers.notice`` computes with; the country's defaults where the contract is
        silent."""
        defaults = self.notes()[:1]
        default = defaults[0].default_notice if defaults else None
        probation_default = defaults[0].default_probation_notice if defaults else None
        return notice.Terms(
            start_date=start_date,
            before_start=self.period("before_start"),
            during_probation=self.period("probation_notice")
            or (probation_default if self.probation_months else None),
            after_probation=self.period("notice") or default,
            probation_months=self.probation_months,
            no_ending_before_start=self.no_ending_before_start,
        )

    def uses_default(self) -> bool:
        """The notice period comes from the country's law, the contract giving none."""
        return self.period("notice") is None and self.notice_terms(None).after_probation is not None

    def notes(self) -> list[country_notes.Note]:
        return country_notes.notes_for(self.country, self.offer.location)

    def needs_written_notice(self) -> bool:
        return self.notice_in_writing or country_notes.needs_written_notice(self.notes())

    def has_clause_against_leaving(self) -> bool:
        return bool(self.no_start_penalty) or self.no_ending_before_start


def save_leaving_terms(terms: LeavingTerms) -> LeavingTerms:
    """Save an offer's leaving terms; a first save made at the same moment in another tab has
    created the row: this one then updates it, as if it came second."""
    try:
        with transaction.atomic():
            terms.save()
    except IntegrityError:
        terms.pk = LeavingTerms.objects.only("pk").get(offer_id=terms.offer_id).pk
        terms._state.adding = False
        terms.save(force_update=True)
    return terms


def terms_of(offer) -> LeavingTerms | None:
    """The offer's leaving terms, if any were entered (loaded with ``leaving_terms``)."""
    return getattr(offer, "leaving_terms", None)
