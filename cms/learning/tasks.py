"""Forwarding xAPI statements to an external learning record store."""

import requests
from celery import shared_task
from django.conf import settings
from django.utils import timezone

from .models import Statement


class LrsUnavailable(Exception):
    """The LRS answered with a temporary failure; the task retries."""


@shared_task(
    autoretry_for=(requests.RequestException, LrsUnavailable),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def forward_statement(statement_id):
    """PUT the statement under its own id: the LRS stores it once however often it is sent."""
    lrs = settings.LEARNING_LRS
    statement = Statement.objects.filter(pk=statement_id, forwarded_at__isnull=True).first()
    if statement is None or not lrs["ENDPOINT"]:
        return "nothing to forward"
    response = requests.put(
        lrs["ENDPOINT"].rstrip("/") + "/statements",
        params={"statementId": str(statement.pk)},
        json=statement.statement,
        auth=(lrs["USERNAME"], lrs["PASSWORD"]) if lrs["USERNAME"] else None,
        headers={"X-Experience-API-Version": "1.0.3"},
        timeout=10,
    )
    if response.status_code >= 500 or response.status_code == 429:
        Statement.objects.filter(pk=statement.pk).update(
            forward_error=f"HTTP {response.status_code}"
        )
        raise LrsUnavailable(f"LRS answered HTTP {response.status_code}")
    # 409: the LRS already holds this statement id.
    if response.status_code >= 400 and response.status_code != 409:
        Statement.objects.filter(pk=statement.pk).update(
            forward_error=f"HTTP {response.status_code}: {response.text[:500]}"
        )
        return "refused"
    Statement.objects.filter(pk=statement.pk).update(forwarded_at=timezone.now(), forward_error="")
    return "forwarded"


@shared_task
def forward_pending_statements():
    """Queue every statement not yet forwarded (after an LRS outage outlasted the retries)."""
    if not settings.LEARNING_LRS["ENDPOINT"]:
        return 0
    pending = list(
        Statement.objects.filter(forwarded_at__isnull=True).values_list("pk", flat=True)[:1000]
    )
    for pk in pending:
        forward_statement.delay(str(pk))
    return len(pending)
