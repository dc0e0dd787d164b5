from django.core.management.base import BaseCommand

from crossroads.retention import expire_old_records


class Command(BaseCommand):
    help = (
        "Delete login records older than LOGIN_RECORDS_DAYS, sign-ups never confirmed and "
        "other expired records. Run it daily (see README)."
    )

    def handle(self, *args, **options):
        for kind, count in expire_old_records().items():
            self.stdout.write(f"{count} {kind} removed")
