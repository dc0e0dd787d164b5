"""A PostgreSQL backend whose server is the embedded one, started on first connection.

Connecting lazily means ``check``, ``collectstatic`` and the autoreloader's parent process never
start a server. A server that will not start is a database that cannot be reached (the 503 page,
or one line from ``manage.py``), with the last line of its log.
"""

import subprocess
from pathlib import Path

import psycopg
from django.db.backends.postgresql import base
from psycopg import sql

from crossroads.embedded_db.server import (
    RACING_A_START,
    SUPERUSER,
    get_server,
    where_it_listens,
)


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, settings_dict, *args, **kwargs):
        super().__init__(settings_dict, *args, **kwargs)
        # The test runner renames the database in place; only the app's own one is created here.
        self._app_database = settings_dict["NAME"]
        self._database_ensured = False

    def get_connection_params(self):
        data_dir = self.settings_dict["DATA_DIR"]
        try:
            server = get_server(data_dir)
        except (*RACING_A_START, subprocess.TimeoutExpired) as error:
            raise psycopg.OperationalError(_did_not_start(Path(data_dir))) from error
        host, port = where_it_listens(server)
        self.settings_dict["HOST"], self.settings_dict["PORT"] = host, str(port)
        self.settings_dict["USER"] = SUPERUSER
        name = self.settings_dict["NAME"]
        if name and name == self._app_database and not self._database_ensured:
            _create_database_if_missing(host, port, name)
            self._database_ensured = True
        return super().get_connection_params()


def _did_not_start(data_dir: Path) -> str:
    try:
        lines = [line for line in (data_dir / "log").read_text().splitlines() if line.strip()]
    except OSError:
        lines = []
    said = f' It says: "{lines[-1].strip()}".' if lines else ""
    return f"The embedded PostgreSQL did not start; see its log, {data_dir / 'log'}.{said}"


def _create_database_if_missing(host: str, port: int, name: str) -> None:
    with psycopg.connect(
        host=host, port=port, user=SUPERUSER, dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
