"""The add form of an offer, filled in, for what loads a running app from outside
(scripts/restart_load.py, the two-server test): every field the form needs, as a browser sends
it. Plain data: no Django needed to import it."""

import datetime


def new_offer(company: str) -> dict[str, str]:
    """The fields of a received offer from ``company``, received today, in euros."""
    return {
        "company": company,
        "role": "Engineer",
        "location": "Lisbon",
        "work_mode": "hybrid",
        "status": "received",
        "received_on": datetime.date.today().isoformat(),
        "currency": "EUR",
        "base_salary": "90000",
        "yearly_raise_percent": "0",
        "vesting_years": "4",
        "cliff_months": "12",
        "vesting_schedule": "even",
        "equity_discount_percent": "0",
    }
