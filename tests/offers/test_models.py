import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from offers.models import Offer
from offers.templatetags.offer_dates import days_away
from tests.factories import make_contact, make_offer

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 5, 4)


def days(n):
    return TODAY + datetime.timedelta(days=n)


def test_offers_in_play_are_the_open_and_the_committed(alice):
    for status in Offer.Status:
        make_offer(alice, company=status.label, status=status)
    assert sorted(Offer.objects.in_play().values_list("status", flat=True)) == sorted(
        ["expected", "received", "accepted", "signed", "started"]
    )


def test_each_offer_knows_what_its_querysets_know(alice):
    for status in Offer.Status:
        make_offer(alice, company=status.label, status=status)
    for offer in Offer.objects.all():
        assert offer.is_in_play() == Offer.objects.in_play().filter(pk=offer.pk).exists()
        assert offer.is_committed() == Offer.objects.committed().filter(pk=offer.pk).exists()
        assert offer.is_expected() == (offer.status == "expected")
        assert offer.is_in_play() == (offer.is_open() or offer.is_committed())


def test_the_open_and_committed_statuses_each_need_their_date():
    assert Offer.DATE_FOR_STATUS == {
        "expected": "expected_on",
        "received": "received_on",
        "accepted": "accepted_on",
        "signed": "accepted_on",
        "started": "accepted_on",
    }


def test_a_person_is_shown_on_their_offers_page(alice):
    contact = make_contact(make_offer(alice))
    assert contact.get_absolute_url() == (
        reverse("offers:detail", args=[contact.offer_id]) + f"#contact-{contact.pk}"
    )


def test_the_deadline_state_is_soon_within_48_hours_and_passed_after(alice):
    offer = Offer(owner=alice, status=Offer.Status.RECEIVED, respond_by=TODAY)
    assert offer.deadline_state(days(-3)) is None
    assert offer.deadline_state(days(-2)) == "soon"
    assert offer.deadline_state(TODAY) == "soon"
    assert offer.deadline_state(days(1)) == "passed"


def test_an_answered_offer_has_no_deadline_state(alice):
    offer = Offer(owner=alice, status=Offer.Status.SIGNED, respond_by=days(-5))
    assert offer.deadline_state(TODAY) is None


def test_sorting_puts_the_nearest_date_first_by_status(alice):
    make_offer(alice, company="Start", status=Offer.Status.ACCEPTED, start_date=days(3))
    make_offer(alice, company="Due", respond_by=days(1), received_on=TODAY)
    make_offer(alice, company="Old", respond_by=days(-1), received_on=days(-3))
    make_offer(alice, company="Older", respond_by=days(-9), received_on=days(-9))
    make_offer(alice, company="Coming", status=Offer.Status.EXPECTED, expected_on=days(2))
    make_offer(alice, company="None", status=Offer.Status.EXPIRED, respond_by=days(1))
    assert [o.company for o in Offer.objects.by_nearest_date(TODAY)] == [
        "Due",
        "Coming",
        "Start",
        "Old",
        "Older",
        "None",
    ]


def test_a_custom_schedule_reaches_the_money_module_as_decimals(alice):
    offer = Offer(
        owner=alice,
        vesting_schedule=Offer.VestingSchedule.CUSTOM,
        vesting_percentages=[33.33, 33.33, 33.34],
    )
    assert offer.package().vesting_percentages == (
        Decimal("33.33"),
        Decimal("33.33"),
        Decimal("33.34"),
    )


def test_an_even_schedule_ignores_any_stored_percentages(alice):
    offer = Offer(owner=alice, vesting_percentages=[10, 90])
    assert offer.package().vesting_percentages == ()


@pytest.mark.parametrize(
    "n, words",
    [(0, "today"), (1, "tomorrow"), (-1, "yesterday"), (5, "in 5 days"), (-3, "3 days ago")],
)
def test_days_away_in_words(n, words):
    assert days_away(n) == words
