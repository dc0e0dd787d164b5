"""The second half of the walk of every address and form (see ``test_no_server_errors.py``): in
a file of its own so that a second worker takes it."""

import pytest

from tests.crossroads.fuzz import fuzz

pytestmark = pytest.mark.django_db


def test_hostile_input_in_any_form_of_the_second_half_never_makes_a_server_error(
    alice_client, alice, bob
):
    covered = fuzz(alice_client, alice, bob, shard=1, shards=2)
    assert covered["forms"] > 20
