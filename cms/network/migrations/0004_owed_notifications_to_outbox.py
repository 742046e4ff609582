"""Instant e-mails still owed when their own replay loop gave way to the outbox are queued there."""

from django.db import migrations


def queue_owed_notifications(apps, schema_editor):
    Notification = apps.get_model("network", "Notification")
    OutboxMessage = apps.get_model("outbox", "OutboxMessage")
    owed = Notification.objects.filter(sent_at__isnull=True).values_list("pk", flat=True)
    OutboxMessage.objects.bulk_create(
        OutboxMessage(
            topic="network.send-notification",
            key=f"notification:{pk}",
            payload={"notification": pk},
        )
        for pk in owed
    )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0003_unified_instrument_codes"),
        ("outbox", "0001_initial"),
    ]

    operations = [migrations.RunPython(queue_owed_notifications, migrations.RunPython.noop)]
