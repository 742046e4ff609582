import socket

from celery import shared_task
from django.db import connection


@shared_task
def describe_worker():
    """Report where the task ran and which database it sees: a health check of the pipeline."""
    return {
        "hostname": socket.gethostname(),
        "database_vendor": connection.vendor,
        "database_name": str(connection.settings_dict["NAME"]),
    }


@shared_task
def purge_expired_previews():
    """Delete preview snapshots whose tokens can no longer be used (safe to run any time)."""
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    from .models import HeadlessPreview

    cutoff = timezone.now() - timedelta(seconds=settings.HEADLESS_PREVIEW_MAX_AGE)
    deleted, _details = HeadlessPreview.objects.filter(created_at__lt=cutoff).delete()
    return deleted
