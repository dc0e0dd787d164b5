"""The embedded PostgreSQL recovers from the faults seen on these machines (see STACK.md)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from crossroads.embedded_db import server

ROOT = Path(__file__).resolve().parents[2]
CONNECT = """
import sys, psycopg
from crossroads.embedded_db.server import get_server, socket_dir
s = get_server(sys.argv[1])
with psycopg.connect(host=socket_dir(s), user="postgres", dbname="postgres") as c:
    print(c.execute("select 40 + 2").fetchone()[0])
"""


def _connect_in_new_process(data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CONNECT, str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """A throw-away data dir, initialised once by a process that starts and stops the server."""
    path = tmp_path_factory.mktemp("embedded") / "pg"
    first = _connect_in_new_process(path)
    assert first.stdout.strip() == "42", first.stderr
    return path


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_server_stops_when_the_last_process_leaves(data_dir):
    assert not (data_dir / "postmaster.pid").exists()


def test_a_dead_process_left_in_the_handle_list_is_pruned(data_dir):
    (data_dir / ".handle_pids.json").write_text(json.dumps([_dead_pid()]))
    result = _connect_in_new_process(data_dir)
    assert result.stdout.strip() == "42", result.stderr
    # The dead PID no longer keeps the server alive: the last live process stopped it.
    assert json.loads((data_dir / ".handle_pids.json").read_text()) == []
    assert not (data_dir / "postmaster.pid").exists()


@pytest.mark.parametrize("content", ["", "{not json", '{"pids": 1}'])
def test_an_empty_or_broken_handle_file_is_repaired(data_dir, content):
    (data_dir / ".handle_pids.json").write_text(content)
    result = _connect_in_new_process(data_dir)
    assert result.stdout.strip() == "42", result.stderr


def test_a_stale_postmaster_pid_owned_by_another_process_is_removed(data_dir):
    # This test's own PID is alive but is not a postgres serving this data dir.
    lines = [
        str(os.getpid()),
        str(data_dir),
        "1700000000",
        "5432",
        str(data_dir),
        "",
        "0 0",
        "ready",
    ]
    (data_dir / "postmaster.pid").write_text("\n".join(lines) + "\n")
    result = _connect_in_new_process(data_dir)
    assert result.stdout.strip() == "42", result.stderr


def test_without_a_pgserver_wheel_the_app_says_to_set_database_url(monkeypatch):
    monkeypatch.setattr(sys, "version_info", (3, 13, 0, "final", 0))
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        server.get_server("/nonexistent/pg")
