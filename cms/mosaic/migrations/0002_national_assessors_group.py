from django.db import migrations

NATIONAL_ASSESSORS = "MOSAIC national assessors"


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=NATIONAL_ASSESSORS)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=NATIONAL_ASSESSORS).delete()


class Migration(migrations.Migration):
    dependencies = [("mosaic", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_group, remove_group)]
