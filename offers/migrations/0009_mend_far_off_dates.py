"""Dates and moments outside the range people can enter (crossroads/dates.py), mended
before the next migration adds the constraints that keep them in it."""

from django.db import migrations

from crossroads import dates

APP = 'offers'
FIELDS = {'offer': ['expected_on', 'received_on', 'respond_by', 'accepted_on', 'start_date', 'repayment_paid_on', 'repayment_until', 'terms_reviewed_on', 'accepted_despite_expected_at'], 'timeask': ['asked_on', 'requested_date', 'answered_on', 'new_date', 'previous_date'], 'exchangerate': ['taken_on']}


def mend_far_off_dates(apps, schema_editor):
    dates.mend_far_off(apps, APP, FIELDS)


class Migration(migrations.Migration):
    dependencies = [
        ('offers', '0008_form_token_once_per_owner'),
    ]

    operations = [migrations.RunPython(mend_far_off_dates, migrations.RunPython.noop)]
