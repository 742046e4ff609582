"""Clean rich text stored before it was sanitised, in pages and in their revisions."""

from django.db import migrations

from blocks.sanitize import clean_stored_rich_text


def clean(apps, schema_editor):
    clean_stored_rich_text(apps, "learning")


class Migration(migrations.Migration):
    dependencies = [('learning', '0002_lesson_body_blocks'),
        ("wagtailcore", "0094_alter_page_locale"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(clean, migrations.RunPython.noop)]
