import pytest

from decisions.models import Consideration, Decision
from tests.decisions.helpers import at_step, url
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def pros_cons(decision):
    return at_step(decision, Decision.Step.PROS_CONS)


def _add(client, decision, offer, version=None, **fields):
    data = {
        "version": decision.version if version is None else version,
        f"offer-{offer.pk}-kind": "pro",
        f"offer-{offer.pk}-term": "long_term",
        f"offer-{offer.pk}-text": "A mentor on the team",
    }
    data.update({f"offer-{offer.pk}-{key}": value for key, value in fields.items()})
    return client.post(url("add_consideration", decision, offer.pk), data)


def _item(decision, offer, text="Long commute", kind="con", term="immediate"):
    return Consideration.objects.create(
        decision=decision, offer=offer, kind=kind, term=term, text=text
    )


def test_the_page_has_a_section_and_an_add_form_per_offer(alice_client, pros_cons, new_offer):
    _item(pros_cons, new_offer)
    html = alice_client.get(url("pros_cons", pros_cons)).content.decode()
    assert "Step 5 of 6" in html
    assert html.count('class="consideration-add"') == 2
    assert "Long commute" in html and ">now<" in html
    assert f'id="offer-{new_offer.pk}"' in html


def test_adding_a_pro_saves_it_and_returns_to_that_offer(alice_client, pros_cons, new_offer):
    response = _add(alice_client, pros_cons, new_offer, text="  A mentor on the team  ")
    assert response.status_code == 302
    item = Consideration.objects.get()
    # Back to the item just added, which the page can focus.
    assert response.url == url("pros_cons", pros_cons) + f"#consideration-{item.pk}"
    html = alice_client.get(response.url).content.decode()
    assert f'id="consideration-{item.pk}" tabindex="-1"' in html
    assert (item.offer, item.kind, item.term, item.text) == (
        new_offer,
        "pro",
        "long_term",
        "A mentor on the team",
    )
    pros_cons.refresh_from_db()
    assert pros_cons.version == 2


def test_removing_an_item_deletes_only_it(alice_client, pros_cons, new_offer, committed):
    gone = _item(pros_cons, new_offer)
    kept = _item(pros_cons, committed, text="Known team")
    response = alice_client.post(
        url("remove_consideration", pros_cons, gone.pk), {"version": pros_cons.version}
    )
    assert response.url.endswith(f"#offer-{new_offer.pk}")
    assert list(Consideration.objects.all()) == [kept]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": "   "}, "Write the pro or con in a few words."),
        ({"kind": ""}, "Choose pro or con."),
        ({"kind": "maybe"}, "Select a valid choice"),
        ({"term": "someday"}, "Select a valid choice"),
        ({"text": "x" * 501}, "at most 500 characters"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_nothing_saved(
    alice_client, pros_cons, new_offer, fields, message
):
    response = _add(alice_client, pros_cons, new_offer, **fields)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and message in html
    assert not Consideration.objects.exists()


def test_an_offer_outside_the_decision_is_a_404(alice_client, alice, pros_cons):
    other = make_offer(alice, company="Other Co")
    assert _add(alice_client, pros_cons, other).status_code == 404
    assert not Consideration.objects.exists()


def test_continue_moves_on_to_the_result(alice_client, pros_cons):
    response = alice_client.post(url("pros_cons", pros_cons), {"version": pros_cons.version})
    assert response.url == url("result", pros_cons)
    pros_cons.refresh_from_db()
    assert pros_cons.step_reached == Decision.Step.RESULT


def test_add_and_remove_refuse_get(alice_client, pros_cons, new_offer):
    item = _item(pros_cons, new_offer)
    assert alice_client.get(url("add_consideration", pros_cons, new_offer.pk)).status_code == 405
    assert alice_client.get(url("remove_consideration", pros_cons, item.pk)).status_code == 405
    assert Consideration.objects.count() == 1


def test_a_step_not_reached_sends_you_to_the_first_unfinished_one(
    alice_client, decision, new_offer
):
    at_step(decision, Decision.Step.RATINGS)
    assert alice_client.get(url("pros_cons", decision)).url == url("ratings", decision)
    assert _add(alice_client, decision, new_offer).url == url("ratings", decision)
    assert not Consideration.objects.exists()
