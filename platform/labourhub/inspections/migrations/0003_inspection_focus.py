from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("inspections", "0002_reference_sequence")]

    operations = [
        migrations.AddField(
            model_name="inspection",
            name="focus",
            field=models.TextField(blank=True, verbose_name="focus of the visit"),
        ),
        # Bulk loaders (benchmarks, COPY imports) insert inspections without naming the column.
        migrations.RunSQL(
            "ALTER TABLE inspections_inspection ALTER COLUMN focus SET DEFAULT ''",
            reverse_sql="ALTER TABLE inspections_inspection ALTER COLUMN focus DROP DEFAULT",
        ),
    ]
