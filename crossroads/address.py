"""The address `make run` serves at (its ADDR): checked before anything starts, and the host names
the app must then answer to. Plain Python, run by the Makefile before the virtualenv's tools:

    python3 crossroads/address.py check 0.0.0.0:8000   # one line saying what to do, exit 2, if bad
    python3 crossroads/address.py hosts 0.0.0.0:8000   # ALLOWED_HOSTS for that address
"""

import errno
import ipaddress
import socket
import subprocess
import sys

LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EVERY_ADDRESS = {"0.0.0.0", "::"}


class BadAddress(ValueError):
    """What is wrong with ADDR, and what to do, in one line."""


def parse(addr: str) -> tuple[str, int]:
    """``HOST:PORT`` (an IPv6 host in brackets) as host and port."""
    host, colon, port = addr.strip().rpartition(":")
    if not colon or not host or not port or "]" in port:
        raise BadAddress(
            f"ADDR={addr} has no port: give an address and a port, such as ADDR=127.0.0.1:8000 "
            "(this machine only) or ADDR=0.0.0.0:8000 (from other machines too)."
        )
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise BadAddress(
            f"ADDR={addr}: the port must be a number from 1 to 65535, such as ADDR={host}:8000."
        )
    return host.removeprefix("[").removesuffix("]"), int(port)


def check(addr: str) -> str | None:
    """Refuse an ADDR that cannot be served (``BadAddress``); a warning to print when the app
    will be reachable from other machines over plain HTTP."""
    host, port = parse(addr)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As gunicorn and runserver bind: a port whose last connections are closing is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except socket.gaierror:
            raise BadAddress(
                f"ADDR={addr}: no such address here; use one of this machine's, such as "
                f"ADDR=127.0.0.1:{port}, or ADDR=0.0.0.0:{port} for all of them."
            ) from None
        except OSError as error:
            raise BadAddress(_cannot_bind(addr, host, port, error)) from None
    if _is_loopback(host):
        return None
    return (
        f"Warning: Crossroads at {addr} is served over plain HTTP: what browsers send it, "
        "passwords included, crosses the network unencrypted. Use it on a network you trust, "
        "for a trial; to keep it, put an HTTPS proxy in front (docs/operations.md)."
    )


def _cannot_bind(addr: str, host: str, port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return (
            f"Port {port} on {host} is already in use (another `make run`, perhaps): stop what "
            f"uses it, or choose another port, such as make run ADDR={_with_port(host, port + 1)}."
        )
    if error.errno == errno.EACCES:
        return (
            f"Port {port} is reserved for the system administrator: choose one above 1023, "
            f"such as make run ADDR={_with_port(host, 8000)}."
        )
    if error.errno == errno.EADDRNOTAVAIL:
        return (
            f"ADDR={addr}: this machine has no address {host}; use one of its own, or "
            f"ADDR={_with_port('0.0.0.0', port)} for all of them."
        )
    return f"ADDR={addr} cannot be served: {error.strerror}."


def _with_port(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(addr: str) -> list[str]:
    """The names a browser may use for ``addr``: this machine's names and addresses when it is
    every address (0.0.0.0 or ::), else the one given, besides localhost."""
    try:
        host, _ = parse(addr)
    except BadAddress:
        return LOCAL_HOSTS
    if host in EVERY_ADDRESS:
        names = [socket.gethostname(), socket.getfqdn(), *_own_addresses()]
    else:
        names = [host]
    hosts = list(LOCAL_HOSTS)
    for name in names:
        name = f"[{name}]" if ":" in name else name
        if name and name not in hosts:
            hosts.append(name)
    return hosts


def _own_addresses() -> list[str]:
    try:
        printed = subprocess.run(
            ["hostname", "-I"], capture_output=True, text=True, timeout=5, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return printed.split()


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("check", "hosts"):
        print(__doc__, file=sys.stderr)
        return 2
    if argv[1] == "hosts":
        print(",".join(allowed_hosts(argv[2])))
        return 0
    try:
        warning = check(argv[2])
    except BadAddress as bad:
        print(bad, file=sys.stderr)
        return 2
    if warning:
        print(warning, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
