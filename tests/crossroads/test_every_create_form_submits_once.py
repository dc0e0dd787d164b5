"""Every create form submits once (the path matrix of ``crossroads/once.py``): the same form
posted again (Back and Save, a double click) makes no second record and lands on the first,
with a message; a token is one user's own, so another user's same token makes their record."""

import datetime
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from decisions.models import Consideration, Decision, Factor, FollowUp, Referral
from offers.models import Contact, ExchangeRate, Offer, Promise, TimeAsk
from tests.decisions.helpers import at_step, factor_data, signed_job_with_a_bonus_to_repay
from tests.factories import make_contact, make_decision, make_offer
from tests.offers.conftest import offer_form_data

pytestmark = pytest.mark.django_db
ALREADY = "This was already saved:"


@dataclass
class Form:
    page: str  # the create page's address, without a token
    data: dict  # a good form, as posted
    rows: object  # the user's records the form makes


def _offer(user):
    return Form(reverse("offers:new"), offer_form_data(), Offer.objects.filter(owner=user))


def _contact(user):
    offer = make_offer(user)
    page = reverse("offers:add_contact", args=[offer.pk])
    data = {"name": "Riley Chen", "role": "hiring_manager"}
    return Form(page, data, Contact.objects.filter(offer__owner=user))


def _promise(user):
    offer = make_offer(user)
    page = reverse("offers:add_promise", args=[offer.pk])
    data = {"what": "A remote day a week", "promised_on": "2026-11-30", "how": "phone"}
    return Form(page, data, Promise.objects.filter(offer__owner=user))


def _ask(user):
    today = timezone.localdate()
    offer = make_offer(user, received_on=today, respond_by=today + datetime.timedelta(days=3))
    make_contact(offer, name="Sam Ortiz", role=Contact.Role.RECRUITER)
    data = {
        "contact": "",
        "channel": "phone",
        "asked_on": today.isoformat(),
        "requested_date": (today + datetime.timedelta(days=10)).isoformat(),
        "script": "Could I have until then?",
    }
    page = reverse("offers:ask_more_time", args=[offer.pk])
    return Form(page, data, TimeAsk.objects.filter(offer__owner=user))


def _ask_to_start_later(user):
    today = timezone.localdate()
    signed = make_offer(user, company="Spree Werk", status=Offer.Status.SIGNED)
    offer = make_offer(user, received_on=today, start_date=today + datetime.timedelta(days=7))
    data = {
        "contact": "",
        "channel": "phone",
        "asked_on": today.isoformat(),
        "requested_date": (today + datetime.timedelta(days=40)).isoformat(),
        "script": "Could I start later?",
        "other": signed.pk,
    }
    page = reverse("offers:ask_start_later", args=[offer.pk])
    return Form(page, data, TimeAsk.objects.filter(offer__owner=user, kind="start_later"))


def _rate(user):
    make_offer(user, company="Paris Co", currency="EUR")
    make_offer(user, company="New York Co", currency="USD")
    data = {"currency": "USD", "rate": "0.92", "taken_on": timezone.localdate().isoformat()}
    return Form(reverse("offers:set_rate"), data, ExchangeRate.objects.filter(owner=user))


def _leaving(user) -> Decision:
    committed = signed_job_with_a_bonus_to_repay(user)
    make_contact(committed, name="Morgan Lee", role=Contact.Role.HIRING_MANAGER)
    chosen = make_offer(user, company="Bluebird Health")
    return make_decision(user, [committed, chosen], chosen_offer=chosen, decided_at=timezone.now())


def _follow_up(user):
    page = reverse("decisions:add_follow_up", args=[_leaving(user).pk])
    data = {"follow_up-text": "Return the laptop", "follow_up-due_on": ""}
    return Form(page, data, FollowUp.objects.filter(call_plan__decision__owner=user))


def _referral(user):
    page = reverse("decisions:add_referral", args=[_leaving(user).pk])
    data = {"referral-name": "Dana Kim", "referral-how_to_reach": "dana@example.com"}
    return Form(page, data, Referral.objects.filter(call_plan__decision__owner=user))


def _wizard(user, step) -> Decision:
    offers = [make_offer(user, company="First Co"), make_offer(user, company="Second Co")]
    return at_step(make_decision(user, offers), step)


def _pro_or_con(user):
    decision = _wizard(user, Decision.Step.PROS_CONS)
    offer = decision.offers.first()
    data = {"version": decision.version, "offer": offer.pk, "kind": "pro", "term": "long_term"}
    # The form sits on the step's page and posts to its own address.
    page = reverse("decisions:pros_cons", args=[decision.pk])
    form = Form(page, {**data, "text": "A mentor"}, Consideration.objects.filter(offer=offer))
    form.post_to = reverse("decisions:add_consideration", args=[decision.pk])
    return form


def _decision(user):
    offers = [make_offer(user, company="First Co"), make_offer(user, company="Second Co")]
    data = {"title": "Which one?", "offers": [offer.pk for offer in offers]}
    return Form(reverse("decisions:new"), data, Decision.objects.filter(owner=user))


def _own_factor(user):
    decision = _wizard(user, Decision.Step.PRIORITIES)
    data = factor_data(decision, new_name="Commute", add="")
    page = reverse("decisions:priorities", args=[decision.pk])
    return Form(page, data, Factor.objects.filter(decision__owner=user, name="Commute"))


FORMS: dict[str, Callable] = {
    "offer": _offer,
    "contact": _contact,
    "promise": _promise,
    "time ask": _ask,
    "ask to start later": _ask_to_start_later,
    "exchange rate": _rate,
    "follow-up": _follow_up,
    "referral": _referral,
    "decision": _decision,
    "pro or con": _pro_or_con,
    "own factor": _own_factor,
}


def _open(client, form: Form) -> str:
    """Open the create page as a browser does: sent to its address with a token, which the
    form carries. The token."""
    response = client.get(form.page)
    assert response.status_code == 302
    token = re.search(r"[?&]once=([0-9a-f-]{36})", response.url).group(1)
    html = client.get(response.url).content.decode()
    assert f'<input type="hidden" name="once" value="{token}">' in html
    return token


def _post(client, form: Form, token: str, **changes):
    target = getattr(form, "post_to", form.page)
    return client.post(target, {**form.data, "once": token, **changes})


@pytest.fixture(params=FORMS, ids=list(FORMS))
def form_of(request):
    return FORMS[request.param]


def test_the_same_form_posted_twice_makes_one_record_and_lands_on_it(alice_client, alice, form_of):
    form = form_of(alice)
    token = _open(alice_client, form)
    first = _post(alice_client, form, token)
    assert first.status_code == 302 and form.rows.count() == 1
    again = _post(alice_client, form, token)
    assert form.rows.count() == 1
    landed = alice_client.get(again.url, follow=True)
    assert landed.status_code == 200
    assert ALREADY in landed.content.decode()
    # Where the first post went, less the new token its own landing carries.
    assert again.url == re.sub(r"[?&]once=[0-9a-f-]{36}", "", first.url)


def test_the_same_token_from_another_user_makes_their_own_record(alice_client, alice, bob, form_of):
    token = _open(alice_client, alice_form := form_of(alice))
    _post(alice_client, alice_form, token)
    bob_client = Client()
    bob_client.force_login(bob)
    bob_form = form_of(bob)
    response = _post(bob_client, bob_form, token)
    assert response.status_code == 302
    assert (alice_form.rows.count(), bob_form.rows.count()) == (1, 1)
    assert ALREADY not in bob_client.get(response.url, follow=True).content.decode()


def test_a_new_opening_of_the_page_is_a_new_form(alice_client, alice, form_of):
    form = form_of(alice)
    first, second = _open(alice_client, form), _open(alice_client, form)
    assert first != second


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", ["offer", "follow-up", "pro or con"])
def test_two_posts_of_one_form_at_once_make_one_record(alice, name):
    form = FORMS[name](alice)
    token = str(uuid.uuid4())
    results = []

    def post():
        client = Client()
        client.force_login(alice)
        try:
            results.append(_post(client, form, token).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [302, 302]
    assert form.rows.count() == 1
