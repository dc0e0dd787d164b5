"""`make run`, as the README says to start the app, serves it as people meet it: DEBUG off, the
app's own error pages, static files through whitenoise."""

import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.crossroads.processes import ROOT, clean_environment, free_port


def _get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def running_app(tmp_path):
    port = free_port()
    env = clean_environment()
    env["EMBEDDED_POSTGRES_DIR"] = str(tmp_path / "postgres")
    log = (tmp_path / "make-run.log").open("w")
    process = subprocess.Popen(
        ["make", "run", f"ADDR=127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            assert process.poll() is None, (tmp_path / "make-run.log").read_text()
            try:
                if _get(base + "/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("make run did not answer within 3 minutes")
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


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
