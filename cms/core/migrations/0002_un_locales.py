"""Create the Wagtail locales of the six official UN languages."""

from django.db import migrations

UN_LANGUAGE_CODES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in UN_LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
