"""The Celery application of the suite.

Configured from Django settings (the CELERY_* names). With no broker configured the
tasks run eagerly in-process; with REDIS_URL (or CELERY_BROKER_URL) a worker runs them.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("cms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
