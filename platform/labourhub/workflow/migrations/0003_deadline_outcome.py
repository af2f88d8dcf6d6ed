from django.db import migrations, models


def _backfill(apps, schema_editor):  # type: ignore[no-untyped-def]
    # Before this field, "met" was all we knew: keep it as "complied" except where the step
    # that closed it was a sanction (the employer's period ended, it was not complied with).
    Deadline = apps.get_model("workflow", "Deadline")
    Deadline.objects.filter(status="met", code="employer_response").update(outcome="period_ended")
    Deadline.objects.filter(status="met").exclude(code="employer_response").update(
        outcome="complied"
    )
    Deadline.objects.filter(status="cancelled").update(outcome="superseded")


class Migration(migrations.Migration):
    dependencies = [("workflow", "0002_case_extra")]

    operations = [
        migrations.AddField(
            model_name="deadline",
            name="outcome",
            field=models.CharField(
                blank=True,
                choices=[
                    ("complied", "Complied"),
                    ("not_complied", "Not complied"),
                    ("superseded", "Superseded"),
                    ("period_ended", "Period ended"),
                ],
                max_length=16,
                verbose_name="how it closed",
            ),
        ),
        # Bulk loaders (benchmarks, COPY imports) insert deadlines without naming the column.
        migrations.RunSQL(
            "ALTER TABLE workflow_deadline ALTER COLUMN outcome SET DEFAULT ''",
            reverse_sql="ALTER TABLE workflow_deadline ALTER COLUMN outcome DROP DEFAULT",
        ),
        migrations.RunPython(_backfill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="alert",
            name="kind",
            field=models.CharField(
                choices=[
                    ("scheduled", "New deadline set"),
                    ("warning", "Deadline approaching"),
                    ("expired", "Deadline expired"),
                    ("escalation", "Escalated to supervisor"),
                ],
                max_length=12,
            ),
        ),
    ]
