"""E-mails link to the address `make run` serves, unless SITE_URL says otherwise."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _site_url(*args, **env) -> str:
    clean = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    printed = subprocess.run(
        ["make", "-s", "-pn", "serve", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    [line] = [line for line in printed.splitlines() if line.startswith("serve: SITE_URL :=")]
    return line.split(":=", 1)[1].strip()


@pytest.mark.parametrize(
    ("addr", "expected"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("192.0.2.7:9000", "http://192.0.2.7:9000"),
        ("0.0.0.0:8000", f"http://{os.uname().nodename}:8000"),
    ],
)
def test_make_run_links_e_mails_to_the_address_it_serves(addr, expected):
    assert _site_url(f"ADDR={addr}") == expected


def test_site_url_says_otherwise():
    assert _site_url("ADDR=0.0.0.0:8000", SITE_URL="https://crossroads.example.com") == (
        "https://crossroads.example.com"
    )
