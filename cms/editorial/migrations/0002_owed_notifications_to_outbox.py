"""E-mails still owed when their own replay loop gave way to the outbox are queued there."""

from datetime import timedelta

from django.db import migrations
from django.utils import timezone


def queue_owed_notifications(apps, schema_editor):
    Notification = apps.get_model("editorial", "Notification")
    OutboxMessage = apps.get_model("outbox", "OutboxMessage")
    owed = Notification.objects.filter(
        sent_at__isnull=True, created_at__gt=timezone.now() - timedelta(days=7)
    ).values_list("pk", flat=True)
    OutboxMessage.objects.bulk_create(
        OutboxMessage(
            topic="editorial.send-notification",
            key=f"notification:{pk}",
            payload={"notification": pk},
        )
        for pk in owed
    )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("outbox", "0001_initial"),
    ]

    operations = [migrations.RunPython(queue_owed_notifications, migrations.RunPython.noop)]
