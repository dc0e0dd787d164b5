"""What plain test offers borrow from the real one, so they follow its rules, not a copy."""

from offers.models import Offer


class OfferStatuses:
    """For a dataclass with a ``status``: Offer's own status rules, as OfferOutline has them."""

    Status = Offer.Status
    OPEN_STATUSES = Offer.OPEN_STATUSES
    COMMITTED_STATUSES = Offer.COMMITTED_STATUSES
    IN_PLAY_STATUSES = Offer.IN_PLAY_STATUSES

    is_expected = Offer.is_expected
    is_open = Offer.is_open
    is_committed = Offer.is_committed
    is_in_play = Offer.is_in_play
