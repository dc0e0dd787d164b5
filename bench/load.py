"""Throughput under gunicorn, as `make serve` runs it, with wrk as the load: requests per second
of the heaviest pages against the bare page's, interleaved."""

import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

WORKERS = 2
CONNECTIONS = 8
THREADS = 2


@dataclass
class Load:
    page: str
    persona: str
    path: str
    cookie: str
    rates: list[float] = field(default_factory=list)
    failures: int = 0

    @property
    def rate(self) -> float:
        return statistics.median(self.rates)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _headers(cookie: str) -> dict:
    return {"Cookie": cookie, "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}


def _get(port: int, path: str, cookie: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers=_headers(cookie))
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _wait_until_up(port: int, load: Load, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped at start:\n{log.read_text()[-3000:]}")
        try:
            if _get(port, load.path, load.cookie) == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer within a minute:\n{log.read_text()[-3000:]}")


def _wrk(port: int, load: Load, seconds: int) -> tuple[float, int]:
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        *(
            arg
            for name, value in _headers(load.cookie).items()
            for arg in ("-H", f"{name}: {value}")
        ),
        f"http://127.0.0.1:{port}{load.path}",
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*?timeout (\d+)", out)
    return rate, (int(bad.group(1)) if bad else 0) + (int(errors.group(1)) if errors else 0)


def throughput(loads: list[Load], rounds: int, seconds: int, log: Path) -> None:
    """Start gunicorn with the benchmark's settings, then run wrk on each page in turn, ``rounds``
    times over, interleaved. Fills in each load's requests per second."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: `make bench` installs it (apt-get install wrk).")
    port = _free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [
                gunicorn,
                "crossroads.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(WORKERS),
                "--error-logfile",
                "-",
            ],
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_up(port, loads[0], server, log)
        for load in loads:
            status = _get(port, load.path, load.cookie)
            if status != 200:
                raise SystemExit(f"{load.page} answered {status} under gunicorn.")
            _wrk(port, load, 1)  # warm up both workers
        for number in range(rounds):
            for load in loads:
                rate, failures = _wrk(port, load, seconds)
                load.rates.append(rate)
                load.failures += failures
            print(f"  gunicorn round {number + 1} of {rounds} done", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
