from django.core.management.base import BaseCommand, CommandError

from reminders import job


class Command(BaseCommand):
    help = (
        "Send the reminder e-mails due now (answers due tomorrow, late offers, calls, follow-ups, "
        "look-backs). Run it every hour from cron or a systemd timer; running it on several "
        "machines at once sends each reminder at most once. A mail server that is down is "
        "reported and retried on the next run; the command still exits 0. A reminder that "
        "cannot be made from someone's data is logged with the user's id and its kind, retried "
        "on the next run, and the rest still go out; then the command exits 1."
    )

    def handle(self, *args, **options):
        summary = job.run()
        self.stdout.write(summary.line())
        if summary.broken:
            raise CommandError(f"{summary.broken} reminders could not be made: see the log.")
