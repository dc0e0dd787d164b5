"""One username whatever its case, and a log-out that says so."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from crossroads.models import User
from tests.crossroads.test_preferences import SIGNUP
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_signup_refuses_a_taken_username_in_another_case(client, alice):
    response = client.post(reverse("signup"), {**SIGNUP, "username": "Alice"})
    assert "already exists" in response.context["form"].errors["username"][0]
    assert 'href="#id_username"' in response.content.decode()
    assert User.objects.count() == 1


def test_the_database_refuses_two_usernames_differing_only_in_case(alice):
    with pytest.raises(IntegrityError):
        make_user("ALICE", email="other@example.com")


@pytest.mark.parametrize("typed", ["alice", "Alice", "ALICE"])
def test_logging_in_ignores_the_case_of_the_username(client, alice, typed):
    response = client.post(reverse("login"), {"username": typed, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_a_wrong_password_in_another_case_still_fails(client, alice):
    response = client.post(reverse("login"), {"username": "ALICE", "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_failed_logins_in_any_case_count_together(client, alice, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for typed in ("alice", "ALICE"):
        client.post(reverse("login"), {"username": typed, "password": "wrong"})
    response = client.post(reverse("login"), {"username": "Alice", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (403, 429)


def test_logging_out_says_so_on_the_landing_page(alice_client):
    response = alice_client.post(reverse("logout"), follow=True)
    html = response.content.decode()
    assert "You are logged out." in html
    assert not response.context["user"].is_authenticated


def test_logging_out_by_get_is_refused_with_a_page_of_ours(alice_client):
    response = alice_client.get(reverse("logout"))
    assert response.status_code == 405
    assert "This address is not for opening directly" in response.content.decode()
    assert alice_client.session.get("_auth_user_id")


def test_a_username_longer_than_any_account_is_refused_with_a_message_not_an_error(client):
    response = client.post(reverse("login"), {"username": "a" * 256, "password": "whatever-it-is"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "A username has at most 150 characters" in html
    assert 'aria-invalid="true"' in html
