"""The app and its embedded PostgreSQL stop together however the app ends, and a PostgreSQL found
stopped is started again. Each test runs `manage.py runserver` (with its reloader, as `make run`
does) on a throw-away data dir, in a session of its own so signals reach only it."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from crossroads.embedded_db.server import POSTMASTER_FILE
from tests.crossroads.processes import ROOT, clean_environment, free_port


def _postgres_running(data_dir: Path) -> bool:
    import psutil

    for process in psutil.process_iter(["name", "cmdline"]):
        if process.info["name"] == "postgres" and str(data_dir) in " ".join(
            process.info["cmdline"] or []
        ):
            return True
    return False


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class App:
    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.url = f"http://127.0.0.1:{free_port()}"
        env = clean_environment()
        self.log = data_dir.parent / "runserver.log"
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", self.url.removeprefix("http://")],
                cwd=ROOT,
                env={**env, "EMBEDDED_POSTGRES_DIR": str(data_dir), "DEBUG": "1"},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_until_serving()

    def _wait_until_serving(self):
        deadline = time.monotonic() + 180  # a loaded machine may take long for the first initdb
        while time.monotonic() < deadline:
            try:
                if _get(f"{self.url}/accounts/login/") == 200 and _postgres_running(self.data_dir):
                    return
            except OSError:
                pass
            time.sleep(0.3)
        os.killpg(self.process.pid, signal.SIGKILL)
        output = self.log.read_text()
        problems = [line for line in output.splitlines() if "initdb" in line or "FATAL" in line]
        pytest.fail("runserver did not start serving:\n" + "\n".join(problems) + output[-2000:])

    def ended_within(self, seconds: float) -> bool:
        try:
            self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            return False
        return True


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("stopping") / "pg"


def _postgres_gone(data_dir: Path, within: float = 15) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not _postgres_running(data_dir) and not (data_dir / POSTMASTER_FILE).exists():
            return True
        time.sleep(0.2)
    return False


def test_ctrl_c_stops_the_app_and_its_postgres(data_dir):
    app = App(data_dir)
    os.killpg(app.process.pid, signal.SIGINT)  # what the terminal sends to the whole foreground
    assert app.ended_within(20)
    assert _postgres_gone(data_dir)


def test_sigterm_to_the_app_stops_it_and_its_postgres(data_dir):
    app = App(data_dir)
    app.process.send_signal(signal.SIGTERM)  # `kill <pid>`, or make passing its SIGTERM on
    assert app.ended_within(20)
    assert _postgres_gone(data_dir)


def test_a_closed_terminal_stops_the_app_and_its_postgres(data_dir):
    app = App(data_dir)
    os.killpg(app.process.pid, signal.SIGHUP)  # what a closing terminal sends
    assert app.ended_within(20)
    assert _postgres_gone(data_dir)


def test_a_postgres_found_stopped_is_started_again_by_the_next_request(data_dir):
    from crossroads.embedded_db.server import pg_ctl

    app = App(data_dir)
    try:
        pg_ctl(data_dir, "-w", "-m", "fast", "stop")
        assert not _postgres_running(data_dir)
        assert _get(f"{app.url}/accounts/login/") == 200
        assert _postgres_running(data_dir)
    finally:
        app.process.send_signal(signal.SIGTERM)
        assert app.ended_within(20)
    assert _postgres_gone(data_dir)
