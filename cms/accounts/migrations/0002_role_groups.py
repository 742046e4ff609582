"""Create the suite's role groups; permissions are granted by the apps that own the models."""

from django.db import migrations

from cms.accounts.roles import all_group_names


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in all_group_names():
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_profiles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
