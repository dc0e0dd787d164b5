"""Whether everything promised is in writing (offers.promises.rules), and the promise itself."""

import datetime

import pytest
from django.db import IntegrityError
from hypothesis import given
from hypothesis import strategies as st

from offers.models import Contact, Promise
from offers.promises.rules import in_writing
from tests.factories import make_offer


def _promise(found: bool, what="A remote day a week") -> Promise:
    return Promise(what=what, found_in_writing=found, promised_on=datetime.date(2026, 11, 30))


def test_nothing_promised_is_nothing_to_find():
    written = in_writing([])
    assert (written.recorded, written.not_found, written.done) == (0, (), True)


@given(st.lists(st.booleans(), max_size=12))
def test_done_exactly_when_every_promise_is_found_and_the_missing_keep_their_order(founds):
    promises = [_promise(found, f"Promise {n}") for n, found in enumerate(founds)]
    written = in_writing(promises)
    assert written.recorded == len(promises)
    assert written.done == all(founds)
    assert list(written.not_found) == [p for p in promises if not p.found_in_writing]


def test_who_is_the_person_on_the_offer_else_the_name_typed():
    promise = _promise(False)
    assert promise.who() == ""
    promise.promised_by = "The head of data"
    assert promise.who() == "The head of data"
    promise.contact = Contact(name="Sam Ortiz")
    assert promise.who() == "Sam Ortiz"


def test_a_long_promise_is_shortened_where_it_is_named():
    assert str(_promise(False, "x" * 60)) == "x" * 60
    assert str(_promise(False, "x" * 61)) == "x" * 59 + "…"


@pytest.mark.django_db
@pytest.mark.parametrize("day", [datetime.date(1899, 12, 31), datetime.date(2201, 1, 1)])
def test_the_database_keeps_the_day_in_range(alice, day):
    with pytest.raises(IntegrityError):
        Promise.objects.create(offer=make_offer(alice), what="Remote", promised_on=day)
