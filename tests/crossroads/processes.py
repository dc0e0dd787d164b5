"""For tests that start the app as a separate process, as people run it."""

import os
import socket
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Set by the test run itself; a process started as people start it must not inherit them.
NOT_INHERITED = {"DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_environment() -> dict[str, str]:
    """This process's environment without what the test run set for itself."""
    return {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
