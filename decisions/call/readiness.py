"""Are you ready to tell the first employer? The checks before backing out of a commitment.

Each check reads a field of one of the two offers: the facts live on the offers, never copied.
A tick that stands for a fact the offer records (a confirmed start date needs a start date:
``offers.rules.ticks_without_facts``) counts as done only with that fact. A check not done can
be skipped only by an explicit, recorded choice (``SkippedCheck``): the "mark done" and
status-change pages ask for one per open check. Accepting the new offer first is the last step
before the call (``accept_first``); ``decisions.call.steps`` puts them all in order.
"""

from dataclasses import dataclass

from offers.promises.rules import in_writing
from offers.rules import ticks_without_facts

# The checks by name, in the order to do them; a SkippedCheck stores one of these names.
CHECK_NAMES = (
    "terms_reviewed",
    "written_offer_in_hand",
    "conditions_cleared",
    "start_date_confirmed",
)
# Everything the new offer's people promised is found in its written offer: read from the
# offer's promises (``offers.promises``), not ticked on the checklist.
PROMISES_IN_WRITING = "promises_in_writing"
# Accepting the new offer before the call: a step a SkippedCheck can record going ahead without.
ACCEPT_FIRST = "new_offer_accepted"
# What the checks read of an offer, for pages that load only some of its columns.
READ_FIELDS = ("company", "status", "start_date", *CHECK_NAMES)


@dataclass(frozen=True)
class Check:
    name: str  # the form field, and the offer's own field
    offer: object
    label: str
    why: str
    short: str  # what is missing, as a short phrase: "the offer from B in writing"
    skip: str  # the acknowledgement when going ahead without it
    todo: str  # the step, as something to do: "Get the offer from B in writing"
    done: bool | None = None  # None: the offer's tick, and the fact it needs

    def __post_init__(self):
        if self.done is None:
            done = bool(getattr(self.offer, self.name)) and not self.missing_fact
            object.__setattr__(self, "done", done)

    @property
    def missing_fact(self) -> str:
        """What the offer lacks for this tick to count, as a message; "" when nothing."""
        return ticks_without_facts(_values(self.offer) | {self.name: True}).get(self.name, "")


def _values(offer) -> dict:
    return {name: getattr(offer, name) for name in READ_FIELDS}


def _agreed(offer) -> str:
    """The stage decides the verb: only an offer signed (or started) was signed."""
    return "signed" if offer.status in ("signed", "started") else "agreed"


def readiness_checks(committed_offer, new_offer) -> list[Check]:
    """The checks for leaving ``committed_offer`` for ``new_offer``, in the order to do them."""
    old, new = committed_offer.company, new_offer.company
    return [
        Check(
            "terms_reviewed",
            committed_offer,
            f"The terms you {_agreed(committed_offer)} with {old} have been legally reviewed",
            "A lawyer or advisor can tell you what leaving costs: the notice period, any signing "
            "or relocation money to repay, and whether a non-compete applies.",
            f"a legal review of your terms with {old}",
            f"I go ahead without a legal review of my terms with {old}",
            f"Have your terms with {old} legally reviewed",
        ),
        Check(
            "written_offer_in_hand",
            new_offer,
            f"The offer from {new} is formal and in writing",
            "A verbal promise can change or vanish. Do not give up one job for an offer you "
            "cannot hold in your hand.",
            f"the offer from {new} in writing",
            f"I go ahead without the offer from {new} in writing",
            f"Get {new}’s offer in writing",
        ),
        Check(
            "conditions_cleared",
            new_offer,
            f"{new}’s conditions are cleared (background check, references)",
            "An offer that still depends on checks can fall through after you have already "
            "backed out of the other one.",
            f"{new}’s conditions cleared",
            f"I go ahead before {new}’s conditions are cleared",
            f"Have {new}’s conditions cleared",
        ),
        Check(
            "start_date_confirmed",
            new_offer,
            f"Your start date at {new} is confirmed",
            "Knowing when you start lets you tell the first employer exactly what happens next.",
            f"your start date at {new} confirmed",
            f"I go ahead without a confirmed start date at {new}",
            f"Get your start date at {new} confirmed",
        ),
    ]


def promises_check(new_offer, promises=None) -> Check:
    """Everything promised about ``new_offer`` is found in its written offer; done when nothing
    was promised. Reads ``new_offer.promises`` unless its ``promises`` are given (read with
    many offers at once, as the dashboard does)."""
    if promises is None:
        # An offer not saved (the pure tests' own) has no promises yet.
        promises = new_offer.promises.all() if new_offer.pk is not None else ()
    new, written = new_offer.company, in_writing(promises)
    todo = f"Check that everything {new} promised is in the written offer"
    if not written.recorded:
        todo += " (no promises recorded)"
    elif not written.done:
        todo += f" ({len(written.not_found)} of {written.recorded} not found yet)"
    return Check(
        PROMISES_IN_WRITING,
        new_offer,
        f"Everything {new} promised you is in the written offer",
        "A promise made on the phone or in person binds no one until it is written down. Ask "
        "for it in writing before you accept: afterwards, it is much harder to get.",
        f"what {new} promised, in writing",
        f"I go ahead without everything {new} promised in writing",
        todo,
        done=written.done,
    )


def checks_before_the_call(committed_offer, new_offer, promises=None) -> list[Check]:
    """The ticked checks (``readiness_checks``), then what was promised, in writing: all that
    the gate asks about before accepting or marking the call done."""
    return [*readiness_checks(committed_offer, new_offer), promises_check(new_offer, promises)]


def accept_first(committed_offer, new_offer) -> Check:
    """The step after the checks and before the call: the new offer accepted in writing, so
    the user never gives up one job before the other is theirs. Done once it is committed to."""
    old, new = committed_offer.company, new_offer.company
    return Check(
        ACCEPT_FIRST,
        new_offer,
        f"You accepted {new}’s offer in writing",
        f"Until you accept, {new} can still change or withdraw the offer.",
        f"accepting {new}’s offer in writing",
        f"I call {old} before I have accepted {new}’s offer in writing",
        f"Accept {new}’s offer in writing",
        done=new_offer.is_committed(),
    )


def is_ready(checks: list[Check]) -> bool:
    return all(check.done for check in checks)


def missing(checks: list[Check]) -> list[Check]:
    return [check for check in checks if not check.done]


def to_acknowledge(checks: list[Check], skipped: set[str]) -> list[Check]:
    """The checks neither done nor already skipped by a recorded choice."""
    return [check for check in checks if not check.done and check.name not in skipped]
