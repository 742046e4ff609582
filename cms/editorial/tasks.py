import logging
from datetime import timedelta
from io import StringIO

from celery import shared_task
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

PUBLISH_SCHEDULED_LOCK = "editorial:publish-scheduled"


SEND_NOTIFICATION = "editorial.send-notification"
# News of a week-old review is no longer worth sending (after a long broker outage).
NOTIFICATION_STALE_AFTER = timedelta(days=7)


def send_notification(notification_id):
    """Send one workflow e-mail; a second run for the same row sends nothing."""
    from .mail import deliver
    from .models import Notification

    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .filter(pk=notification_id, sent_at__isnull=True)
            .select_related("recipient", "workflow_state", "task_state")
            .first()
        )
        if notification is None:
            return False
        if notification.created_at < timezone.now() - NOTIFICATION_STALE_AFTER:
            logger.info("Workflow notification %s is too old to send; dropped.", notification)
            return False
        deliver(notification)
        notification.sent_at = timezone.now()
        notification.save(update_fields=["sent_at"])
    return True


def send_notification_handler(payload):
    """Outbox handler: a failing mail server leaves the message pending for the replay."""
    send_notification(payload["notification"])


@shared_task
def publish_scheduled():
    """Publish what is due and unpublish what has expired (Wagtail's `publish_scheduled`).

    Run every minute by Celery beat; a lock keeps two overlapping runs from publishing the
    same revision twice.
    """
    if not cache.add(PUBLISH_SCHEDULED_LOCK, timezone.now().isoformat(), timeout=300):
        logger.info("Scheduled publishing is already running; skipped.")
        return False
    try:
        call_command("publish_scheduled", stdout=StringIO())
    finally:
        cache.delete(PUBLISH_SCHEDULED_LOCK)
    return True
