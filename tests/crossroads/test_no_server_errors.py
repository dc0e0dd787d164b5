"""Bad input never makes a server error: every page, sent nonsense in every field it shows.

Each page is first shown (GET) to learn its fields; then it is posted each kind of nonsense in all
of them at once. Whatever it answers (a message, a redirect, a refusal), it must not be a 500.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.export import user_data
from decisions.models import CallPlan, Consideration, FollowUp, Referral
from offers.models import Offer
from tests.factories import make_contact, make_decision, make_offer

pytestmark = pytest.mark.django_db

NONSENSE = [
    "",
    "\x00",
    "x" * 10_001,
    "-1",
    "99999999999999999999999",
    "9999-12-31",
    "2026-13-45",
    "NaN",
    "<script>alert(1)</script>",
    "0",
]

PAGES = [
    ("account", {}),
    ("delete_account", {}),
    ("offers:list", {}),
    ("offers:new", {}),
    ("offers:timeline", {}),
    ("offers:calendar", {}),
    ("offers:detail", {"pk": "offer"}),
    ("offers:edit", {"pk": "offer"}),
    ("offers:delete", {"pk": "offer"}),
    ("offers:add_contact", {"pk": "offer"}),
    ("offers:edit_contact", {"pk": "offer", "contact_pk": "contact"}),
    ("offers:delete_contact", {"pk": "offer", "contact_pk": "contact"}),
    ("decisions:list", {}),
    ("decisions:new", {}),
    ("decisions:reconsider", {"offer_pk": "offer"}),
    ("decisions:offers", {"pk": "decision"}),
    ("decisions:situation", {"pk": "decision"}),
    ("decisions:priorities", {"pk": "decision"}),
    ("decisions:ratings", {"pk": "decision"}),
    ("decisions:pros_cons", {"pk": "decision"}),
    ("decisions:add_consideration", {"pk": "decision"}),
    ("decisions:remove_consideration", {"pk": "decision"}),
    ("decisions:result", {"pk": "decision"}),
    ("decisions:record", {"pk": "decision"}),
    ("decisions:outcome", {"pk": "decision"}),
    ("decisions:delete", {"pk": "decision"}),
    ("decisions:readiness", {"pk": "decision"}),
    ("decisions:call", {"pk": "decision"}),
    ("decisions:call_when", {"pk": "decision"}),
    ("decisions:call_words", {"pk": "decision"}),
    ("decisions:call_answers", {"pk": "decision"}),
    ("decisions:call_print", {"pk": "decision"}),
    ("decisions:call_ics", {"pk": "decision"}),
    ("decisions:add_referral", {"pk": "decision"}),
    ("decisions:remove_referral", {"pk": "decision", "referral_pk": "referral"}),
    ("decisions:add_follow_up", {"pk": "decision"}),
    ("decisions:toggle_follow_up", {"pk": "decision", "follow_up_pk": "follow_up"}),
    ("decisions:remove_follow_up", {"pk": "decision", "follow_up_pk": "follow_up"}),
    ("decisions:call_log", {"pk": "decision"}),
    ("decisions:accept_new_offer", {"pk": "decision"}),
    ("decisions:call_done", {"pk": "decision"}),
    ("decisions:call_reopen", {"pk": "decision"}),
]


@pytest.fixture
def world(alice):
    """Alice signed one offer, chose another in a finished decision, and began the call plan."""
    committed = make_offer(alice, company="First Co", status=Offer.Status.SIGNED)
    new = make_offer(alice, company="Second Co", respond_by=timezone.localdate())
    contact = make_contact(committed)
    decision = make_decision(
        alice,
        [committed, new],
        chosen_offer=new,
        decided_at=timezone.now() - datetime.timedelta(days=1),
        step_reached=6,
    )
    plan = CallPlan.objects.create(decision=decision, contact=contact)
    return {
        "offer": committed.pk,
        "contact": contact.pk,
        "decision": decision.pk,
        "consideration": Consideration.objects.create(
            decision=decision, offer=new, kind="pro", text="Growth"
        ).pk,
        "referral": Referral.objects.create(call_plan=plan, name="Sam").pk,
        "follow_up": FollowUp.objects.create(call_plan=plan, text="Return laptop").pk,
    }


def _field_names(html: str) -> set[str]:
    return set(re.findall(r'name="([^"]+)"', html)) - {"csrfmiddlewaretoken"}


@pytest.mark.parametrize(("name", "kwargs"), PAGES, ids=[name for name, _ in PAGES])
def test_nonsense_in_every_field_never_makes_a_server_error(alice_client, world, name, kwargs):
    url = reverse(name, kwargs={key: world[value] for key, value in kwargs.items()})
    shown = alice_client.get(url)
    assert shown.status_code < 500
    fields = _field_names(shown.content.decode()) if shown.status_code == 200 else set()
    fields |= {"next", "version", "new_offer", "offers"}
    for nonsense in NONSENSE:
        response = alice_client.post(url, {field: nonsense for field in fields})
        assert response.status_code < 500, (name, nonsense)


OWNED_PAGES = [(name, kwargs) for name, kwargs in PAGES if kwargs]


@pytest.mark.parametrize(("name", "kwargs"), OWNED_PAGES, ids=[n for n, _ in OWNED_PAGES])
def test_a_stranger_gets_404_on_every_page_of_someone_elses_data(
    charlie_client, alice, world, name, kwargs
):
    url = reverse(name, kwargs={key: world[value] for key, value in kwargs.items()})
    before = _everything_of(alice)
    answers = {
        charlie_client.get(url).status_code,
        charlie_client.post(url, {"name": "Mine now", "confirm": "on"}).status_code,
    }
    # 405 answers a method the page never takes, whoever asks: it gives nothing away.
    assert 404 in answers and answers <= {404, 405}
    assert _everything_of(alice) == before


def _everything_of(user):
    data = user_data(user)
    del data["exported_at"], data["signature"]
    return data


@pytest.mark.parametrize(("name", "kwargs"), PAGES, ids=[n for n, _ in PAGES])
def test_an_anonymous_visitor_is_sent_to_log_in_from_every_page(client, alice, world, name, kwargs):
    url = reverse(name, kwargs={key: world[value] for key, value in kwargs.items()})
    before = _everything_of(alice)
    for response in (client.get(url), client.post(url, {"name": "Mine now", "confirm": "on"})):
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    assert _everything_of(alice) == before
