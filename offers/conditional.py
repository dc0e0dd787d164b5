"""Conditional requests for the calendar files that apps poll (Django's conditional view
processing): the ETag and Last-Modified come from one cheap query, so a poll with nothing
changed gets a 304 without loading a row or building the file.

Timestamps alone cannot tell whether a file changed: an ``update()`` or a delete leaves none.
So the ETag is a fingerprint of everything the file is made of: PostgreSQL hashes the text of
every row of each table the file reads (``md5(string_agg(<row>::text, ...))``, one subquery a
table, all in one SELECT), and to those hashes are added the user's time zone, the site's
address (the links) and the current hour, because the file also depends on the moment it is
made (dates pass, cancelled events drop out ``KEEP_CANCELLED`` after their change). Every row
of the user's in those tables counts, not only those the file shows: a change that shows
nowhere costs one download, a row missed would cost a stale calendar.
"""

import dataclasses
import datetime
import hashlib

from django.contrib.auth import get_user_model
from django.contrib.postgres.aggregates import StringAgg
from django.db.models import Expression, Max, Subquery, TextField, Value
from django.db.models.functions import MD5
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from offers.models import Contact, Offer, TimeAsk


class _WholeRow(Expression):
    """Every column of the query's own table as one text: PostgreSQL's ``<table>::text``."""

    output_field = TextField()

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(compiler.query.base_table)}::text", []


def _all_rows(rows, expression):
    """``expression`` (an aggregate) over every row of ``rows``, as a subquery of one value.
    Grouping by a constant is how Django aggregates a whole queryset inside a subquery."""
    grouped = rows.order_by().annotate(_all=Value(1)).values("_all")
    return Subquery(grouped.annotate(found=expression).values("found"))


@dataclasses.dataclass(frozen=True)
class Version:
    etag: str
    last_modified: datetime.datetime


def offer_reads(user) -> dict:
    """What the offers file reads (``offers_calendar`` with ``asks_about``): the user's offers,
    the asks about them and the contacts loaded with them."""
    return {
        "offers": Offer.objects.for_user(user),
        "asks": TimeAsk.objects.for_user(user),
        "contacts": Contact.objects.filter(offer__owner=user),
    }


def calendar_version(user, now, absolute, reads: dict) -> Version:
    """The version of ``user``'s calendar file made at ``now`` from the tables in ``reads``
    (a name for each, and the queryset of the user's rows), in one query. ``absolute(path)``
    makes the file's links. Last-Modified is the newest ``updated`` of those rows, never
    earlier than the start of the hour, so it moves when the hour does (the ETag catches the
    writes that leave no timestamp)."""
    zone = user.zone()
    # The hour in the user's zone: their "today", and so which dates are in play, turns at
    # their midnight, which is not a UTC hour in every zone.
    hour = now.astimezone(zone).replace(minute=0, second=0, microsecond=0)
    columns = {}
    for name, rows in reads.items():
        digest = MD5(StringAgg(_WholeRow(), delimiter=",", order_by="pk"))
        columns[f"{name}_rows"] = _all_rows(rows, digest)
        if any(field.name == "updated" for field in rows.model._meta.concrete_fields):
            columns[f"{name}_updated"] = _all_rows(rows, Max("updated"))
    found = get_user_model().objects.filter(pk=user.pk).values(**columns).get()
    parts = [found[f"{name}_rows"] or "" for name in reads] + [zone.key, absolute("/"), str(hour)]
    etag = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    newest = [moment for key, moment in found.items() if key.endswith("_updated") and moment]
    # Weak: the same version is made anew on each request, each time with its own DTSTAMP.
    return Version(etag=f'W/"{etag}"', last_modified=max([hour, *newest]))


def calendar_response(request, version: Version, build) -> HttpResponse:
    """A 304 when the client already holds ``version`` (nothing is built), else the file
    ``build()`` makes; both with the ETag and Last-Modified to ask with next time."""
    modified = int(version.last_modified.timestamp())
    response = get_conditional_response(request, etag=version.etag, last_modified=modified)
    if response is None:
        response = HttpResponse(build(), content_type="text/calendar; charset=utf-8")
    response["ETag"], response["Last-Modified"] = version.etag, http_date(modified)
    return response
