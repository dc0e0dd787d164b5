"""The per-user data version is gone with the page cache it keyed: the triggers, their functions
and the table are dropped. Reversing makes them again as 0007 did."""

from importlib import import_module

from django.db import migrations

made = import_module("crossroads.migrations.0007_data_changes")


class Migration(migrations.Migration):
    dependencies = [("crossroads", "0007_data_changes")]

    operations = [
        *(
            migrations.RunSQL(made._drop(table), made._trigger(table, owner))
            for table, owner in made.OWNERS.items()
        ),
        migrations.RunSQL("DROP FUNCTION crossroads_touch(bigint);", made.TOUCH),
        migrations.DeleteModel(name="DataChange"),
    ]
