"""Response headers: private pages never cached, powerful features off, no server banner, and the
production settings score A+ by the rules of the MDN HTTP Observatory."""

import datetime
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from decisions.models import CallPlan
from tests.crossroads.fuzz import address, make_world, routes
from tests.crossroads.test_no_server_errors import PUBLIC

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("route", [route for route in routes() if route not in PUBLIC])
def test_no_signed_in_page_may_be_stored(alice_client, alice, route):
    response = alice_client.get(address(route, make_world(alice)))
    if response.status_code == 405:  # a page that only takes POST has nothing to store
        return
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("name", ["export_data", "offers:calendar", "home"])
def test_the_downloads_and_the_dashboard_are_not_stored(alice_client, name):
    assert "no-store" in alice_client.get(reverse(name))["Cache-Control"]


def test_the_call_event_file_is_not_stored(alice_client, alice):
    world = make_world(alice)
    CallPlan.objects.filter(decision_id=world["decision"]).update(
        scheduled_at=timezone.now() + datetime.timedelta(days=1)
    )
    response = alice_client.get(reverse("decisions:call_ics", args=[world["decision"]]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_pages_turn_off_powerful_browser_features(client):
    policy = client.get("/")["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


# The MDN HTTP Observatory's tests and score modifiers (as published with its scoring), applied
# to what the production settings answer on "/" over HTTPS and HTTP. A+ needs 100 or more.

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "crossroads.example.com",
    "TRUSTED_PROXY_COUNT": "1",  # behind the TLS proxy production runs behind
}
SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
    "ALLOWED_HOSTS",
]
DUMP = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({name: getattr(settings, name) for name in %r}))
"""


@pytest.fixture
def production_settings(settings):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    result = subprocess.run(
        [sys.executable, "-c", DUMP % SECURITY_SETTINGS],
        cwd=ROOT,
        env={**env, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "crossroads.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    values = json.loads(result.stdout)
    for name, value in values.items():
        setattr(
            settings, name, tuple(value) if name == "SECURE_PROXY_SSL_HEADER" and value else value
        )
    settings.DEBUG = False
    return values


def _cookies(response):
    return [
        {
            "name": morsel.key,
            "secure": bool(morsel["secure"]),
            "httponly": bool(morsel["httponly"]),
            "samesite": morsel["samesite"],
        }
        for morsel in response.cookies.values()
    ]


def observatory_score(https_response, http_response) -> tuple[int, dict[str, int]]:
    h = https_response.headers
    results = {}
    csp = {
        part.split()[0]: part.split()[1:]
        for part in h.get("Content-Security-Policy", "").split(";")
        if part.strip()
    }
    if not csp:
        results["csp-not-implemented"] = -25
    elif any("'unsafe-inline'" in v or "'unsafe-eval'" in v for v in csp.values()):
        results["csp-implemented-with-unsafe"] = -20
    elif csp.get("default-src") == ["'none'"]:
        results["csp-implemented-with-no-unsafe-default-src-none"] = 10
    else:
        results["csp-implemented-with-no-unsafe"] = 0
    cookies = _cookies(https_response)
    if not cookies:
        results["cookies-not-found"] = 0
    elif not all(c["secure"] for c in cookies):
        results["cookies-without-secure-flag"] = -20
    elif any("session" in c["name"] and not c["httponly"] for c in cookies):
        results["cookies-session-without-httponly-flag"] = -30
    elif all(c["samesite"] in ("Lax", "Strict") for c in cookies):
        results["cookies-secure-with-httponly-sessions-and-samesite"] = 5
    else:
        results["cookies-secure-with-httponly-sessions"] = 0
    results["cross-origin-resource-sharing-not-implemented"] = (
        0 if h.get("Access-Control-Allow-Origin") in (None,) else -50
    )
    redirects_to_https = http_response.status_code in (301, 302, 307, 308) and http_response[
        "Location"
    ].startswith("https://")
    results["redirection-to-https" if redirects_to_https else "redirection-missing"] = (
        0 if redirects_to_https else -20
    )
    private = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
    referrer = h.get("Referrer-Policy", "")
    results["referrer-policy-private" if referrer in private else "referrer-policy-unsafe"] = (
        5 if referrer in private else -5
    )
    hsts = h.get("Strict-Transport-Security", "")
    max_age = int(hsts.split("max-age=")[1].split(";")[0]) if "max-age=" in hsts else 0
    results[
        "hsts-implemented-max-age-at-least-six-months"
        if max_age >= 15768000
        else "hsts-not-implemented"
    ] = 0 if max_age >= 15768000 else -20
    results["sri-not-implemented-but-all-scripts-loaded-from-secure-origin"] = (
        0 if "https://" not in https_response.content.decode() else -5
    )
    nosniff = h.get("X-Content-Type-Options") == "nosniff"
    results["x-content-type-options-nosniff" if nosniff else "x-content-type-options-missing"] = (
        0 if nosniff else -5
    )
    via_csp = csp.get("frame-ancestors") == ["'none'"]
    if via_csp:
        results["x-frame-options-implemented-via-csp"] = 5
    elif h.get("X-Frame-Options") in ("DENY", "SAMEORIGIN"):
        results["x-frame-options-sameorigin-or-deny"] = 0
    else:
        results["x-frame-options-not-implemented"] = -20
    return 100 + sum(results.values()), results


def test_the_production_settings_score_a_plus_on_the_observatory_rules(client, production_settings):
    host = {"HTTP_HOST": "crossroads.example.com"}
    https = client.get(reverse("login"), secure=True, **host)
    http = client.get(reverse("login"), secure=False, **host)
    score, results = observatory_score(https, http)
    assert https.status_code == 200
    assert score >= 100, results
    assert results["cookies-secure-with-httponly-sessions-and-samesite"] == 5
    assert results["x-frame-options-implemented-via-csp"] == 5
    assert "hsts-implemented-max-age-at-least-six-months" in results
    assert "Permissions-Policy" in https.headers


def test_the_observatory_rules_fail_a_site_without_these_headers(client, settings):
    """The scorer itself is not a rubber stamp: the development settings score far lower."""
    settings.CONTENT_SECURITY_POLICY = None
    settings.SECURE_REFERRER_POLICY = None
    https = client.get(reverse("login"), secure=True)
    http = client.get(reverse("login"), secure=False)
    score, results = observatory_score(https, http)
    assert score < 60, results


def test_gunicorn_sends_no_server_banner(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "crossroads.wsgi", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**env, "DEBUG": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/favicon.svg") as r:
                    headers = r.headers
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert headers.get("Server", "") == ""
