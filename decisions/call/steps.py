"""The steps of the call plan, in order, with where each stands: the readiness checks (the ticks,
then what was promised, in writing), accepting the new offer, the call, then, where the law or
the contract says notice is given in writing, the letter that confirms it
(``decisions.call.letter``). The one list the plan page, the printed script, the calendar event
and the dashboard show, so none of them can promise what another does not.

Each step is done (the offers' facts say so), skipped (the user chose, through the gate, to go
ahead without it: a recorded ``SkippedCheck``) or open. "Ready to call" means every check is done,
the new offer is accepted or calling first was the user's recorded choice, someone is chosen to
call and a time is set. A skipped check is still missing: going ahead without a fact leaves the
risk it guards against; calling before accepting changes only the order of two things the user
does.
"""

import datetime
from dataclasses import dataclass

from decisions.call.readiness import ACCEPT_FIRST, Check, accept_first, checks_before_the_call
from offers.terms.models import terms_of

DONE, SKIPPED, OPEN = "done", "skipped", "open"
# How a skipped check is named among what still keeps the user from calling.
SKIPPED_STAYS = "skipped: its risk stays"
CALL = "call"
LETTER = "letter"  # after the call: confirm the notice in writing
AFTER_CHECKS = (CALL, LETTER)
# The one step a recorded choice settles for the call (see above).
SETTLED_BY_CHOICE = (ACCEPT_FIRST,)
# What each state is called wherever a step is shown (a badge with words, never colour alone).
STATE_WORDS = {DONE: "Done", SKIPPED: "Skipped", OPEN: "Not yet"}
# The badge's colour for each state (``_step.html``), beside its words.
STATE_BADGES = {DONE: "text-bg-success", SKIPPED: "text-bg-secondary", OPEN: "text-bg-warning"}


@dataclass(frozen=True)
class Step:
    name: str  # a readiness check's name, ``readiness.ACCEPT_FIRST``, ``CALL`` or ``LETTER``
    text: str  # what to do, in the user's words
    state: str  # DONE, SKIPPED or OPEN
    check: Check | None = None  # what the gate asks to go ahead without; None for the call
    skipped_at: datetime.datetime | None = None  # when the user chose to go ahead without it

    @property
    def state_words(self) -> str:
        return STATE_WORDS[self.state]

    @property
    def badge_class(self) -> str:
        return STATE_BADGES[self.state]

    @property
    def is_open(self) -> bool:
        return self.state == OPEN

    @property
    def keeps_from_calling(self) -> bool:
        if self.name in AFTER_CHECKS:
            return False
        return self.state == OPEN or (self.state == SKIPPED and self.name not in SETTLED_BY_CHOICE)


def _state(check: Check, skipped) -> str:
    if check.done:
        return DONE
    return SKIPPED if check.name in skipped else OPEN


def needs_letter(committed_offer) -> bool:
    """Ending the committed offer takes notice in writing: its country's note or its contract
    says so (its leaving terms loaded with it)."""
    terms = terms_of(committed_offer)
    return terms is not None and terms.needs_written_notice()


def call_steps(
    committed_offer, new_offer, skipped, call_done: bool, letter_sent: bool = False, promises=None
) -> list[Step]:
    """The steps in order. ``skipped`` maps the name of each step the user chose to go ahead
    without to when they chose it (None when the page does not show it). ``promises``: the new
    offer's, when read already (``readiness.promises_check``)."""
    checks = [
        *checks_before_the_call(committed_offer, new_offer, promises),
        accept_first(committed_offer, new_offer),
    ]
    steps = [
        Step(check.name, check.todo, _state(check, skipped), check, skipped.get(check.name))
        for check in checks
    ]
    call = Step(CALL, f"Call {committed_offer.company}", DONE if call_done else OPEN)
    if not needs_letter(committed_offer):
        return [*steps, call]
    letter = Step(LETTER, "Confirm in writing", DONE if letter_sent else OPEN)
    return [*steps, call, letter]


def steps_of_plan(decision, plan, skipped, promises=None) -> list[Step]:
    """The steps of ``decision``'s call; ``plan`` may be None or a draft."""
    done = plan is not None and plan.done_at is not None
    sent = getattr(decision, "notice_letter", None) is not None
    new_offer = decision.chosen_offer
    return call_steps(decision.committed_offer, new_offer, skipped, done, sent, promises)


def before_the_call(steps: list[Step]) -> list[Step]:
    return [step for step in steps if step.name not in AFTER_CHECKS]


def gate_rows(steps: list[Step]) -> list[tuple[Check, "Step | None"]]:
    """The gate's rows (``_gate.html``): each step before the call, with itself when skipped."""
    return [(s.check, s if s.state == SKIPPED else None) for s in before_the_call(steps)]


def accepting_to_skip(steps: list[Step], new_offer) -> Check | None:
    """Accepting first, when the user can still choose to call before it: the offer is open,
    and accepting it is neither done nor already skipped."""
    accept = next(step for step in steps if step.name == ACCEPT_FIRST)
    return accept.check if accept.is_open and new_offer.is_open() else None


def call_gaps(steps: list[Step], contact_chosen: bool, time_set: bool) -> list[str]:
    """What still keeps the user from making the call, as short phrases: the steps before it
    still open (a skipped one says so: going ahead without it was the user's choice, and its
    risk stays), then whom to call and when. None left: ready to call."""
    gaps = [
        f"{step.check.short} ({SKIPPED_STAYS})" if step.state == SKIPPED else step.check.short
        for step in steps
        if step.keeps_from_calling
    ]
    if not contact_chosen:
        gaps.append("someone to call")
    if not time_set:
        gaps.append("a time for the call")
    return gaps


def plan_gaps(steps: list[Step], plan) -> list[str]:
    """``call_gaps`` for a plan (saved, drafted, or None when there is none yet)."""
    chosen = plan is not None and plan.contact_id is not None
    return call_gaps(steps, chosen, plan is not None and plan.scheduled_at is not None)


def saved_message(gaps: list[str], checks_done: bool) -> str:
    """What to say once the readiness checklist is saved."""
    if not gaps:
        return "All checks are done: you are ready to make the call."
    if checks_done:
        return f"All checks are done. Still missing before the call: {_listed(gaps)}."
    return "Saved. Some checks are still open."


def _listed(phrases: list[str]) -> str:
    if len(phrases) == 1:
        return phrases[0]
    return f"{', '.join(phrases[:-1])} and {phrases[-1]}"
