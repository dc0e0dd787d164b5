"""Are you ready to tell the first employer? The checks before backing out of a commitment.

Each check reads a field of one of the two offers: the facts live on the offers, never copied.
A check not done can be skipped only by an explicit, recorded choice (``SkippedCheck``): the
"mark done" and status-change pages ask for one per open check.
"""

from dataclasses import dataclass

# The checks by name, in the order to do them; a SkippedCheck stores one of these names.
CHECK_NAMES = (
    "terms_reviewed",
    "written_offer_in_hand",
    "conditions_cleared",
    "start_date_confirmed",
)


@dataclass(frozen=True)
class Check:
    name: str  # the form field, and the offer's own field
    offer: object
    label: str
    why: str
    short: str  # what is missing, as a short phrase: "the offer from B in writing"
    skip: str  # the acknowledgement when going ahead without it

    @property
    def done(self) -> bool:
        return bool(getattr(self.offer, self.name))


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
        ),
        Check(
            "written_offer_in_hand",
            new_offer,
            f"The offer from {new} is formal and in writing",
            "A verbal promise can change or vanish. Do not give up one job for an offer you "
            "cannot hold in your hand.",
            f"the offer from {new} in writing",
            f"I go ahead without the offer from {new} in writing",
        ),
        Check(
            "conditions_cleared",
            new_offer,
            f"{new}'s conditions are cleared (background check, references)",
            "An offer that still depends on checks can fall through after you have already "
            "backed out of the other one.",
            f"{new}’s conditions cleared",
            f"I go ahead before {new}’s conditions are cleared",
        ),
        Check(
            "start_date_confirmed",
            new_offer,
            f"Your start date at {new} is confirmed",
            "Knowing when you start lets you tell the first employer exactly what happens next.",
            f"your start date at {new} confirmed",
            f"I go ahead without a confirmed start date at {new}",
        ),
    ]


def is_ready(checks: list[Check]) -> bool:
    return all(check.done for check in checks)


def missing(checks: list[Check]) -> list[Check]:
    return [check for check in checks if not check.done]


def to_acknowledge(checks: list[Check], skipped: set[str]) -> list[Check]:
    """The checks neither done nor already skipped by a recorded choice."""
    return [check for check in checks if not check.done and check.name not in skipped]
