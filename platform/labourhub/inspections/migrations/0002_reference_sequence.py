from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("inspections", "0001_initial")]

    operations = [
        # One sequence per ministry schema: references never collide under concurrent creation.
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS inspections_reference_seq",
            "DROP SEQUENCE IF EXISTS inspections_reference_seq",
        ),
    ]
