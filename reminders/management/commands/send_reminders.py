from django.core.management.base import BaseCommand

from reminders import job


class Command(BaseCommand):
    help = (
        "Send the reminder e-mails due now (answers due tomorrow, late offers, calls, follow-ups, "
        "look-backs). Run it every hour from cron or a systemd timer; running it on several "
        "machines at once sends each reminder at most once. A mail server that is down is "
        "reported and retried on the next run; the command still exits 0."
    )

    def handle(self, *args, **options):
        summary = job.run()
        self.stdout.write(summary.line())
