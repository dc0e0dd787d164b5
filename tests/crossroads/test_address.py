"""The address `make run` serves at: checked before anything starts, in one line saying what to
do, and the names a browser on another machine may use."""

import socket
import subprocess

import pytest

from crossroads import address
from tests.crossroads.processes import ROOT, clean_environment, free_port


def _check(addr: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["python3", "crossroads/address.py", "check", addr],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.parametrize(
    ("addr", "says"),
    [
        ("0.0.0.0", "ADDR=0.0.0.0 has no port: give an address and a port, such as"),
        ("localhost:", "ADDR=localhost: has no port"),
        ("127.0.0.1:http", "the port must be a number from 1 to 65535, such as ADDR=127.0.0.1:"),
        ("127.0.0.1:70000", "the port must be a number from 1 to 65535"),
        ("no-such-host.invalid:8000", "no such address here; use one of this machine's"),
        ("192.0.2.254:8000", "this machine has no address 192.0.2.254"),
    ],
)
def test_a_bad_addr_is_refused_in_one_line_saying_what_to_do(addr, says):
    result = _check(addr)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert says in line and "Traceback" not in result.stderr


def test_a_port_in_use_is_refused_with_another_to_try():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _check(f"127.0.0.1:{port}")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Port {port} on 127.0.0.1 is already in use")
    assert f"make run ADDR=127.0.0.1:{port + 1}" in line


def test_this_machine_alone_gets_no_warning_other_machines_get_one():
    port = free_port()
    alone = _check(f"127.0.0.1:{port}")
    assert (alone.returncode, alone.stderr) == (0, "")
    shared = _check(f"0.0.0.0:{port}")
    assert shared.returncode == 0
    assert "served over plain HTTP" in shared.stderr and "unencrypted" in shared.stderr


def test_every_address_is_answered_by_this_machines_names_and_addresses():
    hosts = address.allowed_hosts("0.0.0.0:8000")
    assert hosts[:3] == ["localhost", "127.0.0.1", "[::1]"]
    assert socket.gethostname() in hosts
    own = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
    assert all((f"[{a}]" if ":" in a else a) in hosts for a in own)


def test_one_address_is_answered_by_that_address_only():
    assert address.allowed_hosts("192.168.1.20:8000") == [
        "localhost",
        "127.0.0.1",
        "[::1]",
        "192.168.1.20",
    ]


def test_make_run_stops_at_a_bad_addr_before_starting_anything(tmp_path):
    env = {**clean_environment(), "EMBEDDED_POSTGRES_DIR": str(tmp_path / "pg")}
    result = subprocess.run(
        ["make", "--no-print-directory", "run", "ADDR=0.0.0.0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ADDR=0.0.0.0 has no port" in result.stderr and "Traceback" not in result.stderr
    assert "collectstatic" not in result.stdout and not (tmp_path / "pg").exists()
