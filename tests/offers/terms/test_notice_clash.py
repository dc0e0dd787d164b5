"""The notice clash on the timeline: free of the signed job only after the new one starts."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from offers.models import LeavingTerms, Offer
from offers.terms.clashes import notice_clashes
from tests.factories import make_offer
from tests.offers.conftest import make_many_offers

pytestmark = pytest.mark.django_db


def days(n):
    return datetime.timedelta(days=n)


def _berlin(owner, today, **terms):
    signed = make_offer(
        owner,
        company="Spree Werk",
        location="Berlin",
        status=Offer.Status.SIGNED,
        currency="EUR",
        start_date=today - days(90),
    )
    LeavingTerms.objects.create(
        offer=signed,
        country="DE",
        **{"notice_amount": 4, "notice_unit": "weeks", "notice_to": "mid_or_end", **terms},
    )
    return signed


def test_a_new_start_before_the_free_day_is_a_clash_offering_a_later_start(
    alice_client, alice, today
):
    signed = _berlin(alice, today)
    new = make_offer(alice, company="Havel Labs", received_on=today, start_date=today + days(21))
    page = " ".join(alice_client.get(reverse("offers:timeline")).content.decode().split())
    # This one, and the start date passed while another offer is open.
    assert "2 clashes to sort out" in page
    assert "you would be free 21 days after the new start date" in page
    assert "Havel Labs wants you to start on" in page
    assert "with four weeks to the 15th or the end of a month at Spree Werk" in page
    ask = reverse("offers:ask_start_later", args=[new.pk]) + f"?other={signed.pk}"
    assert ask in page.replace("&amp;", "&")


def test_a_start_after_the_free_day_is_no_clash(alice_client, alice, today):
    _berlin(alice, today)
    make_offer(alice, company="Havel Labs", received_on=today, start_date=today + days(80))
    page = alice_client.get(reverse("offers:timeline")).content.decode()
    assert "Havel Labs wants you to start" not in page


def test_the_clash_uses_the_notice_function(alice, today):
    signed = _berlin(alice, today)
    new = make_offer(alice, company="Havel Labs", start_date=today + days(21))
    loaded = Offer.objects.filter(pk=signed.pk).select_related("leaving_terms")
    (clash,) = notice_clashes(loaded, [new], today)
    assert clash.free_from > new.start_date
    assert clash.free_from - days(1) == clash.last_day
    assert clash.last_day.day == 15 or clash.free_from.day == 1


def test_no_terms_no_clash(alice, today):
    signed = make_offer(alice, status=Offer.Status.SIGNED)
    new = make_offer(alice, start_date=today + days(1))
    assert notice_clashes(Offer.objects.filter(pk=signed.pk), [new], today) == []


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_timeline_takes_the_same_queries_with_one_or_many_offers_with_terms(
    alice_client, alice, today, django_assert_num_queries
):
    _berlin(alice, today)
    make_offer(alice, company="Havel Labs", received_on=today, start_date=today + days(21))
    expected = _count(alice_client, reverse("offers:timeline"))
    for offer in make_many_offers(alice, 60, today):
        if offer.is_committed():
            LeavingTerms.objects.create(offer=offer, country="DE", notice_amount=3)
    with django_assert_num_queries(expected):
        alice_client.get(reverse("offers:timeline"))


def test_the_offer_page_takes_the_same_queries_with_or_without_terms(
    alice_client, alice, today, django_assert_num_queries
):
    signed = make_offer(alice, status=Offer.Status.SIGNED, base_salary=Decimal(1))
    expected = _count(alice_client, signed.get_absolute_url())
    LeavingTerms.objects.create(offer=signed, country="DE", notice_amount=4, probation_months=6)
    with django_assert_num_queries(expected):
        page = alice_client.get(signed.get_absolute_url()).content.decode()
    assert "you would be free from" in page


def test_the_edit_page_takes_the_same_queries_with_or_without_terms(
    alice_client, alice, django_assert_num_queries
):
    signed = make_offer(alice, status=Offer.Status.SIGNED)
    path = reverse("offers:edit_leaving_terms", args=[signed.pk])
    expected = _count(alice_client, path)
    LeavingTerms.objects.create(offer=signed, country="DE", notice_amount=4)
    with django_assert_num_queries(expected):
        alice_client.get(path)
