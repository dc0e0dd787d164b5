"""`make run`, as the README says to start the app, serves it as people meet it: DEBUG off, the
app's own error pages, static files through whitenoise."""

import http.cookiejar
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager

import pytest

from tests.crossroads.processes import ROOT, clean_environment, free_port


def _get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@contextmanager
def _make_run(tmp_path, addr: str, reached_at: str):
    """`make run ADDR=addr` on a data folder of its own, once it answers at ``reached_at``."""
    env = clean_environment()
    env["EMBEDDED_POSTGRES_DIR"] = str(tmp_path / "postgres")
    log_path = tmp_path / "make-run.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        ["make", "run", f"ADDR={addr}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            assert process.poll() is None, log_path.read_text()
            try:
                if _get(reached_at + "/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("make run did not answer within 3 minutes")
        yield log_path
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


@pytest.fixture
def running_app(tmp_path):
    port = free_port()
    with _make_run(tmp_path, f"127.0.0.1:{port}", f"http://127.0.0.1:{port}"):
        yield f"http://127.0.0.1:{port}"


def test_make_run_serves_the_apps_own_styled_pages_with_debug_off(running_app):
    status, _, html = _get(running_app + "/no-such-page/")
    assert status == 404
    assert "Page not found" in html and "Traceback" not in html
    stylesheet = re.search(r'href="(/static/css/crossroads\.[0-9a-f]+\.css)"', html)
    assert stylesheet, "the stylesheet should be whitenoise's hashed file"
    status, headers, css = _get(running_app + stylesheet.group(1))
    assert status == 200 and headers["Content-Type"].startswith("text/css") and css

    status, headers, html = _get(running_app + "/accounts/logout/")
    assert status == 405 and "POST" in headers["Allow"]
    assert "This address is not for opening directly" in html and stylesheet.group(1) in html


def _own_address() -> str | None:
    """An address of this machine other than loopback: where another machine would reach it."""
    printed = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
    return next((a for a in printed if ":" not in a), None)


def test_make_run_for_other_machines_works_in_their_browsers_over_plain_http(tmp_path):
    """Reached at this machine's network address, as from another machine: the cookies are kept
    over plain HTTP (a browser keeps no Secure cookie there), so signing up and the forms work;
    the terminal warns that the traffic is not encrypted. No mail server: the account is made at
    once and the dashboard opens."""
    host = _own_address()
    if host is None:
        pytest.skip("this machine has no network address besides loopback")
    port = free_port()
    base = f"http://{host}:{port}"
    with _make_run(tmp_path, f"0.0.0.0:{port}", base) as log:
        # A cookie jar as a browser's: Secure cookies are never sent back over plain HTTP.
        browser = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        form = browser.open(base + "/accounts/signup/", timeout=30).read().decode()
        assert "E-mail is off on this server" in form
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        answers = {
            "csrfmiddlewaretoken": token,
            "username": "remote",
            "email": "remote@example.com",
            "password1": "a-long-and-unusual-passphrase",
            "password2": "a-long-and-unusual-passphrase",
            "time_zone": "Europe/Lisbon",
            "number_format": "en_US",
        }
        request = urllib.request.Request(
            base + "/accounts/signup/",
            data=urllib.parse.urlencode(answers).encode(),
            headers={"Referer": base + "/accounts/signup/"},
        )
        with browser.open(request, timeout=30) as answer:
            page = answer.read().decode()
            assert answer.url == base + "/"
        assert "Hello, remote" in page and "Welcome, remote. Your account is ready." in page
        assert "served over plain HTTP" in log.read_text()
