"""What the offer's page shows of its leaving terms: the clauses, the earliest day free if notice
were given today, and the country's note. Plain functions, no HTTP."""

import datetime

from offers import country_notes, notice
from offers.offer_form_layout import Section
from offers.terms.countries import country_name
from offers.terms.models import PERIODS, terms_of

# The offer's sections link to this page as to one of theirs.
SECTION = Section("leaving", "Leaving terms", "Change the leaving terms", ())


def free_day(offer, given_on: datetime.date) -> dict | None:
    """The last day and the first free day if notice of ``offer`` is given on ``given_on``;
    None when no notice period is known."""
    terms = terms_of(offer)
    if terms is None:
        return None
    rules = terms.notice_terms(offer.start_date)
    period, _ = notice.period_for(given_on, rules)
    ends = notice.contract_ends(given_on, rules)
    if ends is None:
        return None
    return {
        "given_on": given_on,
        "last_day": ends,
        "free_from": ends + datetime.timedelta(days=1),
        "period": notice.describe(period),
        "from_the_law": terms.uses_default() and period == rules.after_probation,
    }


def leaving_section(offer, today: datetime.date) -> dict:
    """The offer page's "Leaving this job" section."""
    terms = terms_of(offer)
    periods = []
    if terms is not None:
        periods = [
            (f"Notice {words}", notice.describe(period))
            for prefix, words in PERIODS.items()
            if (period := terms.period(prefix)) is not None
        ]
    notes = terms.notes() if terms else []
    return {
        "leaving_terms": terms,
        "notice_periods": periods,
        "free_if_today": free_day(offer, today) if offer.is_committed() else None,
        "country_notes": notes,
        "country_name": country_name(terms.country) if terms and terms.country else "",
        "topics": country_notes.TOPICS,
    }
