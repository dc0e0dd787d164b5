#!/usr/bin/env python3
"""Load with a database restart in the middle: do requests fail cleanly, and is anything lost?

Starts the app with the production settings (DEBUG off; gunicorn, two workers) on its own
throw-away embedded PostgreSQL, signs in N users, and has each add offers as fast as it can for
T seconds (reading its dashboard every fifth time). At R seconds the PostgreSQL server is stopped
("fast": every open connection is cut); the app must start it again by itself (``--mode stop``,
the default), or it is restarted from outside as an operator would (``--mode restart``). At the
end it counts the answers, the time until requests succeeded again, and checks that every offer
the app said it saved is in the database.

    .venv/bin/python scripts/restart_load.py                      # 20 users, 60 s, stop at 20 s
    .venv/bin/python scripts/restart_load.py --users 4 --seconds 6 --stop-at 2   # the suite's

Exit status 0 when no request got a 500 and no saved offer is missing; the summary is printed
as text and, with ``--json``, as one JSON object on the last line. Only 127.0.0.1 is used.
"""

import argparse
import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
NOT_INHERITED = {"DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}

MAKE_USERS = """
import json
from scripts.signed_in import signed_in
print(json.dumps(signed_in([f"load{{n}}" for n in range({users})])))
"""

COUNT_OFFERS = """
import json
from offers.models import Offer
print(json.dumps(list(Offer.objects.values_list("company", flat=True))))
"""


@dataclass
class Answer:
    started: float
    ended: float
    status: int  # 0: no HTTP answer at all (connection refused or reset)
    kind: str  # "write" or "read"


@dataclass
class Results:
    answers: list[Answer] = field(default_factory=list)
    saved: set[str] = field(default_factory=set)  # offers the app answered "saved" for
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, answer: Answer, saved: str | None = None) -> None:
        with self.lock:
            self.answers.append(answer)
            if saved:
                self.saved.add(saved)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _app_env(data_dir: Path) -> dict:
    """The production settings (DEBUG off, a secret key, Secure cookies: the load sends its
    cookies itself), over plain HTTP on 127.0.0.1 with no redirect to HTTPS."""
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED | {"PLAIN_HTTP"}}
    return {
        **env,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "0",
        "EMBEDDED_POSTGRES_DIR": str(data_dir),
    }


def _manage(env: dict, *args: str, code: str | None = None) -> str:
    command = [PYTHON, "manage.py", *args] + (["-c", code] if code else [])
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def _shell(env: dict, code: str) -> str:
    """What ``code`` printed last, run in the app's shell."""
    return _manage(env, "shell", "--verbosity", "0", code=code).strip().splitlines()[-1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _user_loop(base: str, session_key: str, user: int, until: float, results: Results) -> None:
    from scripts.offer_fields import new_offer  # importable once main() has put ROOT on the path

    opener = urllib.request.build_opener(_NoRedirect)
    csrf = None
    n = 0
    while time.monotonic() < until:
        n += 1
        company = None
        if csrf is None or n % 5 == 0:
            # The add page itself, with its form's token, rather than the redirect that gives one.
            page = f"{base}/offers/new/?once={uuid.uuid4()}"
            kind, request = "read", urllib.request.Request(page)
        else:
            company = f"load{user}-{n}"
            data = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, **new_offer(company)})
            kind, request = (
                "write",
                urllib.request.Request(f"{base}/offers/new/", data=data.encode()),
            )
        request.add_header("Cookie", f"sessionid={session_key}; csrftoken={csrf or ''}")
        started = time.monotonic()
        status, body, location = _send(opener, request)
        ended = time.monotonic()
        # Saved: sent on to the new offer's page (not, say, to the login page).
        saved = company if kind == "write" and re.fullmatch(r"/offers/\d+/", location) else None
        results.add(Answer(started, ended, status, kind), saved)
        if kind == "write" and (status == 200 or (status == 302 and not saved)):
            raise SystemExit(f"a write was refused ({status} {location!r}): the test is broken")
        if kind == "read" and status == 200:
            match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
            csrf = match.group(1) if match else csrf
        if status in (0, 503):
            time.sleep(0.05)  # a person would not retry instantly either


def _send(opener, request) -> tuple[int, str, str]:
    """The status, body and Location of the answer; status 0 when there was none."""
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode(), ""
    except urllib.error.HTTPError as error:
        body = error.read().decode(errors="replace")
        return error.code, body, error.headers.get("Location", "")
    except OSError:
        return 0, "", ""


def _stop_postgres(data_dir: Path, mode: str) -> None:
    """Stop the server, cutting every connection; with "restart", start it again as an operator
    would, with ``pg_ctl start`` and no options of the app's."""
    import logging
    import subprocess as sp

    from crossroads.embedded_db.server import pg_ctl  # the same binaries the app runs

    logging.getLogger("embedded_postgres").setLevel(logging.CRITICAL)  # a lost race is expected
    # No waiting for the stop (-W): the app may start the server again before pg_ctl would see it
    # gone, and pg_ctl would then wait for the new server to stop too.
    pg_ctl(data_dir, "-W", "-m", "fast", "stop")
    if mode == "restart":
        while (data_dir / "postmaster.pid").exists():
            time.sleep(0.02)
        try:
            pg_ctl(data_dir, "-w", "-l", str(data_dir / "log"), "start")
        except sp.CalledProcessError:
            pass  # the app started it first


def run(users: int, seconds: float, stop_at: float, mode: str, workers: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="crossroads-load-") as tmp:
        data_dir = Path(tmp) / "pg"
        env = _app_env(data_dir)
        _manage(env, "collectstatic", "--no-input", "--verbosity", "0")  # as `make run` does
        _manage(env, "migrate", "--no-input", "--verbosity", "0")
        session_keys = json.loads(_shell(env, MAKE_USERS.format(users=users)))
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "crossroads.wsgi", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", str(workers), "--timeout", "60"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(Path(tmp) / "gunicorn.log").open("w"),
        )
        try:
            _wait_until_up(base)
            results = Results()
            start = time.monotonic()
            until = start + seconds
            threads = [
                threading.Thread(target=_user_loop, args=(base, key, n, until, results))
                for n, key in enumerate(session_keys)
            ]
            for thread in threads:
                thread.start()
            time.sleep(max(0.0, start + stop_at - time.monotonic()))
            stopped = time.monotonic()
            _stop_postgres(data_dir, mode)
            stop_took = time.monotonic() - stopped
            for thread in threads:
                thread.join()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
        stored = set(json.loads(_shell(env, COUNT_OFFERS)))
        if any(a.status >= 500 and a.status != 503 for a in results.answers):
            # What the app logged about its errors, for whoever has to explain them.
            sys.stderr.write((Path(tmp) / "gunicorn.log").read_text()[-6000:])
    return _summary(results, stored, start, stopped, stop_took, users, seconds, stop_at, mode)


def _wait_until_up(base: str) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/accounts/login/", timeout=5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the app did not start within 90 seconds")


def _summary(results, stored, start, stopped, stop_took, users, seconds, stop_at, mode) -> dict:
    answers = sorted(results.answers, key=lambda a: a.started)
    failed = [a for a in answers if a.status not in (200, 302)]
    latencies = [a.ended - a.started for a in answers]
    after = [a for a in answers if a.started >= stopped]
    first_success = next((a for a in after if a.status in (200, 302)), None)
    last_failure = max((a.ended for a in failed if a.ended >= stopped), default=None)
    return {
        "users": users,
        "seconds": seconds,
        "postgres_stopped_at": round(stopped - start, 2),
        "mode": mode,
        "stop_took_seconds": round(stop_took, 2),
        "requests": len(answers),
        "writes": sum(a.kind == "write" for a in answers),
        "statuses": {str(k): v for k, v in sorted(Counter(a.status for a in answers).items())},
        "latency_median_seconds": round(statistics.median(latencies), 3) if latencies else None,
        "latency_max_seconds": round(max(latencies), 3) if latencies else None,
        "failed_requests": len(failed),
        "server_errors": sum(a.status >= 500 and a.status != 503 for a in answers),
        "unavailable_503": sum(a.status == 503 for a in answers),
        "no_answer": sum(a.status == 0 for a in answers),
        "first_success_after_stop_seconds": (
            round(first_success.ended - stopped, 2) if first_success else None
        ),
        "recovery_seconds": round(last_failure - stopped, 2) if last_failure else 0.0,
        "saved_offers": len(results.saved),
        "lost_writes": len(results.saved - stored),
        "stored_without_a_saved_answer": len(stored - results.saved),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--stop-at", type=float, default=20)
    parser.add_argument("--mode", choices=["stop", "restart"], default="stop")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the summary as JSON last")
    args = parser.parse_args()
    summary = run(args.users, args.seconds, args.stop_at, args.mode, args.workers)
    for key, value in summary.items():
        print(f"{key.replace('_', ' ')}: {value}")
    if args.json:
        print(json.dumps(summary))
    return 0 if summary["server_errors"] == 0 and summary["lost_writes"] == 0 else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
