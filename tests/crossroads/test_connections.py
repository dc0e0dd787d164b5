"""Database connections are kept between requests, and a connection the database dropped (a
restart, a failover) is replaced on the next request instead of failing it."""

import io
import sys

import psycopg
import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import Client
from django.urls import reverse


def _get(path: str, cookie: str) -> int:
    """A request as a WSGI server makes it, so Django opens and keeps (or closes) the database
    connection at the start and end of the request as it does in production; the test client
    would skip that."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "HTTP_COOKIE": cookie,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    status = []
    result = WSGIHandler()(environ, lambda line, headers, exc_info=None: status.append(line))
    b"".join(result)
    result.close()
    return int(status[0].split()[0])


def _backend_pid() -> int:
    return connection.connection.info.backend_pid


@pytest.mark.django_db(transaction=True)
def test_a_connection_dropped_by_the_database_is_replaced_on_the_next_request(alice, monkeypatch):
    # As in production (DEBUG off): kept ten minutes, checked before a request reuses it.
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 600)
    monkeypatch.setitem(connection.settings_dict, "CONN_HEALTH_CHECKS", True)
    client = Client()
    client.force_login(alice)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    page = reverse("offers:list")

    assert _get(page, cookie) == 200
    kept = _backend_pid()
    assert _get(page, cookie) == 200
    assert _backend_pid() == kept, "the connection is reused by the next request"

    # The database ends that connection, as a restart would.
    with psycopg.connect(**connection.get_connection_params()) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [kept])

    assert _get(page, cookie) == 200
    assert _backend_pid() != kept
