from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('xx_employment_services', '0004_vacancy_portal_submission'),
    ]

    operations = [
        migrations.AddField(
            model_name='jobseeker',
            name='portal_user_id',
            field=models.BigIntegerField(blank=True, null=True, unique=True),
        ),
    ]
