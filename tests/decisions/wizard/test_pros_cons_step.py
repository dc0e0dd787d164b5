import re

import pytest

from decisions.models import Consideration, Decision
from tests.decisions.helpers import at_step, finished_decision, url
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def pros_cons(decision):
    return at_step(decision, Decision.Step.PROS_CONS)


def _add(client, decision, to, version=None, **fields):
    data = {
        "version": decision.version if version is None else version,
        "offer": to.pk,
        "kind": "pro",
        "term": "long_term",
        "text": "A mentor on the team",
        **fields,
    }
    return client.post(url("add_consideration", decision), data)


def _remove(client, decision, item_pk):
    return client.post(
        url("remove_consideration", decision), {"version": decision.version, "item": item_pk}
    )


def _item(decision, offer, text="Long commute", kind="con", term="immediate"):
    return Consideration.objects.create(
        decision=decision, offer=offer, kind=kind, term=term, text=text
    )


def test_the_page_has_a_section_per_offer_and_one_add_form_to_choose_the_offer_in(
    alice_client, pros_cons, new_offer, committed
):
    _item(pros_cons, new_offer)
    html = alice_client.get(url("pros_cons", pros_cons), follow=True).content.decode()
    assert "Step 5 of 6" in html
    assert html.count('class="consideration-add"') == 1
    assert "Long commute" in html and ">now<" in html
    assert f'id="offer-{new_offer.pk}"' in html
    assert "Which offer is it about?" in html
    for offer in (new_offer, committed):
        assert f'name="offer" value="{offer.pk}"' in html
        # Each offer's column links to the add form with that offer chosen.
        assert f'href="?offer={offer.pk}#add">Add a pro or con of {offer.company}</a>' in html
    assert _chosen_offers(html) == []


def _chosen_offers(html) -> list[str]:
    radios = re.findall(r'<input type="radio"[^>]*name="offer"[^>]*>', html)
    assert radios
    return [re.search(r'value="(\d+)"', radio).group(1) for radio in radios if "checked" in radio]


def test_the_link_from_an_offer_opens_the_add_form_with_it_chosen(
    alice_client, pros_cons, new_offer
):
    page = url("pros_cons", pros_cons)
    html = alice_client.get(f"{page}?offer={new_offer.pk}", follow=True).content.decode()
    assert _chosen_offers(html) == [str(new_offer.pk)]
    # Anything else in `offer` is ignored: nothing is chosen.
    for nonsense in ("x", "99999", "²"):
        assert (
            _chosen_offers(
                alice_client.get(f"{page}?offer={nonsense}", follow=True).content.decode()
            )
            == []
        )


def test_every_remove_button_shares_one_form_and_names_its_item(
    alice_client, pros_cons, new_offer, committed
):
    items = [_item(pros_cons, new_offer), _item(pros_cons, committed, text="Known team")]
    html = alice_client.get(url("pros_cons", pros_cons), follow=True).content.decode()
    assert html.count(f'action="{url("remove_consideration", pros_cons)}"') == 1
    for item in items:
        assert (
            f'<button type="submit" name="item" value="{item.pk}" '
            f'class="btn btn-link btn-sm p-0 text-danger">Remove'
            f'<span class="visually-hidden"> “{item.text}”</span></button>'
        ) in html


def test_adding_a_pro_saves_it_and_returns_to_that_offer(alice_client, pros_cons, new_offer):
    response = _add(alice_client, pros_cons, new_offer, text="  A mentor on the team  ")
    assert response.status_code == 302
    item = Consideration.objects.get()
    # Back to the item just added, which the page can focus, with its offer still chosen and
    # the add form a new token.
    page = url("pros_cons", pros_cons)
    assert re.fullmatch(
        rf"{page}\?offer={new_offer.pk}&once=[0-9a-f-]{{36}}#consideration-{item.pk}",
        response.url,
    )
    html = alice_client.get(response.url).content.decode()
    assert f'id="consideration-{item.pk}" tabindex="-1"' in html
    assert "Added to Second Co: A mentor on the team" in html
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
    response = _remove(alice_client, pros_cons, gone.pk)
    assert response.url.endswith(f"#offer-{new_offer.pk}")
    assert list(Consideration.objects.all()) == [kept]


@pytest.mark.parametrize("item", ["", "x", "0", "-1", "²", "9" * 30])
def test_removing_without_a_valid_item_is_a_404(alice_client, pros_cons, new_offer, item):
    _item(pros_cons, new_offer)
    assert _remove(alice_client, pros_cons, item).status_code == 404
    assert Consideration.objects.count() == 1


def test_another_decisions_item_cannot_be_removed(alice_client, bob, pros_cons, new_offer):
    theirs = finished_decision(bob, offers=2, factors=2, considerations=1).considerations.get()
    assert _remove(alice_client, pros_cons, theirs.pk).status_code == 404
    assert Consideration.objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": "   "}, "Write the pro or con in a few words."),
        ({"kind": ""}, "Choose pro or con."),
        ({"kind": "maybe"}, "Choose one of the options shown"),
        ({"term": "someday"}, "Choose one of the options shown"),
        ({"text": "x" * 501}, "Keep this under 500 characters (it has 501)."),
        ({"offer": ""}, "Choose the offer it is about."),
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


def test_an_offer_outside_the_decision_is_refused_next_to_the_choice(
    alice_client, alice, bob, pros_cons
):
    for other in (make_offer(alice, company="Other Co"), make_offer(bob, company="Bob Co")):
        response = _add(alice_client, pros_cons, other)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Choose one of the offers in this decision." in html
        assert 'href="#id_offer_0"' in html
        assert "Bob Co" not in html
    assert not Consideration.objects.exists()


def test_continue_moves_on_to_the_result(alice_client, pros_cons):
    response = alice_client.post(url("pros_cons", pros_cons), {"version": pros_cons.version})
    assert response.url == url("result", pros_cons)
    pros_cons.refresh_from_db()
    assert pros_cons.step_reached == Decision.Step.RESULT


def test_add_and_remove_refuse_get(alice_client, pros_cons, new_offer):
    item = _item(pros_cons, new_offer)
    assert alice_client.get(url("add_consideration", pros_cons)).status_code == 405
    assert (
        alice_client.get(url("remove_consideration", pros_cons) + f"?item={item.pk}").status_code
        == 405
    )
    assert Consideration.objects.count() == 1


def test_a_step_not_reached_sends_you_to_the_first_unfinished_one(
    alice_client, decision, new_offer
):
    at_step(decision, Decision.Step.RATINGS)
    assert alice_client.get(url("pros_cons", decision)).url == url("ratings", decision)
    assert _add(alice_client, decision, new_offer).url == url("ratings", decision)
    assert not Consideration.objects.exists()
