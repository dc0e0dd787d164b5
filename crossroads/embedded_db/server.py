"""Start, or attach to, the embedded PostgreSQL that runs when DATABASE_URL is unset.

pgserver does the work; this module first repairs the states in which pgserver was seen to fail
on these machines (see docs/embedded-postgres.md):

1. a process killed hard stays listed in ``.handle_pids.json``, so the server is never stopped,
   and an empty or broken list makes every later start fail with a JSON error;
2. a stale ``postmaster.pid`` whose PID now belongs to another process makes pgserver "attach"
   to nothing;
3. a server stopped while the app runs is never started again by pgserver.
"""

import fcntl
import json
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

HANDLE_FILE = ".handle_pids.json"
POSTMASTER_FILE = "postmaster.pid"


def _import_pgserver():
    if sys.version_info >= (3, 13):
        raise ImproperlyConfigured(_no_pgserver_message())
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver
    except ImportError:
        raise ImproperlyConfigured(_no_pgserver_message()) from None
    return pgserver


def _no_pgserver_message() -> str:
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return (
        f"The embedded PostgreSQL (the pgserver package) is not available on Python {version}: "
        "it ships wheels up to Python 3.12. Set DATABASE_URL to a PostgreSQL server instead, "
        "for example DATABASE_URL=postgres://USER:PASSWORD@localhost:5432/crossroads"
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


def _serving(data_dir: Path) -> bool:
    """Whether a live postgres serves ``data_dir``, as its ``postmaster.pid`` says.

    A stopped server's process may linger as a zombie where nothing reaps it, so "the process
    exists" is not enough.
    """
    try:
        pid = int((data_dir / POSTMASTER_FILE).read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        return False
    return _is_postgres_for(pid, data_dir)


def repair_stale_postmaster(data_dir: Path) -> None:
    """Remove ``postmaster.pid`` unless its PID is a live postgres serving this data dir."""
    path = data_dir / POSTMASTER_FILE
    if not path.exists():
        return
    try:
        pid = int(path.read_text().splitlines()[0])
    except (ValueError, IndexError, OSError):
        path.unlink(missing_ok=True)
        return
    if not _is_postgres_for(pid, data_dir):
        path.unlink(missing_ok=True)


def get_server(data_dir: str | Path):
    """The pgserver handle for ``data_dir``, started if need be, after repairing known faults.

    Called for every new connection: a server this process attached to but that has stopped since
    (stopped by hand, or crashed) is started again here, so the app recovers by itself.
    """
    pgserver = _import_pgserver()
    from pgserver.postgres_server import PostgresServer

    data_dir = Path(data_dir).expanduser().resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    if data_dir in PostgresServer._instances:
        server = PostgresServer._instances[data_dir]
        if not _serving(data_dir):
            _start_again(server, data_dir)
        return server
    # Two processes starting at once on a fresh checkout (two test workers, say) would both run
    # initdb into the same folder, and one fails; a lock file beside the data dir lets the first
    # create it while the second waits, then attaches.
    with _startup_lock(data_dir):
        if data_dir.exists():
            with PostgresServer._lock:
                repair_handle_file(data_dir)
                repair_stale_postmaster(data_dir)
        return pgserver.get_server(data_dir)


def _start_again(server, data_dir: Path) -> None:
    """Start the stopped server again, or attach to the one another process started meanwhile."""
    from pgserver.postgres_server import PostgresServer

    with _startup_lock(data_dir), PostgresServer._lock:
        repair_stale_postmaster(data_dir)
        server.ensure_postgres_running()


@contextmanager
def _startup_lock(data_dir: Path):
    with open(data_dir.parent / f".{data_dir.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def socket_dir(server) -> str:
    return str(server.get_postmaster_info().socket_dir)
