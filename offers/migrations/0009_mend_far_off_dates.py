"""Dates and moments outside the range people can enter (crossroads/dates.py), mended
before the next migration adds the constraints that keep them in it."""

import datetime
from django.db import migrations, models


APP = 'offers'
FIELDS = {'offer': ['expected_on', 'received_on', 'respond_by', 'accepted_on', 'start_date', 'repayment_paid_on', 'repayment_until', 'terms_reviewed_on', 'accepted_despite_expected_at'], 'timeask': ['asked_on', 'requested_date', 'answered_on', 'new_date', 'previous_date'], 'exchangerate': ['taken_on']}


def mend_far_off_dates(apps, schema_editor):
    """Rows already outside the range the new constraints keep: an empty value where the column
    allows one, else the nearest end of the range."""
    first_day, last_day = datetime.date(1900, 1, 1), datetime.date(2200, 12, 31)
    first = datetime.datetime(1899, 12, 31, tzinfo=datetime.UTC)
    last = datetime.datetime(2201, 1, 1, 23, 59, 59, tzinfo=datetime.UTC)
    for model_name, names in FIELDS.items():
        model = apps.get_model(APP, model_name)
        for name in names:
            field = model._meta.get_field(name)
            low, high = (first, last) if isinstance(field, models.DateTimeField) else (first_day, last_day)
            for bound, outside in ((low, f"{name}__lt"), (high, f"{name}__gt")):
                model.objects.filter(**{outside: bound}).update(**{name: None if field.null else bound})


class Migration(migrations.Migration):
    dependencies = [
        ('offers', '0008_form_token_once_per_owner'),

    ]

    operations = [migrations.RunPython(mend_far_off_dates, migrations.RunPython.noop)]
