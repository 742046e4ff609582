"""Reporting cycles since 2010, the private collection of report files, and role permissions."""

from django.db import migrations

CYCLES = [
    ("BMS4", "bms", 4, 2010),
    ("RevCon2", "revcon", 2, 2012),
    ("BMS5", "bms", 5, 2014),
    ("BMS6", "bms", 6, 2016),
    ("RevCon3", "revcon", 3, 2018),
    ("BMS7", "bms", 7, 2021),
    ("BMS8", "bms", 8, 2022),
    ("RevCon4", "revcon", 4, 2024),
]
COLLECTION_NAME = "National reports"
NPC = "National points of contact"
SECRETARIAT = "Secretariat"


def add_cycles(apps, schema_editor):
    ReportingCycle = apps.get_model("library", "ReportingCycle")
    for code, meeting, number, year in CYCLES:
        ReportingCycle.objects.get_or_create(
            code=code, defaults={"meeting": meeting, "number": number, "year": year}
        )


def add_collection_and_permissions(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    collection = Collection.objects.filter(name=COLLECTION_NAME, depth=2).first()
    if collection is None:
        # The treebeard API is not available on historical models: place the child by hand.
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        step = int(last.path[-4:], 36) + 1 if last else 1
        suffix = ""
        alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        for _ in range(4):
            step, digit = divmod(step, 36)
            suffix = alphabet[digit] + suffix
        collection = Collection.objects.create(
            name=COLLECTION_NAME, path=root.path + suffix, depth=2, numchild=0
        )
        root.numchild += 1
        root.save(update_fields=["numchild"])
    secretariat = Group.objects.filter(name=SECRETARIAT).first()
    npc = Group.objects.filter(name=NPC).first()
    # Drafts' files are private; published ones are served through the report (see views).
    restriction, _created = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": "groups"}
    )
    if secretariat:
        restriction.groups.add(secretariat)

    document_type, _created = ContentType.objects.get_or_create(
        app_label="wagtaildocs", model="document"
    )

    def grant(group, codenames):
        for codename in codenames:
            permission, _created = Permission.objects.get_or_create(
                content_type=document_type,
                codename=codename,
                defaults={"name": f"Can {codename.split('_')[0]} document"},
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )

    if npc:
        grant(npc, ["add_document", "choose_document"])
        admin_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailadmin", model="admin"
        )
        access_admin, _created = Permission.objects.get_or_create(
            content_type=admin_type,
            codename="access_admin",
            defaults={"name": "Can access Wagtail admin"},
        )
        npc.permissions.add(access_admin)
    if secretariat:
        grant(secretariat, ["add_document", "change_document", "choose_document", "delete_document"])


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0003_national_reports"),
        ("accounts", "0002_role_groups"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(add_cycles, migrations.RunPython.noop),
        migrations.RunPython(add_collection_and_permissions, migrations.RunPython.noop),
    ]
