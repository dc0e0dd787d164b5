"""One range of dates a person can enter, 1900 to 2200, kept by the forms, the database and the
import: a year 1 or 9999 once stored broke every page and the reminder job for everyone."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from crossroads.dates import OUT_OF_RANGE
from decisions.models import CallPlan, FollowUp
from offers.models import Offer
from tests.decisions.call.plan_form import plan_data, section_url
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("zone", "typed"),
    [("Europe/Amsterdam", "0001-01-01T00:00"), ("America/Los_Angeles", "9999-12-31T23:59")],
)
def test_a_call_time_in_a_far_off_year_is_refused_at_the_form(
    alice_client, alice, call_decision, call_plan, zone, typed
):
    alice.time_zone = zone
    alice.save()
    before = (call_plan.called_at, call_plan.scheduled_at)
    log = reverse("decisions:call_log", args=[call_decision.pk])
    logged = alice_client.post(log, {"log-called_at": typed, "log-how_it_went": "Fine."})
    planned = alice_client.post(
        section_url(call_decision, "when"), {**plan_data(alice), "scheduled_at": typed}
    )
    for response in (logged, planned):
        assert response.status_code == 200
        assert OUT_OF_RANGE in response.content.decode()
    call_plan.refresh_from_db()
    assert (call_plan.called_at, call_plan.scheduled_at) == before


@pytest.mark.parametrize(
    ("model", "values"),
    [
        (Offer, {"expected_on": datetime.date(1, 1, 1)}),
        (Offer, {"respond_by": datetime.date(9999, 12, 31)}),
        (CallPlan, {"scheduled_at": datetime.datetime(1, 1, 2, tzinfo=datetime.UTC)}),
        (FollowUp, {"due_on": datetime.date(2201, 1, 1)}),
    ],
    ids=["offer expected in year 1", "answer due in 9999", "call in year 1", "follow-up in 2201"],
)
def test_the_database_refuses_a_far_off_date_written_past_the_forms(
    alice, call_plan, model, values
):
    rows = model.objects.filter(pk=make_offer(alice).pk) if model is Offer else model.objects.all()
    if model is FollowUp:
        FollowUp.objects.create(call_plan=call_plan, text="Return the laptop")
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(**values)


def test_the_ends_of_the_range_are_accepted_everywhere(alice_client, alice):
    offer = make_offer(alice, expected_on=datetime.date(1900, 1, 1))
    Offer.objects.filter(pk=offer.pk).update(respond_by=datetime.date(2200, 12, 31))
    for page in ("home", "offers:list", "offers:timeline", "offers:calendar"):
        assert alice_client.get(reverse(page)).status_code == 200
    assert alice_client.get(offer.get_absolute_url()).status_code == 200
