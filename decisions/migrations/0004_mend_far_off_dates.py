"""Dates and moments outside the range people can enter (crossroads/dates.py), mended
before the next migration adds the constraints that keep them in it."""

from django.db import migrations

from crossroads import dates

APP = 'decisions'
FIELDS = {'decision': ['decided_at', 'outcome_recorded_at'], 'callplan': ['scheduled_at', 'agency_call_at', 'called_at', 'done_at'], 'followup': ['due_on'], 'skippedcheck': ['skipped_at']}


def mend_far_off_dates(apps, schema_editor):
    dates.mend_far_off(apps, APP, FIELDS)


class Migration(migrations.Migration):
    dependencies = [
        ('decisions', '0003_skipped_readiness_checks'),
    ]

    operations = [migrations.RunPython(mend_far_off_dates, migrations.RunPython.noop)]
