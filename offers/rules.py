"""The offer form's rules: what makes an offer's figures and dates make sense. Plain Python: each
rule takes values and returns what to tell the user, by field name (nothing when all is well).
``offers/forms.py`` puts each message next to its field; the model's constraints hold the same
limits."""

from decimal import Decimal

from crossroads.formats import format_date, format_money
from offers import compensation, exchange, leaving_cost

MAX_BONUS_PERCENT = 1000
VESTING_YEARS = (1, 10)
MAX_CLIFF_MONTHS = 120
PERCENT = (0, 100)
# A repayment larger than this many years of base salary is a typing mistake.
MAX_REPAYMENT_IN_SALARIES = 10

# What to ask when the date a status needs is missing (see ``Offer.DATE_FOR_STATUS``).
ASK_FOR_DATE = {
    "expected_on": "You said this offer is expected: when do you expect it? An estimate is fine.",
    "received_on": "You said you have received this offer: on which day?",
    "accepted_on": "You marked this offer as {status}: on which day did you accept it?",
}

# Dates that cannot come before another one: the earlier, the later, and what to say.
DATES_IN_ORDER = (
    (
        "received_on",
        "respond_by",
        "The answer cannot be due before you received the offer ({day}). Check both dates.",
    ),
    (
        "accepted_on",
        "start_date",
        "The start date cannot be before the day you accepted ({day}). Check both dates.",
    ),
)


# One field at a time: a message, or None.


def within(value, bounds, message: str) -> str | None:
    """``message`` for an optional number outside ``bounds`` (both included)."""
    low, high = bounds
    if value is not None and not low <= value <= high:
        return message
    return None


def bonus_percent(percent) -> str | None:
    if percent is not None and percent < 0:
        return "Enter a percentage of zero or more."
    if percent is not None and percent > MAX_BONUS_PERCENT:
        return f"A bonus can be at most {MAX_BONUS_PERCENT}% of base salary."
    return None


def percent(value) -> str | None:
    """A percentage from 0 to 100, such as a yearly raise (left empty, it means 0)."""
    return within(value, PERCENT, "Enter a percentage from {} to {}.".format(*PERCENT))


def vesting_years(years) -> str | None:
    message = "Enter a vesting period from {} to {} years.".format(*VESTING_YEARS)
    return within(years, VESTING_YEARS, message)


def cliff_months(months) -> str | None:
    if months is not None and months > MAX_CLIFF_MONTHS:
        return f"Enter a cliff of at most {MAX_CLIFF_MONTHS} months (10 years)."
    return None


def repayment_months(months) -> str | None:
    most = leaving_cost.MAX_PRO_RATA_MONTHS
    return within(months, (1, most), f"Enter a period from 1 to {most} months (10 years).")


def cost_of_living_factor(factor) -> str | None:
    low, high = exchange.COST_OF_LIVING_RANGE
    return within(
        factor,
        (low, high),
        f"Enter a factor from {low} to {high}, such as 1.15 for a place 15% dearer; "
        "leave it empty for none.",
    )


def tax_rate_percent(rate) -> str | None:
    low, high = exchange.TAX_PERCENT_RANGE
    return within(
        rate,
        (low, high),
        f"Enter an estimated tax rate from {low} to {high}%; leave it empty for none.",
    )


# Across fields: the messages by field name.


def bonus(amount, percent) -> dict[str, str]:
    if amount is not None and percent is not None:
        return {
            "target_bonus_percent": "Give the bonus as an amount or as a percentage of base "
            "salary, not both. Clear one of them."
        }
    return {}


def dates_in_order(dates: dict) -> dict[str, str]:
    """``dates`` by field name; a later date before its earlier one is refused on the later."""
    messages = {}
    for earlier, later, message in DATES_IN_ORDER:
        first, then = dates.get(earlier), dates.get(later)
        if first and then and then < first:
            messages[later] = message.format(day=format_date(first))
    return messages


def date_for_status(name: str | None, day, status_label: str) -> dict[str, str]:
    """The date a status needs (``name``, from ``Offer.DATE_FOR_STATUS``), asked for if missing."""
    if name and not day:
        return {name: ASK_FOR_DATE[name].format(status=status_label.lower())}
    return {}


def cliff_within_vesting(years, cliff) -> dict[str, str]:
    if years and cliff is not None and cliff > years * 12:
        return {
            "cliff_months": f"The cliff ({cliff} months) cannot be longer than the vesting period "
            f"({years} year{'s' if years != 1 else ''}, {years * 12} months)."
        }
    return {}


def vesting_shares(schedule, shares, years) -> str | None:
    """What is wrong with the yearly percentages for ``schedule``, if anything."""
    if schedule == compensation.EVEN:
        if shares:
            return (
                "You chose an even schedule: clear these percentages, or choose your own "
                "yearly percentages above."
            )
        return None
    if schedule != compensation.CUSTOM:
        return None
    if not shares:
        return "Enter your yearly percentages, such as 5/15/40/40."
    low, high = PERCENT
    if any(share < low or share > high for share in shares):
        return f"Each percentage must be from {low} to {high}."
    if sum(shares) != 100:
        return f"These percentages add up to {sum(shares).normalize():f}, not 100."
    if years and len(shares) != years:
        return (
            f"Give one percentage for each of the {years} vesting years (you gave {len(shares)})."
        )
    return None


def as_json_number(value: Decimal):
    """A percentage as the model's list keeps it: 40, not Decimal("40.00")."""
    return int(value) if value == value.to_integral_value() else float(value)


def repayment(
    amount, base_salary, currency, paid, paid_on, ends, until, months, start_date
) -> dict[str, str]:
    """The repayment clause: an amount that fits the salary, and the dates and months each way
    of paying and running out needs, in a sensible order."""
    messages = {}
    if not amount:
        return messages
    if base_salary and amount > base_salary * MAX_REPAYMENT_IN_SALARIES:
        messages["repayment_amount"] = (
            f"{format_money(amount, currency)} is more than {MAX_REPAYMENT_IN_SALARIES} times "
            f"the base salary ({format_money(base_salary, currency)}). Check both figures."
        )
    if paid == leaving_cost.ON_DATE and not paid_on:
        messages["repayment_paid_on"] = "Enter the day the money is or was paid."
    if ends == leaving_cost.PRO_RATA:
        if not months:
            messages["repayment_months"] = (
                "Enter over how many months the amount goes down, such as 12."
            )
        return messages
    if not until:
        messages["repayment_until"] = (
            "Enter the last day it would have to be paid back, or choose pro rata."
        )
        return messages
    paid_day = {leaving_cost.ON_DATE: paid_on, leaving_cost.ON_START: start_date}.get(paid)
    if paid_day and paid_day > until:
        field = "repayment_paid_on" if paid == leaving_cost.ON_DATE else "repayment_until"
        messages[field] = (
            f"The money is paid on {format_date(paid_day)}, after the day it stops being "
            f"repayable ({format_date(until)}). Check both dates."
        )
    return messages


# The readiness ticks that stand for a fact the offer records: a tick cannot claim what the offer
# itself does not hold. Each tick: the field holding the fact, what to say when it is missing,
# and the words of a link to where it is added.
TICKS_NEED = {
    "written_offer_in_hand": (
        "status",
        "An offer that is still expected cannot be in your hand: once it arrives, change its "
        "status to “Received” first.",
        "Change the status of {company}’s offer",
    ),
    "conditions_cleared": (
        "written_offer_in_hand",
        "Have the offer in writing first: its conditions are cleared only when nothing can still "
        "hold back an offer you hold in writing.",
        "First tick that the offer from {company} is in writing",
    ),
    "start_date_confirmed": (
        "start_date",
        "Add the start date to the offer first: a start date that is not recorded cannot be "
        "confirmed.",
        "Add the start date to {company}’s offer",
    ),
}


def ticks_without_facts(offer: dict) -> dict[str, str]:
    """The ticks set in ``offer`` (values by field name) whose fact is missing, with what to
    say; the other ticks in the same values count (ticking two at once is fine)."""
    received = offer.get("status") != "expected"
    facts = {
        "status": received,
        "written_offer_in_hand": received and bool(offer.get("written_offer_in_hand")),
        "start_date": offer.get("start_date") is not None,
    }
    return {
        tick: message
        for tick, (fact, message, _) in TICKS_NEED.items()
        if offer.get(tick) and not facts[fact]
    }
