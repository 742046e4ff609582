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


@shared_task(autoretry_for=(ConnectionError, TimeoutError, OSError), retry_backoff=True)
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
        deliver(notification)
        notification.sent_at = timezone.now()
        notification.save(update_fields=["sent_at"])
    return True


@shared_task
def deliver_pending_notifications(older_than_seconds=300, give_up_after_days=7):
    """Queue again the e-mails still owed a while after they were written (broker outages).

    E-mails older than `give_up_after_days` are left alone: news of a week-old review is
    no longer worth sending, and an address that always fails should not be retried forever.
    """
    from .models import Notification

    now = timezone.now()
    pending = list(
        Notification.objects.filter(
            sent_at__isnull=True,
            created_at__lt=now - timedelta(seconds=older_than_seconds),
            created_at__gt=now - timedelta(days=give_up_after_days),
        ).values_list("pk", flat=True)
    )
    for pk in pending:
        send_notification.delay(pk)
    return len(pending)


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
