"""The result page and the list cost the same number of queries however big the decision is."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.timezone import now

from decisions.models import Decision, get_decision_for_user
from decisions.wizard.steps import factors_and_scores, with_offers
from offers.models import ExchangeRate, LeavingTerms, Offer, Promise
from tests.decisions.helpers import finished_decision, url
from tests.factories import make_offer, with_token

pytestmark = pytest.mark.django_db


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_the_result_page_takes_the_same_queries_for_2_offers_and_for_5_x_10_x_40(
    alice_client, alice, django_assert_num_queries
):
    small = finished_decision(alice, offers=2, factors=5, considerations=0)
    large = finished_decision(alice, offers=5, factors=10, considerations=40)
    expected = _count(alice_client, url("result", small))
    with django_assert_num_queries(expected):
        response = alice_client.get(url("result", large))
    html = response.content.decode()
    assert "Point 39" in html and "Own factor 4" in html
    assert "If you leave Company 0" in html  # the risk and the checklist are on both pages
    assert "If you leave Company 0" in alice_client.get(url("result", small)).content.decode()


def test_the_result_page_reads_the_rates_only_for_offers_in_several_currencies(
    alice_client, alice, django_assert_num_queries
):
    one_currency = finished_decision(alice, offers=3, factors=5, considerations=4)
    several = finished_decision(alice, offers=3, factors=5, considerations=4)
    Offer.objects.filter(pk=several.offers.last().pk).update(currency="EUR")
    ExchangeRate.objects.create(
        owner=alice, currency="EUR", home_currency="USD", rate=Decimal("1.10"), taken_on=now()
    )
    expected = _count(alice_client, url("result", one_currency))
    # The home currency (from the currencies of all of alice's offers) and her rates.
    with django_assert_num_queries(expected + 2):
        html = alice_client.get(url("result", several)).content.decode()
    assert "Compared in USD, with your exchange rates." in html


def _refuse_reading_columns_not_loaded(monkeypatch):
    """A column left out of ``only()`` and read all the same costs a query per offer: fail."""

    def refuse(self, *args, fields=None, **kwargs):
        raise AssertionError(f"{type(self).__name__} read {fields} after loading")

    for model in (Offer, LeavingTerms):
        monkeypatch.setattr(model, "refresh_from_db", refuse)


@pytest.mark.parametrize("chosen", [False, True])
def test_the_result_page_reads_no_column_of_an_offer_it_did_not_load(
    alice_client, finished, committed, new_offer, monkeypatch, chosen
):
    # Backing out of a commitment with every fact the risk and the checklist read.
    Offer.objects.filter(pk=committed.pk).update(
        agency_name="Agency", repayment_amount=Decimal(5000), accepted_on=now().date(),
        accepted_despite_expected_offer=new_offer, accepted_despite_expected_at=now(),
    )  # fmt: skip
    LeavingTerms.objects.create(offer=committed, no_start_penalty=Decimal(7500))
    Promise.objects.create(offer=new_offer, what="A remote day a week", promised_on=now())
    if chosen:
        Decision.objects.filter(pk=finished.pk).update(chosen_offer=new_offer, decided_at=now())
    _refuse_reading_columns_not_loaded(monkeypatch)
    html = alice_client.get(url("result", finished)).content.decode()
    assert "If you leave First Co for Second Co" in html and "A remote day a week" in html
    assert "sets a penalty of USD 7,500 for not starting" in " ".join(html.split())


def test_the_list_takes_the_same_queries_for_2_offers_and_for_5_x_10_x_40(
    alice_client, alice, django_assert_num_queries
):
    finished_decision(alice, offers=2, factors=5, considerations=0)
    expected = _count(alice_client, reverse("decisions:list"))
    for _ in range(3):
        finished_decision(alice, offers=5, factors=10, considerations=40)
    with django_assert_num_queries(expected):
        alice_client.get(reverse("decisions:list"))


@pytest.mark.parametrize("step", ["ratings", "pros_cons", "priorities"])
def test_each_step_takes_the_same_queries_small_or_large(
    alice_client, alice, step, django_assert_num_queries
):
    small = finished_decision(alice, offers=2, factors=5, considerations=0)
    large = finished_decision(alice, offers=5, factors=10, considerations=40)
    # The add forms' pages as the browser is sent to them, with their token.
    expected = _count(alice_client, with_token(url(step, small)))
    with django_assert_num_queries(expected):
        alice_client.get(with_token(url(step, large)))


def test_a_decision_is_looked_up_alone_not_with_every_decision_in_the_database(
    alice, bob, django_assert_num_queries
):
    mine = finished_decision(alice, offers=2, factors=5, considerations=0)
    others = [finished_decision(bob, offers=2, factors=5, considerations=0) for _ in range(3)]
    # The decision, its offers, and its factors with their ratings: one query each.
    with django_assert_num_queries(3) as captured:
        found = get_decision_for_user(alice, mine.pk, with_offers())
        factors, ratings = factors_and_scores(found)
    assert found == mine and len(factors) == 5 and len(ratings) == 2 * 5
    loaded = " ".join(query["sql"] for query in captured.captured_queries)
    assert all(f"({other.pk})" not in loaded for other in others)


@pytest.mark.parametrize("name", ["new", "offers"])
def test_step_1_takes_the_same_queries_with_one_committed_offer_or_several(
    alice_client, alice, name, django_assert_num_queries
):
    decision = finished_decision(alice, offers=2, factors=5, considerations=0)  # one signed
    path = with_token(reverse("decisions:new")) if name == "new" else url("offers", decision)
    expected = _count(alice_client, path)
    # Twenty more offers, three more of them signed: step 1 now asks which one is the reference.
    for n in range(3):
        make_offer(alice, company=f"Signed {n}", status=Offer.Status.SIGNED)
    for n in range(20):
        make_offer(alice, company=f"Other {n}")
    with django_assert_num_queries(expected):
        response = alice_client.get(path)
    html = response.content.decode()
    assert "Which one are you committed to now?" in html
    assert html.count('name="offers"') == 25 and html.count('name="committed_offer"') == 4


# The call plan's steps (decisions.call.steps) cost no query per step, skip or call --------------


def _skip_every_step(plan):
    from decisions.call.readiness import ACCEPT_FIRST, CHECK_NAMES
    from decisions.models import SkippedCheck

    SkippedCheck.objects.bulk_create(
        SkippedCheck(
            call_plan=plan, check_name=name, acknowledgement="I go ahead", skipped_at=now()
        )
        for name in (*CHECK_NAMES, ACCEPT_FIRST)
    )


@pytest.mark.parametrize("name", ["call", "call_print", "call_ics"])
def test_the_plan_its_print_and_its_event_take_the_same_queries_with_no_step_or_every_step_skipped(
    alice_client, call_decision, call_plan, name, django_assert_num_queries
):
    path = url(name, call_decision)
    with CaptureQueriesContext(connection) as before:
        assert alice_client.get(path).status_code == 200
    _skip_every_step(call_plan)
    with django_assert_num_queries(len(before.captured_queries)):
        content = alice_client.get(path).content.decode()
    assert content.count("skipped") >= 5


def test_the_calls_on_the_dashboard_take_the_same_queries_for_one_and_for_six_with_skips(
    alice_client, alice, call_decision, django_assert_num_queries
):
    from decisions.models import CallPlan
    from tests.factories import make_decision

    expected = _count(alice_client, reverse("home"))
    for n in range(5):
        committed = make_offer(alice, company=f"Signed {n}", status=Offer.Status.SIGNED)
        new = make_offer(alice, company=f"Chosen {n}", start_date=now().date())
        decision = make_decision(alice, [committed, new], chosen_offer=new, decided_at=now())
        _skip_every_step(CallPlan.objects.create(decision=decision, scheduled_at=now()))
    with django_assert_num_queries(expected):
        content = alice_client.get(reverse("home")).content.decode()
    # The soonest five are listed with their steps; the sixth is counted.
    assert content.count('data-step="call"') == 5
    assert "And one more call to make" in content
    assert content.count('data-state="skipped"') == 25
