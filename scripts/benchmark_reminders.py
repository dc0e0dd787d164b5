"""Benchmark (not a test): the reminder job over many users who each have reminders due.

    .venv/bin/python scripts/benchmark_reminders.py [--users 10000] [--batch-size 500]

It creates a throw-away database (crossroads_benchmark, on DATABASE_URL's server or the embedded
one), fills it, runs the job once with Django's in-memory mail backend (so it measures the job,
not a mail server), prints the time and the queries per batch, and drops the database again.
"""

import argparse
import datetime
import os
import sys
import time
import zoneinfo
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crossroads.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core import mail  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from crossroads.models import User  # noqa: E402
from offers.models import Offer  # noqa: E402
from reminders import job, rules  # noqa: E402
from reminders.models import ReminderSettings  # noqa: E402

# Midday in Berlin: past 07:00 on 10 June in every zone below.
NOW = datetime.datetime(2026, 6, 10, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
ZONES = ["Europe/Berlin", "Europe/London", "Asia/Kolkata", "America/Sao_Paulo", "Asia/Tokyo"]


def fill(count: int) -> None:
    users = User.objects.bulk_create(
        User(
            username=f"bench{n}",
            email=f"bench{n}@example.com",
            password="!",  # unusable: no hashing to pay for
            time_zone=ZONES[n % len(ZONES)],
        )
        for n in range(count)
    )
    ReminderSettings.objects.bulk_create(ReminderSettings(user=user) for user in users)
    offers = []
    for n, user in enumerate(users):
        # An answer due tomorrow and an offer a day late: two reminders each.
        offers.append(
            Offer(owner=user, company=f"Due {n}", role="Engineer", respond_by="2026-06-11")
        )
        offers.append(
            Offer(
                owner=user,
                company=f"Late {n}",
                role="Engineer",
                status=Offer.Status.EXPECTED,
                expected_on="2026-06-09",
            )
        )
    Offer.objects.bulk_create(offers, batch_size=2000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=job.BATCH_SIZE)
    args = parser.parse_args()

    settings.DATABASES["default"]["TEST"].update(NAME="crossroads_benchmark")
    setup_test_environment()  # the in-memory mail backend
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        fill(args.users)
        print(f"Filled {args.users:,} users in {time.perf_counter() - started:.1f} s")
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            summary = job.run(NOW, batch_size=args.batch_size)
            elapsed = time.perf_counter() - started
        # Two kinds of reminder, each sent in its own batches.
        batches = 2 * -(-args.users // args.batch_size)
        fixed = len(rules.FINDERS) + 1
        statements = [q for q in queries.captured_queries if q["sql"] not in ("BEGIN", "COMMIT")]
        per_batch = (len(statements) - fixed) / batches
        if os.environ.get("SHOW_QUERIES"):
            print("\n".join(q["sql"][:90] for q in queries.captured_queries))
        print(summary.line())
        print(
            f"{summary.sent:,} e-mails in {elapsed:.1f} s ({summary.sent / elapsed:,.0f} a second)"
        )
        print(
            f"{len(statements)} queries: {fixed} to find what is due, then {per_batch:g} per "
            f"batch of {args.batch_size} ({batches} batches; BEGIN and COMMIT not counted)"
        )
        assert len(mail.outbox) == summary.sent == 2 * args.users
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
