"""Forwarding xAPI statements to an external learning record store, through the outbox.

A statement is forwarded after the transaction that recorded it commits. A temporary failure
(no answer, HTTP 5xx or 429) raises, so the outbox keeps the message pending, counts the
attempt with its error and replays it later, up to its MAX_ATTEMPTS.
"""

import requests
from django.conf import settings
from django.utils import timezone

from .models import Statement

FORWARD_STATEMENT = "learning.forward-statement"


class LrsUnavailable(Exception):
    """The LRS answered with a temporary failure; the outbox tries again later."""


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
        raise LrsUnavailable(f"LRS answered HTTP {response.status_code}")
    # 409: the LRS already holds this statement id.
    if response.status_code >= 400 and response.status_code != 409:
        # Refused for good: sending it again would be refused again.
        Statement.objects.filter(pk=statement.pk).update(
            forward_error=f"HTTP {response.status_code}: {response.text[:500]}"
        )
        return "refused"
    Statement.objects.filter(pk=statement.pk).update(forwarded_at=timezone.now(), forward_error="")
    return "forwarded"


def forward_statement_handler(payload):
    forward_statement(payload["statement"])
