from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("workflow", "0001_cases_deadlines_alerts")]

    operations = [
        migrations.AddField(
            model_name="case",
            name="extra",
            field=models.JSONField(blank=True, default=dict, verbose_name="additional fields"),
        ),
        # Bulk loaders (the benchmarks, imports with COPY) insert cases without naming the column.
        migrations.RunSQL(
            "ALTER TABLE workflow_case ALTER COLUMN extra SET DEFAULT '{}'::jsonb",
            reverse_sql="ALTER TABLE workflow_case ALTER COLUMN extra DROP DEFAULT",
        ),
    ]
