"""The plan page, the printed script, the calendar event and the dashboard list the same steps,
in the same order, in the same state (decisions.call.steps is their one source)."""

import datetime
import html
import re

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from decisions.call.steps import STATE_WORDS
from decisions.models import SkippedCheck
from offers.models import Offer, Promise

pytestmark = pytest.mark.django_db

_HTML_STEP = re.compile(
    r'<li[^>]*data-step="([^"]+)" data-state="([^"]+)"[^>]*>.*?'
    # On the plan an open check's text is a link to its box in the checklist.
    r'class="badge[^"]*">([^<]*)</span> <(?:span|a) class="step-text"[^>]*>([^<]*)<',
    re.DOTALL,
)
_ICS_STEP = re.compile(r"^\d+\. (.*): (done|skipped|not yet)$")
_STATES = {words.lower(): state for state, words in STATE_WORDS.items()}


def _html_steps(content: str) -> list[tuple[str, str, str]]:
    """The steps of the one list on the page: (name, state, text), the state's words checked."""
    lists = content.split("data-steps")
    assert len(lists) == 2, "one list of steps on the page"
    found = _HTML_STEP.findall(lists[1].split("</ol>")[0])
    for _, state, words, _ in found:
        assert STATE_WORDS[state] == words
    return [(name, state, html.unescape(text)) for name, state, _, text in found]


def _ics_steps(content: bytes) -> list[tuple[str, str]]:
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    lines = str(event["description"]).split("Your steps, in order:\n")[1].split("\n")
    matches = [_ICS_STEP.match(line) for line in lines]
    return [(m[1], _STATES[m[2]]) for m in matches if m]


def _renderings(client, decision):
    pages = {
        name: client.get(reverse(name, args=[decision.pk])).content.decode()
        for name in ("decisions:call", "decisions:call_print")
    }
    dashboard = client.get(reverse("home")).content.decode()
    pages["home"] = dashboard.split('id="calls-to-make"')[1]
    steps = {name: _html_steps(content) for name, content in pages.items()}
    ics = client.get(reverse("decisions:call_ics", args=[decision.pk])).content
    return steps, _ics_steps(ics)


def _half_way(plan, committed, new):
    """Terms reviewed; going ahead without the offer in writing (recorded); the start date
    ticked but not recorded; a promise not found in writing; the offer not accepted yet."""
    _promise(new, found=False)
    committed.terms_reviewed = True
    committed.save()
    new.start_date_confirmed = True
    new.save()
    SkippedCheck.objects.create(
        call_plan=plan,
        check_name="written_offer_in_hand",
        acknowledgement="I go ahead without the offer from Bluebird Health in writing",
        skipped_at=timezone.now(),
    )
    return ["done", "skipped", "open", "open", "open", "open", "open"]


def _all_done(plan, committed, new):
    committed.terms_reviewed = True
    committed.save()
    new.written_offer_in_hand = new.conditions_cleared = new.start_date_confirmed = True
    new.start_date = timezone.localdate() + datetime.timedelta(days=40)
    new.status, new.accepted_on = Offer.Status.ACCEPTED, timezone.localdate()
    new.save()
    _promise(new, found=True)
    return ["done", "done", "done", "done", "done", "done", "open"]


def _promise(offer, found):
    Promise.objects.create(
        offer=offer,
        what="A remote day a week",
        promised_on=timezone.localdate(),
        found_in_writing=found,
    )


@pytest.mark.parametrize("situation", [_half_way, _all_done])
def test_the_four_renderings_list_the_same_steps_in_the_same_order_and_state(
    alice_client, call_decision, call_plan, call_committed, call_new, situation
):
    states = situation(call_plan, call_committed, call_new)
    steps, ics = _renderings(alice_client, call_decision)
    expected = [
        ("terms_reviewed", "Have your terms with Northwind Freight legally reviewed"),
        ("written_offer_in_hand", "Get Bluebird Health’s offer in writing"),
        (
            "conditions_cleared",
            "Have Bluebird Health’s conditions cleared",
        ),
        ("start_date_confirmed", "Get your start date at Bluebird Health confirmed"),
        (
            "promises_in_writing",
            "Check that everything Bluebird Health promised is in the written offer"
            + (" (1 of 1 not found yet)" if states[4] == "open" else ""),
        ),
        ("new_offer_accepted", "Accept Bluebird Health’s offer in writing"),
        ("call", "Call Northwind Freight"),
    ]
    listed = [(name, state, text) for (name, text), state in zip(expected, states, strict=True)]
    assert steps["decisions:call"] == listed
    assert steps["decisions:call_print"] == listed
    assert steps["home"] == listed
    assert ics == [(text, state) for _, state, text in listed]


def test_the_dashboard_says_ready_only_when_the_plan_does(
    alice_client, call_decision, call_plan, call_committed, call_new
):
    _all_done(call_plan, call_committed, call_new)
    for page in (reverse("home"), reverse("decisions:call", args=[call_decision.pk])):
        content = alice_client.get(page).content.decode()
        assert "Ready to call" in content and "Not ready to call" not in content
    call_new.status = Offer.Status.RECEIVED
    call_new.save()
    for page in (reverse("home"), reverse("decisions:call", args=[call_decision.pk])):
        content = alice_client.get(page).content.decode()
        assert "Not ready to call" in content
        assert ">Ready to call<" not in content
