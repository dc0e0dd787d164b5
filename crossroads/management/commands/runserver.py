"""Django's runserver (with WhiteNoise's static files) that ends cleanly however it is told to.

Django's own ends cleanly on Ctrl+C only: on SIGTERM its reloader kills the server process
outright, and SIGHUP (a closed terminal) kills both, so neither runs its exit handlers and the
embedded PostgreSQL they started is left running on its own. Here:

- the reloader (the parent process) passes SIGINT, SIGTERM and SIGHUP on to the server process as
  SIGTERM and waits for it to finish, restarting it as Django does when code changes;
- the server process exits normally on any of the three (running its exit handlers, which stop the
  embedded PostgreSQL when no other process uses it), ignores the same signal arriving a second
  time (a terminal sends it to both processes), and on Linux is also told to end if its parent
  dies without warning.
"""

import ctypes
import os
import signal
import subprocess
import sys

from django.utils import autoreload
from whitenoise.runserver_nostatic.management.commands.runserver import (
    Command as RunserverCommand,
)

ENDING_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_PR_SET_PDEATHSIG = 1


class Command(RunserverCommand):
    def run(self, **options):
        is_server = os.environ.get(autoreload.DJANGO_AUTORELOAD_ENV) == "true"
        if options["use_reloader"] and not is_server:
            sys.exit(_supervise_server())
        _exit_on_ending_signals()
        if not options["use_reloader"]:
            return self.inner_run(None, **options)
        _end_with_parent()
        autoreload.start_django(autoreload.get_reloader(), self.inner_run, **options)


def _supervise_server() -> int:
    """The reloader's loop (as Django's ``restart_with_reloader``), passing signals on."""
    environ = {**os.environ, autoreload.DJANGO_AUTORELOAD_ENV: "true"}
    while True:
        server = subprocess.Popen(autoreload.get_child_arguments(), env=environ, close_fds=False)

        def pass_on(signum, frame, server=server):
            if server.poll() is None:
                server.send_signal(signal.SIGTERM)

        for ending in ENDING_SIGNALS:
            signal.signal(ending, pass_on)
        code = server.wait()
        if code != 3:  # 3: the server asks to be restarted after a code change
            return code


def _exit_on_ending_signals() -> None:
    def exit_once(signum, frame):
        for ending in ENDING_SIGNALS:
            signal.signal(ending, signal.SIG_IGN)  # let the exit handlers finish undisturbed
        sys.exit(0)

    for ending in ENDING_SIGNALS:
        signal.signal(ending, exit_once)


def _end_with_parent() -> None:
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
