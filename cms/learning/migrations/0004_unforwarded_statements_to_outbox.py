"""Statements not yet forwarded when their own replay loop gave way to the outbox are queued
there (when an LRS is configured, as the loop did)."""

from django.conf import settings
from django.db import migrations


def queue_unforwarded_statements(apps, schema_editor):
    if not settings.LEARNING_LRS["ENDPOINT"]:
        return
    Statement = apps.get_model("learning", "Statement")
    OutboxMessage = apps.get_model("outbox", "OutboxMessage")
    unforwarded = Statement.objects.filter(forwarded_at__isnull=True).values_list("pk", flat=True)
    OutboxMessage.objects.bulk_create(
        OutboxMessage(
            topic="learning.forward-statement",
            key=f"statement:{pk}",
            payload={"statement": str(pk)},
        )
        for pk in unforwarded.iterator()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0003_clean_stored_rich_text"),
        ("outbox", "0001_initial"),
    ]

    operations = [migrations.RunPython(queue_unforwarded_statements, migrations.RunPython.noop)]
