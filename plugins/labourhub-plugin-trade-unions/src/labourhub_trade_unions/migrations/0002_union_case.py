import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("hn_trade_unions", "0001_unions_and_officers"),
        ("workflow", "0002_case_extra"),
    ]

    operations = [
        migrations.AddField(
            model_name="tradeunion",
            name="case",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="workflow.case",
            ),
        ),
    ]
