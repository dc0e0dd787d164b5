"""Whether everything promised about an offer is in writing: what the call plan's check reads."""

from dataclasses import dataclass


@dataclass(frozen=True)
class InWriting:
    recorded: int  # how many promises are recorded
    not_found: tuple  # those not found in the written offer yet, in the order recorded

    @property
    def done(self) -> bool:
        """Every promise found in writing; true when none is recorded."""
        return not self.not_found


def in_writing(promises) -> InWriting:
    """``promises`` (an offer's, loaded or prefetched) against the written offer."""
    promises = list(promises)
    return InWriting(len(promises), tuple(p for p in promises if not p.found_in_writing))
