"""Pages that show stored data never break on a value the database holds.

Alice's data is pushed to each edge its fields and constraints allow (the first and the last day
and moment of the range in ``crossroads/dates.py``, the largest and smallest money and numbers,
texts at their longest), one field at a time, by ``QuerySet.update()``, as an old row, an import or
a script could leave it; then every address the app answers is drawn (the calendar files and the
export among them) and the reminder job runs. None may be a server error.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import DatabaseError, models, transaction

from accounts.export import SECTIONS
from crossroads.dates import EARLIEST, LATEST
from crossroads.text import LONG_TEXT_LIMIT
from reminders import job
from tests.crossroads.fuzz import address, make_world, routes
from tests.reminders.conftest import wants_reminders

pytestmark = pytest.mark.django_db

_FIRST_MOMENT = datetime.datetime(EARLIEST.year - 1, 12, 31, tzinfo=datetime.UTC)
_LAST_MOMENT = datetime.datetime(LATEST.year + 1, 1, 1, 23, 59, 59, tzinfo=datetime.UTC)
_INTEGERS = {
    models.PositiveSmallIntegerField: (0, 32767),
    models.SmallIntegerField: (-32768, 32767),
    models.PositiveIntegerField: (0, 2147483647),
    models.IntegerField: (-2147483648, 2147483647),
}


def _candidates(field, edge: str) -> list:
    """Values for ``field`` at the ``edge`` ("low" or "high"), the farthest first: the first the
    database takes is the edge its constraints allow."""
    high = edge == "high"
    if isinstance(field, models.DateTimeField):
        return [_LAST_MOMENT if high else _FIRST_MOMENT]
    if isinstance(field, models.DateField):
        return [LATEST if high else EARLIEST]
    if isinstance(field, models.DecimalField):
        whole = field.max_digits - field.decimal_places
        largest = Decimal("9" * whole + "." + "9" * field.decimal_places)
        tries = [largest, Decimal(10 ** min(whole - 1, 6)), Decimal(100), Decimal(1)]
        return (
            tries
            if high
            else [-largest, Decimal(0), Decimal("0." + "0" * (field.decimal_places - 1) + "1")]
        )
    for kind, (low, top) in _INTEGERS.items():
        if type(field) is kind:
            return [top, 1000, 100, 60, 12, 10, 5] if high else [low, 0, 1]
    if isinstance(field, models.TextField):
        return ["\u202eWide 😀 " * (LONG_TEXT_LIMIT // 8)] if high else [""]
    if isinstance(field, models.CharField) and field.max_length and not field.choices:
        return ["W" * field.max_length] if high else ["x"]
    return []


def _push_to_the_edge(user, edge: str) -> list[str]:
    """Each field of each of ``user``'s records at its ``edge``; returns the fields set."""
    pushed = []
    for section in SECTIONS:
        rows = section.model.objects.filter(**{section.owner_path: user})
        for field in section.written_fields():
            if field.is_relation or field.name in section.left_out:
                continue
            for value in _candidates(field, edge):
                try:
                    with transaction.atomic():
                        rows.update(**{field.name: value})
                except DatabaseError:
                    continue
                pushed.append(f"{section.model.__name__}.{field.name}")
                break
    return pushed


@pytest.mark.parametrize("edge", ["low", "high"])
def test_every_page_draws_data_at_the_edges_the_database_allows(alice_client, alice, edge):
    world = make_world(alice)
    wants_reminders(alice)
    pushed = _push_to_the_edge(alice, edge)
    assert {"Offer.respond_by", "Offer.base_salary", "CallPlan.scheduled_at"} <= set(pushed)
    for route in routes():
        response = alice_client.get(address(route, world))
        assert response.status_code < 500, (edge, route, response.status_code)
    for moment in (_FIRST_MOMENT, _LAST_MOMENT, None):
        summary = job.run(now=moment)
        assert not summary.broken, (edge, moment, summary)
