"""When PostgreSQL cannot be reached: a 503 page of our own with ``Retry-After``, never a 500.

The middleware connects first (with Django's health check of a kept connection, and the embedded
server started again if it was found stopped, see ``embedded_db``), so most requests during an
outage are answered before anything runs. A connection lost later, anywhere in the request
(a view, another middleware, the session saved at the end), is caught by Django, which reports it
through ``got_request_exception``; the middleware then answers 503 instead of the error page.
Either way nothing was saved: each request's writes are one transaction or none.
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5


def unavailable_response() -> HttpResponse:
    # Rendered without the request: its context processors would look up the user in the
    # database that is not there.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            connection.ensure_connection()
        except DATABASE_DOWN as error:
            logger.warning("Database unavailable, answering 503: %s", error)
            return unavailable_response()
        response = self.get_response(request)
        if getattr(request, "_database_went_down", False):
            return unavailable_response()
        return response


def _note_database_failure(sender, request=None, **kwargs):
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, DATABASE_DOWN):
        request._database_went_down = True


got_request_exception.connect(_note_database_failure, dispatch_uid="crossroads.availability")
