"""How soon to call: within two working days of the decision, in the user's own calendar, and
never later than the day the new offer must be answered while it still awaits an answer (accept
it first, then call)."""

import datetime
from dataclasses import dataclass

# A call planned more than this many working days (Monday to Friday) after the decision is late.
PROMPT_WORKING_DAYS = 2


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5


def call_by(decided_on: datetime.date) -> datetime.date:
    """The last day of a prompt call: the second working day after the decision was recorded."""
    day, counted = decided_on, 0
    while counted < PROMPT_WORKING_DAYS:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def working_days_after(start: datetime.date, end: datetime.date) -> int:
    """How many working days lie after ``start`` up to and including ``end``."""
    if end <= start:
        return 0
    days = (end - start).days
    full_weeks, rest = divmod(days, 7)
    count = full_weeks * 5
    for offset in range(1, rest + 1):
        if is_working_day(start + datetime.timedelta(days=full_weeks * 7 + offset)):
            count += 1
    return count


PROMPT, ANSWER_DEADLINE = "prompt", "answer_deadline"


@dataclass(frozen=True)
class Promptness:
    decided_on: datetime.date
    prompt_by: datetime.date  # two working days after the decision
    answer_by: datetime.date | None  # the new offer's deadline, while it awaits an answer
    planned_on: datetime.date | None
    today: datetime.date

    @property
    def call_by(self) -> datetime.date:
        """Whichever comes first: two working days after the decision, or the answer deadline."""
        if self.answer_by is not None and self.answer_by < self.prompt_by:
            return self.answer_by
        return self.prompt_by

    @property
    def reason(self) -> str:
        """Why ``call_by`` is that day: ANSWER_DEADLINE when the deadline comes first (or the
        same day), else PROMPT."""
        if self.answer_by is not None and self.answer_by <= self.prompt_by:
            return ANSWER_DEADLINE
        return PROMPT

    @property
    def window(self) -> int:
        """How many working days a prompt call may take."""
        return PROMPT_WORKING_DAYS

    @property
    def late(self) -> bool:
        """The call is planned after the prompt window, or nothing is planned and it has passed."""
        if self.planned_on is not None:
            return self.planned_on > self.call_by
        return self.today > self.call_by

    @property
    def working_days_planned(self) -> int | None:
        if self.planned_on is None:
            return None
        return working_days_after(self.decided_on, self.planned_on)


def promptness(
    decided_at: datetime.datetime | None,
    scheduled_at: datetime.datetime | None,
    zone: datetime.tzinfo,
    now: datetime.datetime,
    answer_by: datetime.date | None = None,
) -> Promptness | None:
    """How the planned call compares with the two working days (and with ``answer_by``, the
    new offer's deadline while it awaits an answer), in the user's own calendar."""
    if decided_at is None:
        return None
    return Promptness(
        decided_on=decided_at.astimezone(zone).date(),
        prompt_by=call_by(decided_at.astimezone(zone).date()),
        answer_by=answer_by,
        planned_on=scheduled_at.astimezone(zone).date() if scheduled_at else None,
        today=now.astimezone(zone).date(),
    )


def answer_deadline(new_offer) -> datetime.date | None:
    """The day the new offer must be answered, while it still awaits an answer."""
    return new_offer.respond_by if new_offer.is_open() else None
