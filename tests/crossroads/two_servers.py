"""For the two-server test: app instances started as production runs them (gunicorn, DEBUG off,
`DATABASE_URL`), reached as through the TLS proxy in front of them, and a mail server to count.

Each request carries what the proxy would add: `X-Forwarded-Proto: https` and the client's address
appended to `X-Forwarded-For` (the instances run with `TRUSTED_PROXY_COUNT=1`), the site's name as
`Host`, and a browser's `Origin`. So every instance sees the same site and the same client address,
whichever of them a request reaches.
"""

import email
import email.policy
import functools
import json
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.utils.crypto import get_random_string

from tests.crossroads.processes import ROOT, clean_environment, free_port

SITE = "crossroads.test"


def production_environment(database_url: str, smtp_port: int) -> dict[str, str]:
    """What every server gets, as the deploy guide's environment file sets it."""
    return {
        **clean_environment(),
        "DEBUG": "0",
        "SECRET_KEY": "one-secret-shared-by-every-server-" + "x" * 40,
        "ALLOWED_HOSTS": SITE,
        "SITE_URL": f"https://{SITE}",
        "TRUSTED_PROXY_COUNT": "1",
        "DATABASE_URL": database_url,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_USE_TLS": "0",
    }


def manage(env: dict, *args: str, timeout: float = 300) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"manage.py {args[0]} failed:\n{result.stdout}{result.stderr}"
    return result.stdout


def shell(env: dict, code: str):
    """What ``code`` printed last (as JSON), run in the app's shell against ``env``'s database."""
    output = manage(env, "shell", "--verbosity", "0", "-c", code)
    return json.loads(output.strip().splitlines()[-1])


class Instance:
    """One app server: `gunicorn crossroads.wsgi` with two workers on a port of its own."""

    def __init__(self, env: dict, log_dir: Path, name: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log_dir / f"gunicorn-{name}.log"
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "crossroads.wsgi"]
                + ["--bind", f"127.0.0.1:{self.port}", "--workers", "2", "--timeout", "60"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 120
        while request(self, "GET", "/accounts/login/").status != 200:
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            assert time.monotonic() < deadline, "gunicorn did not answer within 2 minutes"
            time.sleep(0.3)

    def stop(self, timeout: float = 60) -> None:
        """What systemd sends on `systemctl stop`: SIGTERM, then wait for the workers to finish."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise

    def server_errors(self) -> list[str]:
        """The lines of the log that tell of a traceback or a killed worker."""
        return [
            line
            for line in self.log.read_text().splitlines()
            if "Traceback" in line or "WORKER TIMEOUT" in line or "Internal Server Error" in line
        ]


@dataclass
class Answer:
    status: int  # 0: no HTTP answer (the connection was refused or cut)
    location: str = ""
    body: str = ""


@dataclass
class Visitor:
    """A browser behind the proxy: its address, its CSRF cookie and, once signed in, a session."""

    address: str
    session: str = ""
    csrf: str = field(
        default_factory=lambda: get_random_string(
            CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS
        )
    )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def request(instance: Instance, method: str, path: str, visitor=None, data=None) -> Answer:
    visitor = visitor or Visitor("192.0.2.1")
    body = None
    if data is not None:
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": visitor.csrf, **data}).encode()
    req = urllib.request.Request(instance.url + path, data=body, method=method)
    cookies = f"csrftoken={visitor.csrf}" + (
        f"; sessionid={visitor.session}" * bool(visitor.session)
    )
    for name, value in {
        "Host": SITE,
        "Origin": f"https://{SITE}",
        "Referer": f"https://{SITE}{path}",
        "X-Forwarded-Proto": "https",
        "X-Forwarded-For": visitor.address,
        "Cookie": cookies,
    }.items():
        req.add_header(name, value)
    try:
        with _OPENER.open(req, timeout=60) as response:
            return Answer(response.status, "", response.read().decode())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers.get("Location", ""), error.read().decode())
    except OSError:
        return Answer(0)


def at_once(calls) -> list:
    """Run every call in ``calls`` (functions of no arguments) in a thread of its own, started
    together; their results in the same order."""
    results = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(n, call):
        start.wait()
        results[n] = call()

    threads = [threading.Thread(target=run, args=(n, call)) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def each_at_once(function, items) -> list:
    """``function`` called on each of ``items`` in threads started together; results in order."""
    return at_once([functools.partial(function, item) for item in items])


class Inbox:
    """An SMTP handler (aiosmtpd) that keeps every message it accepts."""

    def __init__(self):
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def to(self, pattern: str) -> list[str]:
        """The recipients of every message sent to an address matching ``pattern``."""
        with self.lock:
            return [r for rcpts, _ in self.messages for r in rcpts if re.fullmatch(pattern, r)]
