"""Follow-ups after the call: added, ticked off and removed in place."""

import datetime

import pytest
from django.urls import reverse

from crossroads.text import NUL_MESSAGE
from decisions.models import FollowUp

pytestmark = pytest.mark.django_db


def _add_url(decision):
    return reverse("decisions:add_follow_up", args=[decision.pk])


def _url(name, follow_up):
    return reverse(name, args=[follow_up.call_plan.decision_id, follow_up.pk])


@pytest.fixture
def follow_up(call_plan):
    return FollowUp.objects.create(call_plan=call_plan, text="Return the laptop")


def test_adding_a_follow_up_with_a_due_date(alice_client, call_decision, call_plan):
    data = {"follow_up-text": "Send the confirmation e-mail", "follow_up-due_on": "2026-12-02"}
    response = alice_client.post(_add_url(call_decision), data)
    assert response.status_code == 302
    follow_up = call_plan.follow_ups.get()
    assert response.url.endswith(f"#follow-up-{follow_up.pk}")
    assert follow_up.text == "Send the confirmation e-mail"
    assert follow_up.due_on == datetime.date(2026, 12, 2)
    assert not follow_up.done
    page = alice_client.get(response.url).content.decode()
    assert "Send the confirmation e-mail" in page
    assert "Wednesday 2 December 2026" in page


def test_a_follow_up_needs_text_and_a_real_date(alice_client, call_decision, call_plan):
    response = alice_client.post(
        _add_url(call_decision), {"follow_up-text": "", "follow_up-due_on": "someday"}
    )
    content = response.content.decode()
    assert "There is a problem" in content
    assert "Say what needs doing." in content
    assert "Enter a date, such as 2026-12-01." in content
    assert not FollowUp.objects.exists()


def test_a_follow_up_with_a_null_character_is_refused(alice_client, call_decision, call_plan):
    response = alice_client.post(_add_url(call_decision), {"follow_up-text": "Re\x00turn"})
    assert NUL_MESSAGE in response.content.decode()
    assert not FollowUp.objects.exists()


def test_ticking_a_follow_up_marks_it_done_and_back(alice_client, follow_up):
    alice_client.post(_url("decisions:toggle_follow_up", follow_up))
    follow_up.refresh_from_db()
    assert follow_up.done
    alice_client.post(_url("decisions:toggle_follow_up", follow_up))
    follow_up.refresh_from_db()
    assert not follow_up.done


def test_removing_a_follow_up(alice_client, follow_up):
    assert alice_client.post(_url("decisions:remove_follow_up", follow_up)).status_code == 302
    assert not FollowUp.objects.exists()


def test_adding_has_a_page_of_its_own_reached_from_the_plan(alice_client, call_decision, follow_up):
    plan = alice_client.get(reverse("decisions:call", args=[call_decision.pk])).content.decode()
    assert "Return the laptop" in plan and 'name="follow_up-text"' not in plan
    assert f'href="{_add_url(call_decision)}">Add a follow-up' in plan
    content = alice_client.get(_add_url(call_decision), follow=True).content.decode()
    assert 'name="follow_up-text"' in content and 'name="follow_up-due_on"' in content
    assert FollowUp.objects.count() == 1


def test_get_is_refused(alice_client, call_decision, follow_up):
    for url in (
        _url("decisions:toggle_follow_up", follow_up),
        _url("decisions:remove_follow_up", follow_up),
    ):
        assert alice_client.get(url).status_code == 405
    follow_up.refresh_from_db()
    assert not follow_up.done


def test_each_button_on_the_plan_posts_to_its_own_items_address_with_the_token(
    alice_client, call_decision, call_plan, follow_up
):
    from decisions.models import Referral

    second = FollowUp.objects.create(call_plan=call_plan, text="Send the badge back")
    referral = Referral.objects.create(call_plan=call_plan, name="Dana Kim")
    page = alice_client.get(reverse("decisions:call", args=[call_decision.pk])).content.decode()
    for item in (follow_up, second):
        for name in ("decisions:toggle_follow_up", "decisions:remove_follow_up"):
            assert page.count(f'formaction="{_url(name, item)}"') == 1
    remove = reverse("decisions:remove_referral", args=[call_decision.pk, referral.pk])
    assert page.count(f'formaction="{remove}"') == 1
    # The lists' forms post with the token; a button posts its own item's change.
    assert page.count('name="csrfmiddlewaretoken"') >= 3
    alice_client.post(_url("decisions:toggle_follow_up", second))
    second.refresh_from_db()
    follow_up.refresh_from_db()
    assert second.done and not follow_up.done
