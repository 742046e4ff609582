"""Countries record their UN status (Member State, non-member observer State, or none) and
their date of admission, filled for the countries already loaded from un_membership.csv."""

from django.db import migrations, models

from cms.core.reference_data import read_membership


def fill_un_status(apps, schema_editor):
    Country = apps.get_model("core", "Country")
    for state in read_membership().values():
        Country.objects.filter(code=state.code).update(
            un_status=state.status, un_admission_date=state.admission_date
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_clean_stored_rich_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="country",
            name="un_admission_date",
            field=models.DateField(
                blank=True, null=True, verbose_name="date of admission to the UN"
            ),
        ),
        migrations.AddField(
            model_name="country",
            name="un_status",
            field=models.CharField(
                blank=True,
                choices=[
                    ("member", "Member State"),
                    ("observer_state", "non-member observer State"),
                ],
                max_length=20,
                verbose_name="UN status",
            ),
        ),
        migrations.RunPython(fill_un_status, migrations.RunPython.noop),
    ]
