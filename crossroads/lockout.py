"""Fair pauses after wrong passwords: django-axes, with a handler and a lockout page of our own.

Two limits count the wrong passwords of the last ``AXES_COOLOFF_TIME``:

- ``AXES_FAILURE_LIMIT`` for one username from one address pauses that username from that address
  only, so someone elsewhere cannot lock the owner out;
- ``AXES_ADDRESS_FAILURE_LIMIT`` from one address, whatever the usernames, pauses logging in from
  that address (someone trying many accounts).

The address is the one ``crossroads.client_address`` trusts. Opening a valid password reset link
lifts every pause on its username. Trying again while paused does not lengthen the pause, so the
page can say exactly when it ends.
"""

import datetime
import math
from dataclasses import dataclass

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone

# The order of AXES_LOCKOUT_PARAMETERS, which get_user_attempts follows.
LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]


def pause_ends(
    failures: list[tuple[int, datetime.datetime]], limit: int, cool_off: datetime.timedelta
) -> datetime.datetime | None:
    """When a pause ends, or None if there is none.

    ``failures`` are (count, latest time) pairs still within their cool-off; each counts until
    ``cool_off`` after its latest time. The pause lasts while those still counting add up to
    ``limit`` or more.
    """
    total = sum(count for count, _ in failures)
    if total < limit:
        return None
    for count, latest in sorted(failures, key=lambda failure: failure[1]):
        total -= count
        if total < limit:
            return latest + cool_off
    raise AssertionError("unreachable: the total falls below any positive limit")


@dataclass(frozen=True)
class Pause:
    ends_at: datetime.datetime
    whole_address: bool  # True: every username from this address; False: this username here

    def minutes_left(self, now: datetime.datetime) -> int:
        return max(1, math.ceil((self.ends_at - now).total_seconds() / 60))


class FairLockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        # Axes compares one number with AXES_FAILURE_LIMIT: give the address's failures in the
        # same units, so either limit reached means "paused".
        here, address = (
            _total(attempts) for attempts in self.get_user_attempts(request, credentials)
        )
        return max(
            here, address * settings.AXES_FAILURE_LIMIT // settings.AXES_ADDRESS_FAILURE_LIMIT
        )

    def reset_user_attempts(self, request, credentials=None) -> int:
        # Logging in forgets this username's wrong passwords from here, not the address's others:
        # else an attacker could clear the address's count by logging in to an account of their own.
        here, _address = self.filter_user_attempts(request, credentials)
        count, _ = here.delete()
        return count

    def pause(self, request, credentials=None) -> Pause | None:
        cool_off = get_cool_off(request)
        here, address = self.get_user_attempts(request, credentials)
        pauses = [
            Pause(ends, whole_address)
            for attempts, limit, whole_address in (
                (here, settings.AXES_FAILURE_LIMIT, False),
                (address, settings.AXES_ADDRESS_FAILURE_LIMIT, True),
            )
            if (ends := pause_ends(_failures(attempts), limit, cool_off))
        ]
        return max(pauses, key=lambda pause: pause.ends_at, default=None)


def _total(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def _failures(attempts) -> list[tuple[int, datetime.datetime]]:
    return list(attempts.values_list("failures_since_start", "attempt_time"))


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of logging in while paused: why, and how long to wait."""
    pause = FairLockoutHandler().pause(request, credentials)
    return render(
        request,
        "registration/locked_out.html",
        {"pause": pause, "minutes_left": pause.minutes_left(timezone.now()) if pause else None},
        status=429,
    )


def lift_pauses(username: str) -> None:
    """Forget the wrong passwords given for ``username``, from every address."""
    AccessAttempt.objects.filter(username__iexact=username).delete()
