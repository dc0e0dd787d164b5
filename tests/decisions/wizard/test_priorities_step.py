import pytest

from decisions.models import Decision, Factor
from tests.decisions.helpers import at_step, factor_data, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def priorities(decision):
    return at_step(decision, Decision.Step.PRIORITIES)


def _factors(decision):
    return [(f.name, f.weight) for f in Factor.objects.filter(decision=decision)]


DEFAULTS = [
    ("Compensation", 3),
    ("Culture", 3),
    ("People", 3),
    ("Advancement", 3),
    ("Autonomy", 3),
]


def test_the_page_lists_the_factors_with_their_weights(alice_client, priorities):
    response = alice_client.get(url("priorities", priorities), follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Step 3 of 6" in html
    for name, _ in DEFAULTS:
        assert f'value="{name}"' in html
    assert "Move Culture up" in html and 'Remove<span class="visually-hidden"> Culture' in html
    assert 'Remove<span class="visually-hidden"> Compensation' not in html
    assert "Add a factor of your own" in html


def test_weights_and_names_are_saved_and_a_new_factor_added(alice_client, priorities):
    data = factor_data(
        priorities,
        new_name=" Commute ",
        new_weight=4,
        Culture=("Team culture", 5),
        Autonomy=("Autonomy", 0),
    )
    response = alice_client.post(url("priorities", priorities), data)
    assert response.status_code == 302
    assert response.url == url("ratings", priorities)
    assert _factors(priorities) == [
        ("Compensation", 3),
        ("Team culture", 5),
        ("People", 3),
        ("Advancement", 3),
        ("Autonomy", 0),
        ("Commute", 4),
    ]
    priorities.refresh_from_db()
    assert priorities.step_reached == Decision.Step.RATINGS


def test_add_factor_saves_and_stays_on_the_page(alice_client, priorities):
    data = factor_data(priorities, new_name="Stability", add="1")
    response = alice_client.post(url("priorities", priorities), data)
    assert ("Stability", 3) in _factors(priorities)
    added = priorities.factors.get(name="Stability")
    # Back to the factor just added, which the page can focus.
    assert response.url == url("priorities", priorities) + f"#factor-{added.pk}"
    html = alice_client.get(response.url, follow=True).content.decode()
    assert f'id="factor-{added.pk}" tabindex="-1"' in html
    priorities.refresh_from_db()
    assert priorities.step_reached == Decision.Step.PRIORITIES


def test_remove_deletes_that_factor_and_keeps_other_changes(alice_client, priorities):
    people = priorities.factors.get(name="People")
    data = factor_data(priorities, remove=str(people.pk), Culture=("Culture", 1))
    response = alice_client.post(url("priorities", priorities), data)
    assert response.url.endswith("#factors")
    assert _factors(priorities) == [
        ("Compensation", 3),
        ("Culture", 1),
        ("Advancement", 3),
        ("Autonomy", 3),
    ]


def test_compensation_cannot_be_removed(alice_client, priorities):
    money = priorities.factors.get(is_compensation=True)
    data = factor_data(priorities, remove=str(money.pk), Culture=("Culture", 1))
    response = alice_client.post(url("priorities", priorities), data)
    assert "Compensation cannot be removed" in response.content.decode()
    assert _factors(priorities) == DEFAULTS


def test_two_factors_swapping_names_get_a_message_not_an_error(alice_client, priorities):
    data = factor_data(priorities, Culture=("People", 3), People=("Culture", 3))
    response = alice_client.post(url("priorities", priorities), data, follow=True)
    assert response.status_code == 200
    assert "cannot swap names in one save" in response.content.decode()
    assert _factors(priorities) == DEFAULTS


def test_move_up_and_down_reorders(alice_client, priorities):
    autonomy = priorities.factors.get(name="Autonomy")
    alice_client.post(
        url("priorities", priorities), factor_data(priorities, move=f"{autonomy.pk}:up")
    )
    names = [name for name, _ in _factors(priorities)]
    assert names == ["Compensation", "Culture", "People", "Autonomy", "Advancement"]
    compensation = priorities.factors.get(name="Compensation")
    priorities.refresh_from_db()
    alice_client.post(
        url("priorities", priorities), factor_data(priorities, move=f"{compensation.pk}:down")
    )
    names = [name for name, _ in _factors(priorities)]
    assert names == ["Culture", "Compensation", "People", "Autonomy", "Advancement"]


def test_moving_the_first_factor_up_changes_nothing(alice_client, priorities):
    first = priorities.factors.first()
    alice_client.post(url("priorities", priorities), factor_data(priorities, move=f"{first.pk}:up"))
    assert _factors(priorities) == DEFAULTS


@pytest.fixture
def bobs_factor(bob):
    from tests.factories import make_decision, make_offer

    return make_decision(bob, [make_offer(bob), make_offer(bob)]).factors.get(name="Culture")


def _everything(decision, bobs_factor):
    return (
        list(
            Factor.objects.filter(decision=decision).values_list("pk", "name", "weight", "position")
        ),
        list(Factor.objects.filter(pk=bobs_factor.pk).values_list("name", "weight", "decision")),
        Factor.objects.count(),
    )


def _row_id(decision, name):
    index = [factor.name for factor in decision.factors.all()].index(name)
    return f"factors-{index}-id"


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda d, bobs: {_row_id(d, "Culture"): bobs.pk}, id="another-users-row"),
        pytest.param(lambda d, bobs: {_row_id(d, "Culture"): 99999999}, id="unknown-row"),
        pytest.param(lambda d, bobs: {_row_id(d, "Culture"): "x"}, id="not-a-number-row"),
        pytest.param(lambda d, bobs: {"factors-5-id": bobs.pk}, id="another-users-new-row"),
        pytest.param(lambda d, bobs: {"remove": str(bobs.pk)}, id="remove-another-users"),
        pytest.param(lambda d, bobs: {"remove": "99999999"}, id="remove-unknown"),
        pytest.param(lambda d, bobs: {"move": f"{bobs.pk}:up"}, id="move-another-users"),
        pytest.param(lambda d, bobs: {"move": "nonsense"}, id="move-unknown"),
    ],
)
def test_a_factor_id_that_is_not_this_decisions_is_refused_with_a_message(
    alice_client, priorities, bobs_factor, tamper
):
    before = _everything(priorities, bobs_factor)
    data = factor_data(priorities, new_name="Commute", Culture=("Team culture", 5))
    data.update(tamper(priorities, bobs_factor))
    response = alice_client.post(url("priorities", priorities), data, follow=True)
    assert "not one of this decision" in response.content.decode()
    assert "Nothing was saved" in response.content.decode()
    assert _everything(priorities, bobs_factor) == before
    priorities.refresh_from_db()
    assert priorities.step_reached == Decision.Step.PRIORITIES


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"Culture": ("   ", 3)}, "Give the factor a name."),
        ({"Culture": ("people", 3)}, "Another factor is already called People"),
        ({"new_name": "CULTURE"}, "Another factor is already called Culture"),
        ({"Culture": ("Culture", 6)}, "Choose a weight from 0 to 5."),
        ({"Culture": ("Culture", -1)}, "Choose a weight from 0 to 5."),
        ({"new_name": "", "new_weight": "9"}, "Choose a weight from 0 to 5."),
    ],
)
def test_bad_names_and_weights_are_refused_and_nothing_is_saved(
    alice_client, priorities, changes, message
):
    extra = {k: changes.pop(k) for k in list(changes) if k.startswith("new_")}
    data = factor_data(priorities, Autonomy=("Freedom", 1), **extra, **changes)
    response = alice_client.post(url("priorities", priorities), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "There is a problem" in html
    assert _factors(priorities) == DEFAULTS
    priorities.refresh_from_db()
    assert priorities.version == 1


def test_all_weights_zero_is_refused_with_a_message(alice_client, priorities):
    zero = {name: (name, 0) for name, _ in DEFAULTS}
    response = alice_client.post(url("priorities", priorities), factor_data(priorities, **zero))
    html = response.content.decode()
    assert "At least one factor needs a weight above 0" in html
    assert _factors(priorities) == DEFAULTS


def test_removing_the_last_weighted_factor_is_refused(alice_client, priorities):
    zero = {name: (name, 0) for name, _ in DEFAULTS if name != "People"}
    people = priorities.factors.get(name="People")
    data = factor_data(priorities, remove=str(people.pk), **zero)
    response = alice_client.post(url("priorities", priorities), data)
    assert "At least one factor needs a weight above 0" in response.content.decode()
    assert priorities.factors.filter(name="People").exists()


def test_a_step_not_reached_sends_you_to_the_first_unfinished_one(alice_client, decision):
    at_step(decision, Decision.Step.SITUATION)
    response = alice_client.get(url("priorities", decision))
    assert response.url == url("situation", decision)
    response = alice_client.post(url("priorities", decision), factor_data(decision))
    assert response.url == url("situation", decision)


@pytest.mark.parametrize(
    ("field", "changes", "message"),
    [
        ("name", {"Culture": ("   ", 3)}, "Give the factor a name."),
        ("weight", {"Culture": ("Culture", 6)}, "Choose a weight from 0 to 5."),
    ],
)
def test_a_rows_error_sits_under_its_label_and_describes_its_field(
    alice_client, priorities, field, changes, message
):
    html = alice_client.post(
        url("priorities", priorities), factor_data(priorities, **changes)
    ).content.decode()
    field_id = f"id_factors-1-{field}"  # Culture's row
    assert f'<a href="#{field_id}">' in html  # from the summary at the top
    row = html[html.index(f'id="div_{field_id}"') :]
    label, error, box = (
        row.index(f'<label for="{field_id}"'),
        row.index(f'id="{field_id}_error"'),
        row.index(f'name="factors-1-{field}"'),
    )
    assert label < error < box
    assert f'<span class="visually-hidden">Error:</span> {message}' in row[:box]
    tag = row[box : row.index(">", box)]
    assert 'aria-invalid="true"' in tag and f'aria-describedby="{field_id}_error"' in tag
    assert "is-invalid" in tag


def test_each_rows_weight_shows_the_one_saved(alice_client, priorities):
    Factor.objects.filter(decision=priorities, name="People").update(weight=5)
    html = alice_client.get(url("priorities", priorities), follow=True).content.decode()
    people = html[html.index('name="factors-2-weight"') :]
    people = people[: people.index("</select>")]
    assert '<option value="5" selected>5 · most of all</option>' in people
    assert people.count("selected") == 1
