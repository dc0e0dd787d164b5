"""Every change of a promise: saved, ticked found in writing (or not), deleted. Each also marks
the offer changed, so calendars that show the call plan's steps (whose "in writing" step reads
the promises) are sent again with a higher SEQUENCE and a new ETag."""

from django.db import transaction
from django.utils import timezone

from offers.models import Offer
from offers.promises.models import Promise


def _touch(offer_id) -> None:
    Offer.objects.filter(pk=offer_id).update(updated=timezone.now())


def save_promise(promise: Promise) -> Promise:
    """Add or save ``promise`` (already checked by its form)."""
    with transaction.atomic():
        promise.save()
        _touch(promise.offer_id)
    return promise


def mark_found(promise: Promise, found: bool) -> None:
    """Record whether the written offer says what ``promise`` says."""
    with transaction.atomic():
        promise.found_in_writing = found
        promise.save(update_fields=["found_in_writing", "updated"])
        _touch(promise.offer_id)


def delete_promise(promise: Promise) -> None:
    with transaction.atomic():
        promise.delete()
        _touch(promise.offer_id)
