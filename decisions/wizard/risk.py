"""The risk of backing out of a commitment, and the plain reasons behind it. No Django, no HTTP.

Points add up: how far along the commitment is (accepted 0, signed 1, started in the last week 1,
started 8 to 90 days ago 2, longer 3), a close-knit field (yes 1, not sure 0.5), an agency that
placed you 0.5, money owed back if you leave on the day of the call 0.5. Under 1.5 is low,
under 3 medium, 3 or more high.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from crossroads.formats import format_date, format_money

ACCEPTED, SIGNED, STARTED = "accepted", "signed", "started"
LOW, MEDIUM, HIGH = "low", "medium", "high"
MEDIUM_FROM = Decimal("1.5")
HIGH_FROM = Decimal(3)
FIRST_WEEK_DAYS = 7
FIRST_QUARTER_DAYS = 90


@dataclass(frozen=True)
class Stage:
    """How far along a commitment is."""

    kind: str  # accepted, signed or started
    days_since_start: int | None = None  # for started; None when the start date is unknown

    def describe(self) -> str:
        if self.kind == ACCEPTED:
            return "Accepted, not signed yet"
        if self.kind == SIGNED:
            return "Signed, not started yet"
        if self.days_since_start is None:
            return "Started (start date not recorded)"
        if self.days_since_start == 0:
            return "Started today"
        if self.days_since_start == 1:
            return "Started yesterday"
        return f"Started {self.days_since_start} days ago"


def commitment_stage(
    status: str, start_date: datetime.date | None, today: datetime.date
) -> Stage | None:
    """The stage from an offer's status and dates; None when the offer is not a commitment.

    A start date that has passed counts as started even if the status was not updated: the
    employer has begun to invest in you from that day.
    """
    if status not in (ACCEPTED, SIGNED, STARTED):
        return None
    if status == STARTED or (start_date is not None and start_date <= today):
        days = None if start_date is None else max((today - start_date).days, 0)
        return Stage(STARTED, days)
    return Stage(status)


@dataclass(frozen=True)
class Reason:
    points: Decimal
    text: str
    lowers_it: str


@dataclass(frozen=True)
class Risk:
    points: Decimal
    level: str
    reasons: list[Reason]

    @property
    def scale(self) -> str:
        """How points become a level, in words."""
        return f"under {MEDIUM_FROM} is low, under {HIGH_FROM} medium, {HIGH_FROM} or more high"


def level_for(points: Decimal) -> str:
    if points < MEDIUM_FROM:
        return LOW
    if points < HIGH_FROM:
        return MEDIUM
    return HIGH


def _stage_reason(stage: Stage) -> Reason:
    sooner = (
        "Acting sooner: every week that passes makes it costlier for both sides. If you are "
        "going to change your mind, say so as soon as you are sure."
    )
    if stage.kind == ACCEPTED:
        return Reason(
            Decimal(0),
            "You have accepted but not signed. This is the least costly moment to change your "
            "mind: the employer has invested little in you so far.",
            sooner,
        )
    if stage.kind == SIGNED:
        return Reason(
            Decimal(1),
            "You have signed. The employer has stopped looking and may have turned other "
            "people down.",
            sooner,
        )
    days = stage.days_since_start
    if days is None:
        return Reason(
            Decimal(2),
            "You have started, but the offer has no start date, so this counts as started "
            "a while ago.",
            "Adding the start date to the offer gives a sharper estimate. " + sooner,
        )
    if days <= FIRST_WEEK_DAYS:
        return Reason(
            Decimal(1),
            f"{stage.describe()}. Leaving in the first days is widely seen as acceptable: "
            "little has been invested in you yet.",
            sooner,
        )
    if days <= FIRST_QUARTER_DAYS:
        return Reason(
            Decimal(2),
            f"{stage.describe()}. The team has spent real time bringing you in.",
            sooner,
        )
    return Reason(
        Decimal(3),
        f"{stage.describe()}. After three months you are part of the team's plans; leaving "
        "now costs them most.",
        "Giving generous notice and helping with the handover.",
    )


def backing_out_risk(
    stage: Stage,
    close_knit_field: str,
    agency_name: str,
    repayable: Decimal,
    currency: str,
    company: str,
    leaving_on: datetime.date | None = None,
    accepted_while_expecting: str = "",
    penalty: Decimal | None = None,
    no_ending_before_start: bool = False,
) -> Risk:
    """The risk of backing out of ``company``'s offer, with every point as a reason.

    ``close_knit_field`` is "yes", "no", "not_sure" or "" (not answered, counted as not sure).
    ``repayable`` is what leaving on ``leaving_on`` costs in money actually owed
    (``offers.leaving_cost``): money never paid out counts for nothing.
    ``accepted_while_expecting`` names the company whose offer the user knew was coming when
    they accepted (they were warned and went ahead); it adds no points, only a word of advice.
    ``penalty`` and ``no_ending_before_start`` are the contract's clauses against leaving
    (``offers.terms``): each is named, with what lowers it.
    """
    reasons = [_stage_reason(stage)]
    if close_knit_field == "yes":
        reasons.append(
            Reason(
                Decimal(1),
                "Your field is close-knit: people talk, and you may meet these people again.",
                "Telling them yourself, by phone, humbly and promptly, so they hear it from you "
                "and not from someone else.",
            )
        )
    elif close_knit_field != "no":
        unanswered = "" if close_knit_field else " (not answered, so counted as not sure)"
        reasons.append(
            Reason(
                Decimal("0.5"),
                f"You are not sure whether your field is close-knit{unanswered}.",
                "Assuming word travels: handle the call as if it will.",
            )
        )
    if agency_name.strip():
        reasons.append(
            Reason(
                Decimal("0.5"),
                f"An agency placed you ({agency_name.strip()}); its fee and its name with "
                f"{company} depend on you staying.",
                "Calling the agency too, right after the employer, so they are not caught "
                "off guard.",
            )
        )
    if repayable > 0:
        when = f"If you leave on {format_date(leaving_on)}" if leaving_on else "If you leave now"
        reasons.append(
            Reason(
                Decimal("0.5"),
                f"{when}, you would pay back {format_money(repayable, currency)} to {company} "
                "under your repayment clause.",
                "Checking the repayment clause with a lawyer or advisor before you call, so you "
                "know the exact amount and when it is due.",
            )
        )
    reasons += _clause_reasons(penalty, no_ending_before_start, currency, company)
    if accepted_while_expecting:
        reasons.append(
            Reason(
                Decimal(0),
                f"You accepted {company} knowing an offer from {accepted_while_expecting} was "
                "on its way. They may feel you could have told them, or waited.",
                "Owning it in the call: say plainly that you chose too early, without excuses.",
            )
        )
    points = sum((reason.points for reason in reasons), Decimal(0))
    return Risk(points=points, level=level_for(points), reasons=reasons)


def _clause_reasons(penalty, no_ending_before_start: bool, currency: str, company: str):
    if penalty:
        yield Reason(
            Decimal("0.5"),
            f"Your contract with {company} sets a penalty of {format_money(penalty, currency)} "
            "for not starting.",
            "Having a lawyer check the penalty before you call: courts often hold such a "
            "penalty to the pay for the notice period.",
        )
    if no_ending_before_start:
        yield Reason(
            Decimal("0.5"),
            f"Your contract with {company} rules out ending it before your first day, so your "
            "notice only runs from then.",
            "Asking them to end it by agreement, on a date you both sign.",
        )
