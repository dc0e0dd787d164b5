"""The app's own settings, as in production (DEBUG off, the same middleware, the same database
connection settings), with two changes: a database of the benchmark's own, which it empties on
every run, so it never touches the data of `make run`; and one extra page, the bare baseline
(see bench/urls.py)."""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from crossroads.local_secret import local_secret_key

os.environ["DEBUG"] = "0"
# As in production, behind one TLS proxy that says the request came over HTTPS.
os.environ.setdefault("TRUSTED_PROXY_COUNT", "1")
os.environ.setdefault("SECRET_KEY", local_secret_key())

from crossroads.settings import *  # noqa: E402, F403
from crossroads.settings import BASE_DIR, DATABASES, TEMPLATES, VAR_DIR  # noqa: E402

_app_database = DATABASES["default"]
_bench_url = os.environ.get("BENCH_DATABASE_URL", "")
if _bench_url:
    if _bench_url == os.environ.get("DATABASE_URL"):
        raise ImproperlyConfigured(
            "BENCH_DATABASE_URL is the app's own database: the benchmark empties its database "
            "on every run, so give it one of its own."
        )
    _bench_database = dj_database_url.parse(_bench_url)
else:
    _bench_database = {
        "ENGINE": "crossroads.embedded_db",
        "NAME": "crossroads_bench",
        "DATA_DIR": os.environ.get("EMBEDDED_POSTGRES_DIR", str(VAR_DIR / "postgres")),
    }
for _key in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS", "OPTIONS"):
    if _key in _app_database:
        _bench_database[_key] = _app_database[_key]
DATABASES = {"default": _bench_database}

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
