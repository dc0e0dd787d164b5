"""PostgreSQL unreachable: the app answers 503 with its own page and Retry-After, never a 500."""

import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.core.handlers.exception import convert_exception_to_response
from django.db import OperationalError
from django.test import RequestFactory

from crossroads.availability import DatabaseUnavailableMiddleware
from tests.crossroads.processes import ROOT, clean_environment, free_port


def _request(url, data=None):
    try:
        with urllib.request.urlopen(url, data=data, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def app_without_database():
    """gunicorn, as `make serve` runs it, pointed at a PostgreSQL port where nothing listens."""
    port, nothing_there = free_port(), free_port()
    env = clean_environment()
    env.update(
        DEBUG="1",
        DATABASE_URL=f"postgres://crossroads:secret@127.0.0.1:{nothing_there}/crossroads",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "crossroads.wsgi", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            _request(url)
            break
        except OSError:
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/offers/", "/accounts/export/"])
def test_every_page_says_briefly_unavailable_with_retry_after(app_without_database, path):
    status, headers, body = _request(app_without_database + path)
    assert status == 503
    assert headers["Retry-After"] == "5"
    assert "briefly unavailable" in body
    assert "Nothing was saved" in body


def test_a_form_posted_during_the_outage_is_told_nothing_was_saved(app_without_database):
    status, _, body = _request(
        f"{app_without_database}/accounts/login/", data=b"username=alice&password=x"
    )
    assert status == 503
    assert "Nothing was saved" in body


def test_static_files_are_still_served(app_without_database):
    status, _, _ = _request(f"{app_without_database}/static/favicon.svg")
    assert status == 200


@pytest.mark.django_db
def test_a_connection_lost_in_the_middle_of_a_request_also_gives_503():
    def view_whose_database_went_away(request):
        raise OperationalError("server closed the connection unexpectedly")

    handler = DatabaseUnavailableMiddleware(
        convert_exception_to_response(view_whose_database_went_away)
    )
    response = handler(RequestFactory().post("/offers/new/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert b"Nothing was saved" in response.content
