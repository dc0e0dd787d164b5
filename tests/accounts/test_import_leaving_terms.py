"""An import holds leaving terms to the same rules as the form and the database."""

import pytest
from django.db import IntegrityError, transaction

from accounts import restore
from accounts.export import user_data
from offers.models import LeavingTerms, Offer
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


def _export_with_terms(alice, **terms):
    offer = make_offer(alice, status=Offer.Status.SIGNED)
    LeavingTerms.objects.create(offer=offer, country="DE", notice_amount=4)
    data = user_data(alice)
    data.pop("signature")
    data["leaving_terms"][0].update(terms)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"country": "XX"}, "not a country code in ISO 3166"),
        (
            {"notice_amount": 25, "notice_unit": "months"},
            "a notice period after probation of 0 to 24",
        ),
        ({"probation_months": 13}, "probation of 0 to 12 months"),
    ],
)
def test_out_of_range_terms_refuse_the_file(alice, bob, change, message):
    data = _export_with_terms(alice, **change)
    with pytest.raises(restore.Refused, match=message):
        restore.restore(bob, data)
    assert not Offer.objects.filter(owner=bob).exists()


def test_a_file_from_before_leaving_terms_imports_with_none(alice, bob):
    data = _export_with_terms(alice)
    del data["leaving_terms"]
    restore.restore(bob, data)
    assert Offer.objects.filter(owner=bob).count() == 1
    assert not LeavingTerms.objects.filter(offer__owner=bob).exists()


@pytest.mark.parametrize(
    "values",
    [
        {"notice_amount": 25, "notice_unit": "months"},
        {"notice_amount": 105, "notice_unit": "weeks"},
        {"probation_notice_amount": 800, "probation_notice_unit": "days"},
        {"probation_months": 13},
        {"no_start_penalty": -1},
    ],
)
def test_the_database_keeps_the_ranges(alice, values):
    offer = make_offer(alice)
    with pytest.raises(IntegrityError), transaction.atomic():
        LeavingTerms.objects.create(offer=offer, **values)
