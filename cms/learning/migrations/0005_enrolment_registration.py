"""Each enrolment gets its own xAPI registration: added empty, one UUID per existing row,
then required and unique."""

import uuid

from django.db import migrations, models


def give_registrations(apps, schema_editor):
    Enrolment = apps.get_model("learning", "Enrolment")
    for enrolment in Enrolment.objects.filter(registration__isnull=True).only("pk"):
        enrolment.registration = uuid.uuid4()
        enrolment.save(update_fields=["registration"])


class Migration(migrations.Migration):
    dependencies = [("learning", "0004_unforwarded_statements_to_outbox")]

    operations = [
        migrations.AddField(
            model_name="enrolment",
            name="registration",
            field=models.UUIDField(editable=False, null=True, verbose_name="xAPI registration"),
        ),
        migrations.RunPython(give_registrations, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="enrolment",
            name="registration",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="xAPI registration"
            ),
        ),
    ]
