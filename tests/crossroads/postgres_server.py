"""A throw-away PostgreSQL server from Debian's `postgresql` package, as production runs one.

`throwaway_server()` makes a cluster in a temporary folder (as the `postgres` user when run as
root: initdb refuses root), starts it on a free loopback port, and gives a `DATABASE_URL` for a
role that owns one database and may create others (pytest-django makes its test databases). The
app reaches it over TCP with a password, as it would reach a server on another machine. Durability
is traded for speed (fsync off): nothing here outlives the test run.

    .venv/bin/python -m tests.crossroads.postgres_server COMMAND...

runs COMMAND with `DATABASE_URL` set to such a server, and removes the server afterwards.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tests.crossroads.processes import free_port

INSTALL = "apt-get install -y postgresql"
ROLE, PASSWORD, DATABASE = "crossroads", "a-password-for-the-test-server", "crossroads"


def server_binaries() -> Path | None:
    """The newest Debian PostgreSQL server's bin folder, or None when none is installed."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name)
    )
    return found[-1].parent if found else None


def _as_owner(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextlib.contextmanager
def throwaway_server() -> Iterator[str]:
    binaries = server_binaries()
    if binaries is None:
        raise RuntimeError(f"No PostgreSQL server is installed here: {INSTALL}")
    folder = Path(tempfile.mkdtemp(prefix="crossroads-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", free_port()
    initdb, pg_ctl, psql = (str(binaries / name) for name in ("initdb", "pg_ctl", "psql"))
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    superuser = [psql, "-h", str(folder), "-p", str(port), "-U", "postgres", "-X", "-q"]
    try:
        _run(
            _as_owner(
                [initdb, "-D", str(data), "-U", "postgres", "-E", "UTF8", "--no-locale"]
                + ["--no-sync", "--auth-local=trust", "--auth-host=scram-sha-256"]
            )
        )
        _run(
            _as_owner(
                [pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-w", "-o", options]
                + ["start"]
            )
        )
        try:
            for sql in (
                f"CREATE ROLE {ROLE} LOGIN CREATEDB PASSWORD '{PASSWORD}'",
                f"CREATE DATABASE {DATABASE} OWNER {ROLE}",
            ):
                _run([*superuser, "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c", sql])
            yield f"postgres://{ROLE}:{PASSWORD}@127.0.0.1:{port}/{DATABASE}"
        finally:
            _run(_as_owner([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")


def main(command: list[str]) -> int:
    if not command:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with throwaway_server() as url:
            print(f"A throw-away PostgreSQL server: {url}", file=sys.stderr, flush=True)
            return subprocess.run(command, env={**os.environ, "DATABASE_URL": url}).returncode
    except RuntimeError as problem:
        print(problem, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
