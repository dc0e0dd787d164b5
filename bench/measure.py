"""Fetching pages in this process through Django's own WSGI handler: the whole middleware stack,
the database connection opened and closed as a server would, nothing of the test client."""

import gzip
import io
import random
import statistics
import sys
import time
from dataclasses import dataclass, field

from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test.utils import CaptureQueriesContext


@dataclass
class Probe:
    """One page as one persona sees it, rendered afresh on every request."""

    page: str  # what the page is, in words
    persona: str  # who fetches it ("" for a visitor who is not signed in)
    path: str
    cookies: dict[str, str] = field(default_factory=dict)
    # Request headers beyond a browser's usual ones, as WSGI names them: HTTP_IF_NONE_MATCH...
    headers: dict[str, str] = field(default_factory=dict)
    expected_status: int = 200
    times: list[float] = field(default_factory=list)  # seconds, one per round
    # This page's time over the bare page's, fetched just before it: one per round.
    ratios: list[float] = field(default_factory=list)
    queries: int = 0
    status: int = 0
    size: int = 0  # bytes sent, after any compression
    html_size: int = 0  # bytes before compression

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def x(self) -> float:
        """How many times the bare page's server time: the median over the rounds."""
        return statistics.median(self.ratios)


class Fetcher:
    def __init__(self):
        self.handler = WSGIHandler()

    def environ(self, probe: Probe) -> dict:
        path, _, query = probe.path.partition("?")
        cookie = "; ".join(f"{name}={value}" for name, value in probe.cookies.items())
        return {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SCRIPT_NAME": "",
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "443",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "localhost",
            # As behind the HTTPS proxy production expects (SECURE_PROXY_SSL_HEADER).
            "HTTP_X_FORWARDED_PROTO": "https",
            "HTTP_ACCEPT": "text/html,application/xhtml+xml",
            "HTTP_ACCEPT_ENCODING": "gzip, deflate, br",
            "HTTP_COOKIE": cookie,
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            **probe.headers,
        }

    def fetch(self, probe: Probe) -> tuple[int, dict, bytes]:
        """One request, start to finish, as a WSGI server makes it (close() included: that is
        when Django closes or keeps the database connection)."""
        captured = {}

        def start_response(status, headers, exc_info=None):
            captured["status"] = int(status.split()[0])
            captured["headers"] = headers

        result = self.handler(self.environ(probe), start_response)
        try:
            body = b"".join(result)
        finally:
            result.close()
        return captured["status"], captured["headers"], body

    def check(self, probe: Probe) -> None:
        """Fetch once: the status, the size and the number of queries."""
        with CaptureQueriesContext(connection) as queries:
            status, headers, body = self.fetch(probe)
        probe.status, probe.size, probe.queries = status, len(body), len(queries)
        encoding = dict((k.lower(), v) for k, v in headers).get("content-encoding", "")
        probe.html_size = len(_decompress(body, encoding))
        if status != probe.expected_status:
            raise SystemExit(f"{probe.page} ({probe.persona}) at {probe.path} answered {status}.")

    def time_once(self, probe: Probe) -> float:
        started = time.perf_counter()
        self.fetch(probe)
        return time.perf_counter() - started


def _decompress(body: bytes, encoding: str) -> bytes:
    return gzip.decompress(body) if encoding == "gzip" else body


def run_rounds(fetcher: Fetcher, baseline: Probe, probes: list[Probe], rounds: int) -> None:
    """Every probe once per round, in a new random order each round, each right after a fetch
    of the bare page: whatever else the machine is doing falls on the page and on its yardstick
    alike. The medians over the rounds are what count."""
    order = list(probes)
    shuffle = random.Random(15).shuffle
    for probe in [baseline, *order]:  # warm up: templates compiled, code paths loaded
        fetcher.time_once(probe)
    for number in range(rounds):
        shuffle(order)
        for probe in order:
            bare = fetcher.time_once(baseline)
            took = fetcher.time_once(probe)
            baseline.times.append(bare)
            probe.times.append(took)
            probe.ratios.append(took / bare)
        print(f"  round {number + 1} of {rounds} done", file=sys.stderr)
    baseline.ratios = [1.0]
