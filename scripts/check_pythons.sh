#!/usr/bin/env bash
# Does the project install, and its embedded PostgreSQL start, on these Pythons? For each
# interpreter named: a throw-away virtualenv, `pip install .`, then `manage.py migrate` on a
# throw-away data folder (which starts the embedded server, creates the database, builds every
# table) and one query; the server stops when the command ends. As README.md reports:
#   scripts/check_pythons.sh python3.11 python3.12 python3.13
set -euo pipefail
cd "$(dirname "$0")/.."
for python in "$@"; do
  tmp=$(mktemp -d /tmp/crossroads-python-XXXXXX)
  "$python" -m venv "$tmp/venv"
  "$tmp/venv/bin/pip" install --quiet . 2>&1 | grep -v "^WARNING: Location" || true
  export EMBEDDED_POSTGRES_DIR="$tmp/postgres"
  "$tmp/venv/bin/python" manage.py migrate --no-input --verbosity 0
  "$tmp/venv/bin/python" manage.py shell --verbosity 0 -c \
    "import sys; from django.db import connection as c; c.ensure_connection(); print(f'Python {sys.version.split()[0]}: PostgreSQL {c.cursor().connection.info.server_version // 10000}, migrated')"
  test ! -e "$tmp/postgres/postmaster.pid" || { echo "the server did not stop"; exit 1; }
  rm -rf "$tmp"
done
