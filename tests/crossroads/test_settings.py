"""Settings come from the environment; a bad value stops the app at start, naming the variable."""

import subprocess
import sys

import pytest
from django.urls import reverse

from tests.crossroads.processes import ROOT, clean_environment

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "crossroads.example.com",
}


# Variables of the test run itself that the app under test must not inherit.


def _manage(*args, **env):
    clean = clean_environment()
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({"DEBUG": "0"}, "SECRET_KEY"),
        ({"DATABASE_URL": "mysql://user:pw@localhost/db"}, "DATABASE_URL"),
        ({"DATABASE_URL": "not a url at all"}, "DATABASE_URL"),
        ({"CSRF_TRUSTED_ORIGINS": "crossroads.example.com"}, "CSRF_TRUSTED_ORIGINS"),
        ({"EMAIL_HOST": "smtp.example.com", "EMAIL_PORT": "twenty-five"}, "EMAIL_PORT"),
        ({**PRODUCTION, "SECURE_HSTS_SECONDS": "a year"}, "SECURE_HSTS_SECONDS"),
        ({**PRODUCTION, "SECURE_HSTS_SECONDS": "-1"}, "SECURE_HSTS_SECONDS"),
        ({"TIME_ZONE": "Mars/Base"}, "TIME_ZONE"),
        ({"TIME_ZONE": "Etc/GMT+1"}, "TIME_ZONE"),
        ({"AXES_FAILURE_LIMIT": "0"}, "AXES_FAILURE_LIMIT"),
        ({**PRODUCTION, "PLAIN_HTTP": "sometimes"}, "PLAIN_HTTP"),
        ({**PRODUCTION, "PLAIN_HTTP": "1", "SECURE_SSL_REDIRECT": "1"}, "PLAIN_HTTP"),
    ],
)
def test_a_malformed_variable_stops_the_app_with_a_message_naming_it(env, named):
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("Crossroads cannot start: ")
    assert named in last_line


def test_production_settings_pass_the_deployment_checks():
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, EMAIL_HOST="smtp.example.com"
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_deployment_checks_warn_without_a_mail_server():
    result = _manage("check", "--deploy", **PRODUCTION)
    assert "crossroads.W001" in result.stderr and "EMAIL_HOST is unset" in result.stderr


@pytest.mark.parametrize(
    ("env", "secure"),
    [(PRODUCTION, "True True True"), ({**PRODUCTION, "PLAIN_HTTP": "1"}, "False False False")],
    ids=["production", "make run"],
)
def test_cookies_are_secure_and_http_redirected_unless_served_over_plain_http(env, secure):
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)",
        **env,
    )
    assert result.stdout.strip().splitlines()[-1] == secure, result.stderr


def test_the_deployment_checks_warn_about_plain_http():
    result = _manage("check", "--deploy", **PRODUCTION, PLAIN_HTTP="1")
    for warning in ("security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


@pytest.mark.parametrize(
    "url",
    ["postgres://crossroads:secret@127.0.0.1:1/crossroads", "postgres://u:p@nowhere.invalid/db"],
)
def test_a_database_url_that_points_nowhere_stops_the_app_with_one_line(url):
    result = _manage("migrate", "--no-input", DATABASE_URL=url)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Crossroads cannot reach its database: ")
    assert line.endswith("Check DATABASE_URL: its host, port, user and password.")


def test_a_postgres_database_url_is_accepted():
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['HOST'])",
        DATABASE_URL="postgres://crossroads:secret@db.internal:5432/crossroads",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "db.internal"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (PRODUCTION, "60 True"),
        (
            {**PRODUCTION, "DATABASE_URL": "postgres://crossroads:secret@db.internal/crossroads"},
            "60 True",
        ),
        ({**PRODUCTION, "CONN_MAX_AGE": "600"}, "600 True"),
    ],
)
def test_database_connections_are_kept_and_checked_before_reuse(env, expected):
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; db = settings.DATABASES['default']; "
        "print(db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS'])",
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


@pytest.mark.parametrize(("proxies", "believed"), [("0", False), ("1", True)])
def test_the_https_header_is_believed_only_from_a_proxy_the_settings_name(proxies, believed):
    printed = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(bool(settings.SECURE_PROXY_SSL_HEADER))",
        **PRODUCTION,
        TRUSTED_PROXY_COUNT=proxies,
    )
    assert printed.stdout.strip().splitlines()[-1] == str(believed), printed.stderr


@pytest.mark.django_db
def test_with_no_proxy_a_plain_request_claiming_https_gets_no_hsts(client, settings):
    settings.DEBUG, settings.SECURE_PROXY_SSL_HEADER = False, None
    settings.SECURE_HSTS_SECONDS, settings.SECURE_SSL_REDIRECT = 31536000, False
    response = client.get(reverse("login"), HTTP_X_FORWARDED_PROTO="https")
    assert "Strict-Transport-Security" not in response.headers
    assert "Strict-Transport-Security" in client.get(reverse("login"), secure=True).headers


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (PRODUCTION, "True 5"),
        (
            {**PRODUCTION, "DATABASE_URL": "postgres://crossroads:secret@db.internal/crossroads"},
            "True 5",
        ),
        ({**PRODUCTION, "DATABASE_PREPARED_STATEMENTS": "0"}, "None None"),
    ],
)
def test_queries_are_prepared_statements_unless_turned_off_for_a_pooler(env, expected):
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; o = settings.DATABASES['default'].get('OPTIONS', {}); "
        "print(o.get('server_side_binding'), o.get('prepare_threshold'))",
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


@pytest.mark.django_db
def test_a_query_run_again_on_the_connection_is_planned_once():
    """The fifth run of the same query prepares it on the server: no planning after that."""
    from django.db import connection

    from crossroads.models import User

    for _ in range(6):
        User.objects.filter(username="nobody").exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('"crossroads_user"' in statement for statement in prepared)
