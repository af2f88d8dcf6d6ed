import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('registry', '0003_folded_name_columns'),
        ('xx_employment_services', '0003_pes_counselling_documents'),
    ]

    operations = [
        migrations.AddField(
            model_name='vacancy',
            name='establishment',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='registry.establishment', verbose_name='establishment'),
        ),
        migrations.AddField(
            model_name='vacancy',
            name='submitted_by_id',
            field=models.BigIntegerField(blank=True, null=True),
        ),
    ]
