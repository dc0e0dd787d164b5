"""The database cache's table (settings.CACHES), made by `migrate` like every other table."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("crossroads", "0005_pending_signup_and_import")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
