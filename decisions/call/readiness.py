"""Are you ready to tell the first employer? The checks before backing out of a commitment.

Each check reads a field of one of the two offers: the facts live on the offers, never copied.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    name: str  # the form field, and the offer's own field
    offer: object
    label: str
    why: str

    @property
    def done(self) -> bool:
        return bool(getattr(self.offer, self.name))


def readiness_checks(committed_offer, new_offer) -> list[Check]:
    """The checks for leaving ``committed_offer`` for ``new_offer``, in the order to do them."""
    return [
        Check(
            "terms_reviewed",
            committed_offer,
            f"The terms you signed with {committed_offer.company} have been legally reviewed",
            "A lawyer or advisor can tell you what leaving costs: the notice period, any signing "
            "or relocation money to repay, and whether a non-compete applies.",
        ),
        Check(
            "written_offer_in_hand",
            new_offer,
            f"The offer from {new_offer.company} is formal and in writing",
            "A verbal promise can change or vanish. Do not give up one job for an offer you "
            "cannot hold in your hand.",
        ),
        Check(
            "conditions_cleared",
            new_offer,
            f"{new_offer.company}'s conditions are cleared (background check, references)",
            "An offer that still depends on checks can fall through after you have already "
            "backed out of the other one.",
        ),
        Check(
            "start_date_confirmed",
            new_offer,
            f"Your start date at {new_offer.company} is confirmed",
            "Knowing when you start lets you tell the first employer exactly what happens next.",
        ),
    ]


def is_ready(checks: list[Check]) -> bool:
    return all(check.done for check in checks)


def missing(checks: list[Check]) -> list[Check]:
    return [check for check in checks if not check.done]
