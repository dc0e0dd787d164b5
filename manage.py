#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crossroads.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as problem:
        # A setting from the environment is wrong: say which, without a traceback.
        sys.exit(f"Crossroads cannot start: {problem}")
    except OperationalError as problem:
        # The database cannot be reached: what the driver said, on one line, and where to look.
        said = " ".join(str(problem).split())
        said += "" if said.endswith((".", "?", "!")) else "."
        if os.environ.get("DATABASE_URL"):
            said += " Check DATABASE_URL: its host, port, user and password."
        sys.exit(f"Crossroads cannot reach its database: {said}")
