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
