"""The fifteen reporting cycles from BMS1 (2003) to RevCon5 (2030), with BMS9 open, and the
secretariat's permission to change them (which cycle is open is decided in the admin)."""

from django.db import migrations

SECRETARIAT = "Secretariat"
CYCLE_PERMISSIONS = ("add", "change", "view")


def load_cycles(apps, schema_editor):
    from cms.library.cycles import load_cycles as load

    load(apps.get_model("library", "ReportingCycle"))


def grant_secretariat(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    secretariat = Group.objects.filter(name=SECRETARIAT).first()
    if secretariat is None:
        return
    cycle_type, _created = ContentType.objects.get_or_create(
        app_label="library", model="reportingcycle"
    )
    for action in CYCLE_PERMISSIONS:
        permission, _created = Permission.objects.get_or_create(
            content_type=cycle_type,
            codename=f"{action}_reportingcycle",
            defaults={"name": f"Can {action} reporting cycle"},
        )
        secretariat.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0009_reporting_cycle_meetings"),
        ("accounts", "0002_role_groups"),
    ]

    operations = [
        migrations.RunPython(load_cycles, migrations.RunPython.noop),
        migrations.RunPython(grant_secretariat, migrations.RunPython.noop),
    ]
