import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0001_complaints_disputes_accidents"),
        ("inspections", "0003_inspection_focus"),
    ]

    operations = [
        migrations.AddField(
            model_name="complaint",
            name="inspection",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="complaint",
                to="inspections.inspection",
                verbose_name="inspection",
            ),
        ),
        migrations.AddField(
            model_name="accidentnotification",
            name="inspection",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="accident",
                to="inspections.inspection",
                verbose_name="investigation inspection",
            ),
        ),
        migrations.AddField(
            model_name="dispute",
            name="complaint",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="dispute",
                to="complaints.complaint",
                verbose_name="complaint",
            ),
        ),
    ]
