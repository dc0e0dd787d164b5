"""A PostgreSQL backend whose server is the embedded one, started on first connection.

Connecting lazily means ``check``, ``collectstatic`` and the autoreloader's parent process never
start a server.
"""

import psycopg
from django.db.backends.postgresql import base
from psycopg import sql

from crossroads.embedded_db.server import get_server, socket_dir

SUPERUSER = "postgres"


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, settings_dict, *args, **kwargs):
        super().__init__(settings_dict, *args, **kwargs)
        # The test runner renames the database in place; only the app's own one is created here.
        self._app_database = settings_dict["NAME"]
        self._database_ensured = False

    def get_connection_params(self):
        server = get_server(self.settings_dict["DATA_DIR"])
        host = socket_dir(server)
        self.settings_dict["HOST"] = host
        self.settings_dict["USER"] = SUPERUSER
        name = self.settings_dict["NAME"]
        if name and name == self._app_database and not self._database_ensured:
            _create_database_if_missing(host, name)
            self._database_ensured = True
        return super().get_connection_params()


def _create_database_if_missing(host: str, name: str) -> None:
    with psycopg.connect(host=host, user=SUPERUSER, dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
