# The choice to call before accepting the new offer is recorded as a SkippedCheck too.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('decisions', '0005_dates_in_range'),
    ]

    operations = [
        migrations.AlterField(
            model_name='skippedcheck',
            name='check_name',
            field=models.CharField(choices=[('terms_reviewed', 'Legal review of the terms'), ('written_offer_in_hand', 'New offer in writing'), ('conditions_cleared', "New offer's conditions cleared"), ('start_date_confirmed', 'New start date confirmed'), ('new_offer_accepted', 'New offer accepted before the call')], max_length=30, verbose_name='check'),
        ),
    ]
